/**
 * The drill-vs-route comparison: for one outcome, arms by one factor (posture) within the levels of
 * another (motive) — every pair's difference of means with a seeded bootstrap interval and Hedges' g
 * — and the regret table over the levels with its robust (minimax-regret) arm.
 */

import { failure, problem, type Result } from "../core/problems.js";
import type { RunRow } from "../core/run-row.js";
import { BOOTSTRAP_METHOD, bootstrapDiff } from "./bootstrap.js";
import { describeSample, type SampleStats } from "./describe.js";
import { hedgesG } from "./effect-size.js";
import { type ArmGroups, groupArms } from "./group.js";
import { type Direction, type RegretTable, regretTable } from "./regret.js";

/** What to compare and how. */
export interface CompareOptions {
  /** Outcome name. */
  outcome: string;
  /** Factor whose arms are compared (e.g. posture). */
  by: string;
  /** Factor whose levels the comparison is made within (e.g. motive); all runs as one level if absent. */
  within?: string | undefined;
  /** Which way the outcome is good (for the regret table). */
  direction: Direction;
  /** Bootstrap resamples per pair. */
  resamples: number;
  /** Bootstrap seed. */
  seed: number;
}

/** One arm's statistics within a level. */
export interface ArmStats extends SampleStats {
  /** The arm's label. */
  label: string;
  /** Its failed runs (excluded from the statistics). */
  failed: number;
}

/** Arm a against arm b within one level. */
export interface PairComparison {
  /** First arm (labels in sorted order; a precedes b). */
  a: string;
  /** Second arm. */
  b: string;
  /** mean(a) − mean(b). */
  diff: number;
  /** Bootstrap 95 % interval of the difference. */
  ciLow: number;
  /** Upper end. */
  ciHigh: number;
  /** Hedges' g of a against b. */
  hedgesG: number;
}

/** Arms and pairwise comparisons within one level. */
export interface LevelComparison {
  /** The level's label. */
  level: string;
  /** Its arms, sorted by label. */
  arms: ArmStats[];
  /** Every pair of arms (i < j in label order). */
  pairs: PairComparison[];
}

/** The full comparison report (what `pamir compare --json` prints). */
export interface ComparisonReport {
  outcome: string;
  by: string;
  within: string | null;
  direction: Direction;
  /** Bootstrap settings and method. */
  bootstrap: { resamples: number; seed: number; method: string };
  /** Effect-size definition. */
  effectSize: string;
  /** Run counts; unlabelled runs lack a `by` or `within` label and are left out. */
  runs: { total: number; ok: number; failed: number; unlabelled: number };
  /** One entry per level, sorted by label. */
  levels: LevelComparison[];
  /** Regret of each arm under each level. */
  regret: RegretTable;
}

/** Effect-size definition stored with every report. */
export const EFFECT_SIZE_METHOD =
  "Hedges' g: (mean_a − mean_b)/pooled sd × exact small-sample correction J(ν)";

function compareLevel(level: ArmGroups["levels"][number], opts: CompareOptions): LevelComparison {
  const arms = level.arms.map((a) => ({ label: a.label, failed: a.failed, ...describeSample(a.values) }));
  const pairs: PairComparison[] = [];
  for (let i = 0; i < level.arms.length; i++) {
    for (let j = i + 1; j < level.arms.length; j++) {
      const a = level.arms[i]!;
      const b = level.arms[j]!;
      // One stream per pair: adding a level or arm never shifts another pair's resamples.
      const stream = `bootstrap/${opts.outcome}/${level.label}/${a.label}/${b.label}`;
      const d = bootstrapDiff(a.values, b.values, { resamples: opts.resamples, seed: opts.seed, stream });
      pairs.push({ a: a.label, b: b.label, ...d, hedgesG: hedgesG(a.values, b.values) });
    }
  }
  return { level: level.label, arms, pairs };
}

/** Compare arms of rows (sorted as readRuns returns them); a problem names an unknown outcome or factor. */
export function compareArms(rows: readonly RunRow[], opts: CompareOptions): Result<ComparisonReport> {
  const grouped = groupArms(rows, opts);
  if (!grouped.ok) return grouped;
  const { levels, byLabels, unlabelled } = grouped.value;
  if (byLabels.length < 2) {
    const only = byLabels[0] === undefined ? "none" : `only "${byLabels[0]}"`;
    return failure(problem("option", "", `factor "${opts.by}" has ${only}: nothing to compare`));
  }
  const compared = levels.map((l) => compareLevel(l, opts));
  const means = byLabels.map((p) =>
    compared.map((l) => {
      const arm = l.arms.find((a) => a.label === p);
      return arm ? arm.mean : Number.NaN;
    }),
  );
  const failed = rows.filter((r) => r.status !== "ok").length;
  return {
    ok: true,
    value: {
      outcome: opts.outcome,
      by: opts.by,
      within: opts.within ?? null,
      direction: opts.direction,
      bootstrap: { resamples: opts.resamples, seed: opts.seed, method: BOOTSTRAP_METHOD },
      effectSize: EFFECT_SIZE_METHOD,
      runs: { total: rows.length, ok: rows.length - failed, failed, unlabelled },
      levels: compared,
      regret: regretTable(
        byLabels,
        compared.map((l) => l.level),
        means,
        opts.direction,
      ),
    },
  };
}
