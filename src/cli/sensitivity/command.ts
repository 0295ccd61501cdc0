/**
 * `pamir sensitivity <results-dir> [--outcome X …] [--bootstrap N] [--seed S] [--json]`: Sobol
 * indices (S1, ST, S2 when designed) of a Saltelli study or Morris measures (μ, μ*, σ) of a
 * Morris study, or partial rank correlation coefficients (PRCC) of a Latin-hypercube or
 * Sobol-sequence study, per scenario, factorial cell and outcome, with bootstrap 95 % intervals; writes
 * sensitivity.json and sensitivity.csv into the results folder and prints a table per outcome.
 */
import type { SensitivityReport, SensitivityResult } from "../../stats/sensitivity/analyse.js";
import type { Interval } from "../../stats/sensitivity/intervals.js";
import { CliError, EXIT } from "../errors.js";
import { problemsText } from "../problems.js";
import { formatNumber as f, renderTable } from "../table.js";

export interface SensitivityArgs {
  resultsDir: string;
  outcome?: string[] | undefined;
  bootstrap: number;
  seed: number;
  json?: boolean | undefined;
  /** Value factor whose arms' paired difference is analysed (effect.ts). */
  effect?: string | undefined;
  arms?: string | undefined;
}

/** A p-value: 3 significant digits, "< 1e-6" below that. */
const pValue = (p: number) => (p < 1e-6 ? "< 1e-6" : f(p, { digits: 3 }));

const span = (i: Interval) => (Number.isNaN(i.low) ? "—" : `[${f(i.low)}, ${f(i.high)}]`);

/** One result as printed lines: a heading, then the factor table. */
function formatResult(r: SensitivityResult, units: string): string[] {
  const cell = Object.entries(r.cell).map(([k, v]) => `${k}=${v}`);
  const where = [r.scenario, ...cell].join(", ");
  const used = `${r.used} ${units} used${r.dropped > 0 ? `, ${r.dropped} left out for missing outputs` : ""}`;
  let noise = "";
  if (typeof r.noiseShare === "number")
    noise = `; replicate noise ≈ ${f(100 * r.noiseShare)} % of the variance (it adds about that to each ST)`;
  if (typeof r.noiseEffect === "number")
    noise = `; replicate noise alone spreads an effect by ≈ ${f(r.noiseEffect)}`;
  const out = [`${r.outcome} (${where}): ${used}${noise}`];
  if (r.sobol) {
    const rows = r.sobol.map((s) => [s.factor, f(s.s1.value), span(s.s1), f(s.st.value), span(s.st)]);
    out.push(renderTable(["factor", "S1", "S1 95 % interval", "ST", "ST 95 % interval"], rows));
  }
  if (r.pairs) {
    const rows = r.pairs.map((p) => [`${p.a} × ${p.b}`, f(p.s2.value), span(p.s2)]);
    out.push("", renderTable(["pair", "S2", "S2 95 % interval"], rows));
  }
  if (r.prcc) {
    const rows = r.prcc.map((m) => [m.factor, f(m.prcc.value), span(m.prcc), pValue(m.p)]);
    out.push(renderTable(["factor", "PRCC", "PRCC 95 % interval", "p"], rows));
  }
  if (r.morris) {
    const rows = r.morris.map((m) => [m.factor, f(m.mu), f(m.muStar.value), span(m.muStar), f(m.sigma)]);
    out.push(renderTable(["factor", "mu", "mu*", "mu* 95 % interval", "sigma"], rows));
  }
  return out;
}

/** The report as printed lines. */
export function formatSensitivity(report: SensitivityReport): string[] {
  const saltelli = report.design === "saltelli";
  const prcc = report.method === "prcc";
  const what = prcc
    ? `Partial rank correlation coefficients (PRCC, Marino et al. 2008) of the ${report.design} sample; p: t test, n - 2 - k df`
    : saltelli
      ? "Sobol indices (S1 Saltelli 2010, ST Jansen 1999)"
      : "Morris elementary effects (mu* Campolongo 2007), per whole factor range";
  const units = prcc ? "design points" : saltelli ? "base rows" : "trajectories";
  const out = [
    `${what}; replicates ${report.replicates}; ${report.bootstrap.resamples}-resample bootstrap ` +
      `95 % intervals (seed ${report.bootstrap.seed}).`,
  ];
  for (const r of report.results) out.push("", ...formatResult(r, units));
  return out;
}

/** Reject bad --bootstrap and --seed values. */
export function checkArgs(a: SensitivityArgs): void {
  const bad = (m: string) => new CliError(m, EXIT.badInput);
  if (!(Number.isInteger(a.bootstrap) && a.bootstrap >= 0 && a.bootstrap <= 100_000))
    throw bad("--bootstrap must be an integer from 0 to 100000");
  if (!(Number.isInteger(a.seed) && a.seed >= 0)) throw bad("--seed must be an integer ≥ 0");
}

/** Execute `pamir sensitivity`. */
export async function sensitivityCommand(args: SensitivityArgs, print: (s: string) => void): Promise<void> {
  checkArgs(args);
  const dir = args.resultsDir;
  // Loaded here, not at the top: the statistics pull in mathjs, which other commands skip.
  const { loadRuns } = await import("../../stats/write-summary.js");
  const { analyseSensitivity } = await import("../../stats/sensitivity/analyse.js");
  const { analysePrcc } = await import("../../stats/sensitivity/prcc-analyse.js");
  const { writeSensitivity } = await import("../../stats/sensitivity/files.js");
  const { openSensitivityInputs } = await import("../results-inputs.js");
  const read = await loadRuns(dir);
  if (!read.ok) throw new CliError(problemsText(read.problems), EXIT.badInput);
  const inputs = openSensitivityInputs(dir);
  if (!inputs.ok) throw new CliError(problemsText(inputs.problems), EXIT.badInput);
  const opts = { outcomes: args.outcome, resamples: args.bootstrap, seed: args.seed };
  const r =
    "prcc" in inputs
      ? analysePrcc(read.value.rows, inputs.prcc, opts)
      : analyseSensitivity(read.value.rows, inputs.design, inputs.cellFactors, opts);
  if (!r.ok) throw new CliError(`${dir}: ${problemsText(r.problems)}`, EXIT.badInput);
  const written = await writeSensitivity(dir, r.value);
  if (!written.ok) throw new CliError(problemsText(written.problems), EXIT.runFailed);
  if (args.json) {
    print(JSON.stringify(r.value, null, 2));
    return;
  }
  for (const l of formatSensitivity(r.value)) print(l);
  print("");
  print(`wrote ${written.files.json} and ${written.files.csv}`);
}
