/**
 * `pamir flip <results-dir> --outcome X --by F --along G [--arms A,B] [--bins k] [--bootstrap N]
 * [--seed S] [--json]`: where along range factor G the better of F's two arms changes (stats/flip).
 * Prints the line, the flip point with its bootstrap interval and which arm is better on each
 * side, and the binned differences; writes flip.json into the results folder.
 */

import type { FlipReport } from "../../stats/flip/flip.js";
import type { Direction } from "../../stats/regret.js";
import { type ManifestFactor, readManifest } from "../../study/results/manifest.js";
import { CliError, EXIT } from "../errors.js";
import { catalogueDirections, resultsCatalogues, unitOf } from "../outcomes/catalogues.js";
import { problemsText } from "../problems.js";
import { formatNumber as f, renderTable } from "../table.js";
import { writeJsonResult } from "../write-json.js";

export interface FlipArgs {
  resultsDir: string;
  outcome: string;
  by: string;
  along: string;
  arms?: string | undefined;
  lowerIsBetter?: boolean | undefined;
  higherIsBetter?: boolean | undefined;
  bins: number;
  bootstrap: number;
  seed: number;
  json?: boolean | undefined;
}

const bad = (m: string) => new CliError(m, EXIT.badInput);

function checkArgs(a: FlipArgs): Direction | undefined {
  for (const k of ["outcome", "by", "along"] as const)
    if (typeof a[k] !== "string" || a[k] === "") throw bad(`--${k} needs a name`);
  if (a.lowerIsBetter && a.higherIsBetter)
    throw bad("--lower-is-better and --higher-is-better exclude each other");
  if (!(Number.isInteger(a.bootstrap) && a.bootstrap >= 1 && a.bootstrap <= 1_000_000))
    throw bad("--bootstrap must be an integer from 1 to 1000000");
  if (!(Number.isInteger(a.seed) && a.seed >= 0)) throw bad("--seed must be an integer ≥ 0");
  if (!(Number.isInteger(a.bins) && a.bins >= 1 && a.bins <= 100))
    throw bad("--bins must be an integer from 1 to 100");
  if (a.lowerIsBetter) return "lower-is-better";
  return a.higherIsBetter ? "higher-is-better" : undefined;
}

/** The manifest factor named (by study name or path) `name` of `kind`, else a one-line error listing those there are. */
export function factorOf(
  factors: readonly ManifestFactor[],
  name: string,
  kind: ManifestFactor["kind"],
  flag: string,
) {
  const of = factors.filter((x) => x.kind === kind);
  const hit = of.find((x) => x.name === name || x.path === name);
  if (hit) return hit;
  const names = of.map((x) => x.name).join(", ") || "none";
  throw bad(
    `--${flag} ${name}: not a ${kind === "range" ? "range" : "value"} factor of this study (${names})`,
  );
}

/** The two labels compared: --arms, else the factor's two. */
export function armsOf(
  by: Extract<ManifestFactor, { kind: "values" }>,
  arms: string | undefined,
): [string, string] {
  const labels = by.labels ?? by.levels.map((v) => (typeof v === "string" ? v : JSON.stringify(v)));
  const chosen = arms === undefined ? labels : arms.split(",").map((s) => s.trim());
  if (chosen.length !== 2)
    throw bad(`--by ${by.name} has ${labels.length} arms (${labels.join(", ")}): name two with --arms A,B`);
  for (const l of chosen)
    if (!labels.includes(l)) throw bad(`--arms: ${by.name} has no arm "${l}" (${labels.join(", ")})`);
  return [chosen[0]!, chosen[1]!];
}

