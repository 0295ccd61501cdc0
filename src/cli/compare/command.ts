/**
 * `pamir compare <results-dir> --outcome X --by posture --within motive`: arms compared pairwise
 * within each level (difference, bootstrap interval, Hedges' g) and the regret table with the
 * robust arm named in a sentence.
 */
import type { ComparisonReport } from "../../stats/compare.js";
import { CaveatTally, intervalCaveats, MIN_INTERVAL_RUNS } from "../../stats/interval-caveats.js";
import type { Direction } from "../../stats/regret.js";
import { CliError, EXIT } from "../errors.js";
import { problemsText } from "../problems.js";
import { formatNumber, renderTable } from "../table.js";

export interface CompareArgs {
  resultsDir: string;
  outcome: string;
  by: string;
  within?: string | undefined;
  lowerIsBetter?: boolean | undefined;
  higherIsBetter?: boolean | undefined;
  bootstrap: number;
  seed: number;
  json?: boolean | undefined;
}

const f = (v: number) => formatNumber(v);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * The comparison and regret tables and the robust-choice sentence, as printed lines; intervals
 * that should not be read at face value are marked, footnoted and counted in `caveats`.
 */
export function formatComparison(r: ComparisonReport, caveats = new CaveatTally()): string[] {
  const way = r.direction === "lower-is-better" ? "lower is better" : "higher is better";
  const levelName = r.within ?? "level";
  const out: string[] = [];
  out.push(
    `${r.outcome} (${way}) by ${r.by}${r.within ? ` within ${r.within}` : ""}: ` +
      `${plural(r.runs.total, "run")}, ${r.runs.ok} ok, ${r.runs.failed} failed (failed runs left out)`,
  );
  if (r.runs.unlabelled > 0) {
    const names = r.within ? `${r.by} or ${r.within}` : r.by;
    out.push(`${plural(r.runs.unlabelled, "run")} without a ${names} label left out`);
  }
  out.push("");
  const armRows = r.levels.flatMap((l) =>
    l.arms.map((a) => [
      l.level,
      a.label,
      f(a.n),
      f(a.failed),
      f(a.mean),
      f(a.sd),
      f(a.ciLow),
      f(a.ciHigh),
      caveats.add(intervalCaveats(a)),
    ]),
  );
  out.push(
    renderTable([levelName, r.by, "n", "failed", "mean", "sd", "ci95 low", "ci95 high", "note"], armRows),
  );
  out.push("");
  out.push(
    `Differences of means (A − B) with ${r.bootstrap.resamples}-resample bootstrap 95 % intervals ` +
      `(seed ${r.bootstrap.seed}) and Hedges' g:`,
  );
  // A bootstrap interval of a difference may well go below 0; few runs in either arm still matter.
  const fewer = (l: (typeof r.levels)[number], label: string) =>
    (l.arms.find((a) => a.label === label)?.n ?? 0) < MIN_INTERVAL_RUNS;
  const pairRows = r.levels.flatMap((l) =>
    l.pairs.map((p) => [
      l.level,
      p.a,
      p.b,
      f(p.diff),
      f(p.ciLow),
      f(p.ciHigh),
      f(p.hedgesG),
      caveats.add(Number.isFinite(p.ciLow) && (fewer(l, p.a) || fewer(l, p.b)) ? ["few-runs"] : []),
    ]),
  );
  out.push(
    renderTable([levelName, "A", "B", "A − B", "ci95 low", "ci95 high", "hedges g", "note"], pairRows),
  );
  out.push("");
  const g = r.regret;
  const under = r.within ? ` under each ${r.within}` : "";
  out.push(`Regret: how much worse each ${r.by} does than the best ${r.by}${under} (${way}):`);
  const regretRows = g.postures.map((p, i) => [p, ...g.regret[i]!.map(f), f(g.maxRegret[i]!)]);
  out.push(renderTable([r.by, ...g.hypotheses, "max regret"], regretRows));
  out.push("");
  out.push(robustSentence(r));
  const notes = caveats.notes();
  if (notes.length > 0) out.push("", ...notes);
  return out;
}

/** The robust choice in a plain sentence. */
export function robustSentence(r: ComparisonReport): string {
  const g = r.regret;
  if (g.robust === null) {
    return `No robust ${r.by}: none has runs under every ${r.within ?? "level"}, so no maximum regret can be compared.`;
  }
  const max = g.maxRegret[g.postures.indexOf(g.robust)]!;
  let s = r.within
    ? `Robust choice: ${r.by} "${g.robust}" — its worst-case regret over the ${r.within} hypotheses ` +
      `(${f(max)} ${r.outcome}) is the smallest.`
    : `Best ${r.by}: "${g.robust}" (without --within there is one hypothesis, so the robust choice is the best mean).`;
  if (g.tiedWith.length > 0) {
    s += ` Tied with ${g.tiedWith.map((t) => `"${t}"`).join(", ")}; ${g.tieBreak}.`;
  }
  return s;
}

/** Check the option values; returns the outcome's direction or throws a usage error (exit 2). */
function checkArgs(a: CompareArgs): Direction {
  const bad = (m: string) => new CliError(m, EXIT.badInput);
  for (const k of ["outcome", "by"] as const) {
    if (typeof a[k] !== "string" || a[k] === "") throw bad(`--${k} needs a name`);
  }
  if (a.lowerIsBetter && a.higherIsBetter)
    throw bad("--lower-is-better and --higher-is-better exclude each other");
  if (!a.lowerIsBetter && !a.higherIsBetter) {
    throw bad("say which way the outcome is good: --lower-is-better or --higher-is-better");
  }
  if (!(Number.isInteger(a.bootstrap) && a.bootstrap >= 1 && a.bootstrap <= 1_000_000)) {
    throw bad("--bootstrap must be an integer from 1 to 1000000");
  }
  if (!(Number.isInteger(a.seed) && a.seed >= 0)) throw bad("--seed must be an integer ≥ 0");
  return a.lowerIsBetter ? "lower-is-better" : "higher-is-better";
}

/** Execute `pamir compare`. */
export async function compareCommand(args: CompareArgs, print: (s: string) => void): Promise<void> {
  // Checked here rather than in a yargs .check(): a failed check must stop the command, not just
  // set the exit code.
  const direction = checkArgs(args);
  // Loaded here, not at the top: mathjs takes most of a second to load and other commands skip it.
  const { loadRuns } = await import("../../stats/write-summary.js");
  const { compareArms } = await import("../../stats/compare.js");
  const read = await loadRuns(args.resultsDir);
  if (!read.ok) throw new CliError(problemsText(read.problems), EXIT.badInput);
  const r = compareArms(read.value.rows, {
    outcome: args.outcome,
    by: args.by,
    within: args.within,
    direction,
    resamples: args.bootstrap,
    seed: args.seed,
  });
  if (!r.ok) throw new CliError(problemsText(r.problems), EXIT.badInput);
  if (args.json) {
    print(JSON.stringify(r.value, null, 2));
    return;
  }
  if (read.value.tornLine) print("(a torn last line of runs.ndjson, an interrupted write, was skipped)");
  const caveats = new CaveatTally();
  for (const l of formatComparison(r.value, caveats)) print(l);
  for (const w of caveats.warnings()) process.stderr.write(`pamir: warning: ${w}\n`);
}
