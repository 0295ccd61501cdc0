/**
 * `pamir sensitivity <results-dir> --effect F --outcome X [--arms A,B]`: which range factors the
 * difference between two arms of value factor F depends on (stats/sensitivity/effect.ts): per
 * factor the first-order Sobol index from given data and the PRCC of the paired difference, with
 * bootstrap 95 % intervals. Prints a table and writes effect-sensitivity.json into the folder.
 */

import { EFFECT_FILE, type EffectReport, type EffectResult } from "../../stats/sensitivity/effect.js";
import type { Interval } from "../../stats/sensitivity/intervals.js";
import { type ManifestFactor, readManifest } from "../../study/results/manifest.js";
import { CliError, EXIT } from "../errors.js";
import { armsOf, factorOf } from "../flip/command.js";
import { problemsText } from "../problems.js";
import { formatNumber as f, renderTable } from "../table.js";
import { writeJsonResult } from "../write-json.js";
import { checkArgs, type SensitivityArgs } from "./command.js";

/** The file `--effect` writes into the results folder. */

const span = (i: Interval) => (Number.isNaN(i.low) ? "—" : `[${f(i.low)}, ${f(i.high)}]`);
const pValue = (p: number) => (p < 1e-6 ? "< 1e-6" : f(p, { digits: 3 }));

/** One result as printed lines. */
function formatResult(report: EffectReport, r: EffectResult): string[] {
  const [a, b] = report.arms;
  const cell = Object.entries(r.cell).map(([k, v]) => `${k}=${v}`);
  const where = [r.scenario, ...cell].join(", ");
  const noise =
    r.noiseShare === null ? "" : `; replicate noise ≈ ${f(100 * r.noiseShare)} % of the effect's variance`;
  const rows = [...r.indices]
    .sort((x, y) => (y.s1.value || 0) - (x.s1.value || 0))
    .map((x) => [x.factor, f(x.s1.value), span(x.s1), f(x.prcc.value), span(x.prcc), pValue(x.p)]);
  return [
    `${report.outcome}, ${a} − ${b} (${where}): mean ${f(r.mean.value)} [${f(r.mean.low)}, ${f(r.mean.high)}] over ${r.used} samples` +
      `${r.dropped > 0 ? ` (${r.dropped} left out)` : ""}${noise}; ${r.classes} classes, an input without effect scores ≈ ${f(r.nullLevel)}`,
    renderTable(["factor", "S1", "S1 95 % interval", "PRCC", "PRCC 95 % interval", "p"], rows),
  ];
}

/** Execute `pamir sensitivity --effect`. */
export async function effectCommand(args: SensitivityArgs, print: (s: string) => void): Promise<void> {
  checkArgs(args);
  const bad = (m: string) => new CliError(m, EXIT.badInput);
  if (args.outcome?.length !== 1) throw bad("--effect needs exactly one --outcome");
  const outcome = args.outcome[0]!;
  const dir = args.resultsDir;
  const { loadRuns } = await import("../../stats/write-summary.js");
  const { analyseEffect } = await import("../../stats/sensitivity/effect.js");
  const read = await loadRuns(dir);
  if (!read.ok) throw new CliError(problemsText(read.problems), EXIT.badInput);
  const m = readManifest(dir);
  if (!m) throw bad(`${dir} has no readable manifest.json (is it a study's results directory?)`);
  const by = factorOf(m.factors, args.effect ?? "", "values", "effect") as Extract<
    ManifestFactor,
    { kind: "values" }
  >;
  if (!read.value.rows.some((r) => r.status === "ok" && outcome in r.outcomes))
    throw bad(`--outcome ${outcome}: no finished run has it`);
  const space = {
    samples: m.design.samples,
    by,
    arms: armsOf(by, args.arms),
    ranges: m.factors.filter((x) => x.kind === "range").map((x) => ({ name: x.name, path: x.path })),
    others: m.factors
      .filter((x) => x.kind === "values" && x !== by)
      .map((x) => ({ name: x.name, path: x.path })),
  };
  const r = analyseEffect(read.value.rows, space, { outcome, resamples: args.bootstrap, seed: args.seed });
  if (!r.ok) throw new CliError(`${dir}: ${problemsText(r.problems)}`, EXIT.badInput);
  const path = await writeJsonResult(dir, EFFECT_FILE, r.value);
  if (args.json) return print(JSON.stringify(r.value, null, 2));
  print(
    `Sensitivity of ${r.value.arms.join(" − ")}: first-order Sobol index from given data (Plischke et al. 2013) and PRCC;` +
      ` ${r.value.bootstrap.resamples}-resample bootstrap 95 % intervals (seed ${r.value.bootstrap.seed}).`,
  );
  for (const res of r.value.results) for (const l of ["", ...formatResult(r.value, res)]) print(l);
  print("");
  print(`wrote ${path}`);
}
