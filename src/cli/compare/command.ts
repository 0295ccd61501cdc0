/**
 * `pamir compare <results-dir> --outcome X --by posture --within motive`: arms compared pairwise
 * within each level (difference, bootstrap interval, Hedges' g) and the regret table with the
 * robust arm named in a sentence.
 */
import { describeColumn, type OutcomeSpec } from "../../core/outcomes.js";
import type { ComparisonReport } from "../../stats/compare.js";
import { CaveatTally, intervalCaveats, MIN_INTERVAL_RUNS } from "../../stats/interval-caveats.js";
import type { Direction } from "../../stats/regret.js";
import { CliError, EXIT } from "../errors.js";
import { resultsCatalogues } from "../outcomes/catalogues.js";
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

/** What the tables say about the outcome besides the report: its unit and where its direction came from. */
export interface OutcomeNote {
  /** Unit from the catalogue ("" when unknown). */
  unit: string;
  /** Where the direction came from. */
  from: DirectionFrom;
}

/**
 * The comparison and regret tables and the robust-choice sentence, as printed lines; intervals
 * that should not be read at face value are marked, footnoted and counted in `caveats`.
 */
export function formatComparison(
  r: ComparisonReport,
  note: OutcomeNote = { unit: "", from: "option" },
  caveats = new CaveatTally(),
): string[] {
  const way = r.direction === "lower-is-better" ? "lower is better" : "higher is better";
  const wayFrom = note.from === "catalogue" ? `${way}, from the outcome catalogue` : way;
  const unit = note.unit === "" ? "" : ` [${note.unit}]`;
  const levelName = r.within ?? "level";
  const out: string[] = [];
  out.push(
    `${r.outcome}${unit} (${wayFrom}) by ${r.by}${r.within ? ` within ${r.within}` : ""}: ` +
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
  out.push(robustSentence(r, note.unit));
  const notes = caveats.notes();
  if (notes.length > 0) out.push("", ...notes);
  return out;
}

/** The robust choice in a plain sentence; regrets are in `unit` when given, else in the outcome's name. */
export function robustSentence(r: ComparisonReport, unit = ""): string {
  const g = r.regret;
  if (g.robust === null) {
    return `No robust ${r.by}: none has runs under every ${r.within ?? "level"}, so no maximum regret can be compared.`;
  }
  const max = g.maxRegret[g.postures.indexOf(g.robust)]!;
  let s = r.within
    ? `Robust choice: ${r.by} "${g.robust}" — its worst-case regret over the ${r.within} hypotheses ` +
      `(${f(max)} ${unit === "" ? r.outcome : `${unit} of ${r.outcome}`}) is the smallest.`
    : `Best ${r.by}: "${g.robust}" (without --within there is one hypothesis, so the robust choice is the best mean).`;
  if (g.tiedWith.length > 0) {
    s += ` Tied with ${g.tiedWith.map((t) => `"${t}"`).join(", ")}; ${g.tieBreak}.`;
  }
  return s;
}

/** Check the option values; returns the direction the flags give (undefined: none given) or throws a usage error (exit 2). */
function checkArgs(a: CompareArgs): Direction | undefined {
  const bad = (m: string) => new CliError(m, EXIT.badInput);
  for (const k of ["outcome", "by"] as const) {
    if (typeof a[k] !== "string" || a[k] === "") throw bad(`--${k} needs a name`);
  }
  if (a.lowerIsBetter && a.higherIsBetter)
    throw bad("--lower-is-better and --higher-is-better exclude each other");
  if (!(Number.isInteger(a.bootstrap) && a.bootstrap >= 1 && a.bootstrap <= 1_000_000)) {
    throw bad("--bootstrap must be an integer from 1 to 1000000");
  }
  if (!(Number.isInteger(a.seed) && a.seed >= 0)) throw bad("--seed must be an integer ≥ 0");
  if (a.lowerIsBetter) return "lower-is-better";
  return a.higherIsBetter ? "higher-is-better" : undefined;
}

/** Where the direction came from: the flags, or the results folder's outcome catalogue. */
type DirectionFrom = "option" | "catalogue";

/**
 * The direction to compare in: the flags' when given (they override the catalogue), else the
 * catalogue's; an outcome the catalogue gives no better side, or does not know, needs a flag.
 */
function resolveDirection(
  flagged: Direction | undefined,
  spec: OutcomeSpec | undefined,
  a: CompareArgs,
): { direction: Direction; from: DirectionFrom } {
  if (flagged) return { direction: flagged, from: "option" };
  const ask = "say which way it is good: --lower-is-better or --higher-is-better";
  if (spec?.direction === "lower") return { direction: "lower-is-better", from: "catalogue" };
  if (spec?.direction === "higher") return { direction: "higher-is-better", from: "catalogue" };
  if (spec)
    throw new CliError(
      `--outcome ${a.outcome}: the outcome catalogue gives it no better side (${spec.unit}; ${spec.meaning}); ${ask}`,
      EXIT.badInput,
    );
  throw new CliError(
    `--outcome ${a.outcome}: ${a.resultsDir} has no catalogue entry for it; ${ask}`,
    EXIT.badInput,
  );
}

/** Execute `pamir compare`. */
export async function compareCommand(args: CompareArgs, print: (s: string) => void): Promise<void> {
  // Checked here rather than in a yargs .check(): a failed check must stop the command, not just
  // set the exit code.
  const flagged = checkArgs(args);
  // Loaded here, not at the top: mathjs takes most of a second to load and other commands skip it.
  const { loadRuns } = await import("../../stats/write-summary.js");
  const { compareArms } = await import("../../stats/compare.js");
  const { checkNames } = await import("../../stats/group.js");
  const read = await loadRuns(args.resultsDir);
  if (!read.ok) throw new CliError(problemsText(read.problems), EXIT.badInput);
  const spec = describeColumn(await resultsCatalogues(args.resultsDir), args.outcome)?.spec;
  // An unknown outcome is reported (with the nearest names) before any question of direction.
  const known = checkNames(read.value.rows, { outcome: args.outcome, by: args.by, within: args.within });
  if (known) throw new CliError(problemsText([known]), EXIT.badInput);
  const way = resolveDirection(flagged, spec, args);
  const r = compareArms(read.value.rows, {
    outcome: args.outcome,
    by: args.by,
    within: args.within,
    direction: way.direction,
    resamples: args.bootstrap,
    seed: args.seed,
  });
  if (!r.ok) throw new CliError(problemsText(r.problems), EXIT.badInput);
  const unit = spec?.unit ?? "";
  const torn = "a torn last line of runs.ndjson, an interrupted write, was skipped";
  const caveats = new CaveatTally();
  const lines = formatComparison(r.value, { unit, from: way.from }, caveats);
  if (args.json) {
    // The same caveats the table marks, as data: a reader of the JSON gets what stderr says.
    const warnings = [...(read.value.tornLine ? [torn] : []), ...caveats.warnings()];
    print(JSON.stringify({ ...r.value, unit: unit || null, directionFrom: way.from, warnings }, null, 2));
    return;
  }
  if (read.value.tornLine) print(`(${torn})`);
  for (const l of lines) print(l);
  for (const w of caveats.warnings()) process.stderr.write(`pamir: warning: ${w}\n`);
}