/** The report as printed lines. */
export function formatFlip(r: FlipReport, unit: string): string[] {
  const [a, b] = r.arms;
  const u = unit ? ` (${unit})` : "";
  const boot = r.bootstrap;
  const ends = `[${f(boot.low)}, ${f(boot.high)}]`;
  const out = [
    `${r.outcome}${u}, ${a} − ${b}, along ${r.along.name} (${f(r.along.min)} to ${f(r.along.max)}): ${r.cases} paired cases` +
      `${r.dropped > 0 ? ` (${r.dropped} left out for a missing run or value)` : ""}.`,
    `Line: ${f(r.fit.intercept)} + ${f(r.fit.slope)} × ${r.along.name}; slope 95 % [${f(r.fit.slopeLow)}, ${f(r.fit.slopeHigh)}], R² ${f(r.fit.r2)}.`,
  ];
  if (r.inRange)
    out.push(
      `Flips at ${r.along.name} = ${f(r.flipAt ?? Number.NaN)}, 95 % ${ends}: ${r.betterBelow} is better below, ${r.betterAbove} above` +
        ` (${r.direction}); ${f(100 * boot.crossShare, { digits: 3 })} % of ${boot.resamples} resamples cross inside the range.`,
    );
  else
    out.push(
      `No flip inside the range: ${r.betterBelow} is better throughout (${r.direction}); the line's root is ${r.flipAt === null ? "none (flat)" : f(r.flipAt)}, 95 % ${ends};` +
        ` ${f(100 * boot.crossShare, { digits: 3 })} % of ${boot.resamples} resamples cross inside the range.`,
    );
  const g = r.regret;
  if (g?.robust) {
    const worst = g.postures.map((p, i) => `${p} ${f(g.maxRegret[i]!)}`).join(", ");
    out.push(
      `Minimax regret over the ${g.hypotheses.length} bins of ${r.along.name} (each bin one hypothesis): ${g.robust} is robust; worst-case regret ${worst}.`,
    );
  }
  const rows = r.bins.map((x) => [
    `${f(x.from)} – ${f(x.to)}`,
    String(x.n),
    f(x.mean),
    `${f(x.ciLow)} – ${f(x.ciHigh)}`,
    f(x.meanA),
    f(x.meanB),
  ]);
  out.push(
    "",
    renderTable([r.along.name, "n", `mean ${a} − ${b}`, "95 % interval", `mean ${a}`, `mean ${b}`], rows),
  );
  return out;
}

/** Execute `pamir flip`. */
export async function flipCommand(args: FlipArgs, print: (s: string) => void): Promise<void> {
  const flagged = checkArgs(args);
  const dir = args.resultsDir;
  const { loadRuns } = await import("../../stats/write-summary.js");
  const { findFlip } = await import("../../stats/flip/flip.js");
  const read = await loadRuns(dir);
  if (!read.ok) throw new CliError(problemsText(read.problems), EXIT.badInput);
  const m = readManifest(dir);
  if (!m) throw bad(`${dir} has no readable manifest.json (is it a study's results directory?)`);
  const by = factorOf(m.factors, args.by, "values", "by") as Extract<ManifestFactor, { kind: "values" }>;
  const along = factorOf(m.factors, args.along, "range", "along");
  const catalogues = await resultsCatalogues(dir);
  const direction = flagged ?? catalogueDirections(catalogues)?.(args.outcome);
  if (!direction)
    throw bad(
      `--outcome ${args.outcome}: no catalogue direction; say which way it is good: --lower-is-better or --higher-is-better`,
    );
  const others = m.factors
    .filter((x) => x.kind === "values" && x !== by)
    .map((x) => ({ name: x.name, path: x.path }));
  const space = { samples: m.design.samples, by, arms: armsOf(by, args.arms), along, others };
  const opts = {
    outcome: args.outcome,
    direction,
    resamples: args.bootstrap,
    seed: args.seed,
    bins: args.bins,
  };
  const r = findFlip(read.value.rows, space, opts);
  if (!r.ok) throw new CliError(`${dir}: ${problemsText(r.problems)}`, EXIT.badInput);
  const path = await writeJsonResult(dir, "flip.json", r.value);
  if (args.json) return print(JSON.stringify(r.value, null, 2));
  for (const l of formatFlip(r.value, unitOf(catalogues, args.outcome))) print(l);
  print("");
  print(`wrote ${path}`);
}
