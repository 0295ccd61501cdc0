/**
 * Per design point and outcome statistics of a study. A design point is (scenario, point index);
 * failed runs are counted and left out of every statistic.
 */

import type { RunRow } from "../core/run-row.js";
import { describeSample, QUANTILE_DEFINITION, type SampleStats } from "./describe.js";
import { outcomeNames } from "./labels.js";

/** Statistics of one outcome at one design point. */
export interface OutcomeStats extends SampleStats {
  /** Finished runs of the point that lack a finite value of this outcome (excluded from n). */
  missing: number;
}

/** One design point's counts and per-outcome statistics. */
export interface PointSummary {
  /** Scenario key. */
  scenario: string;
  /** Design point index within the scenario. */
  point: number;
  /** Factor values of the point as the runs recorded them (parameter path → value). */
  factors: Record<string, unknown>;
  /** Arm labels of the point (factor name → label), when the study labels its factors. */
  arm?: Record<string, string>;
  /** Runs recorded for the point. */
  runs: number;
  /** Of those, runs that failed. */
  failed: number;
  /** Statistics per outcome, every outcome of the study, sorted by name. */
  outcomes: Record<string, OutcomeStats>;
}

/** The whole study's summary: counts, methods and per-point statistics. */
export interface StudySummary {
  /** Run counts over the whole study. */
  runs: { total: number; ok: number; failed: number };
  /** How the numbers were computed, so the file explains itself. */
  methods: { sd: string; ci: string; quantiles: string };
  /** Outcome names, sorted. */
  outcomes: string[];
  /** Design points sorted by scenario then point. */
  points: PointSummary[];
}

/** Text of `methods` in every summary. */
export const SUMMARY_METHODS = {
  sd: "sample standard deviation, n − 1 denominator; se = sd/√n",
  ci: "95 % interval mean ± t(0.975, n − 1)·se",
  quantiles: QUANTILE_DEFINITION,
} as const;

/** Split sorted rows into design points, keeping their order. */
function byPoint(rows: readonly RunRow[]): RunRow[][] {
  const groups = new Map<string, RunRow[]>();
  for (const r of rows) {
    const key = JSON.stringify([r.scenario, r.point]);
    let g = groups.get(key);
    if (!g) {
      g = [];
      groups.set(key, g);
    }
    g.push(r);
  }
  return [...groups.values()];
}

/** Finite values of one outcome over finished runs, in row order. */
export function outcomeValues(rows: readonly RunRow[], outcome: string): number[] {
  const out: number[] = [];
  for (const r of rows) {
    if (r.status !== "ok") continue;
    const v = r.outcomes[outcome];
    if (typeof v === "number" && Number.isFinite(v)) out.push(v);
  }
  return out;
}

/** Summarise rows already sorted by scenario, point, replicate (as readRuns returns them). */
export function summarizeRuns(rows: readonly RunRow[]): StudySummary {
  const outcomes = outcomeNames(rows);
  const points: PointSummary[] = byPoint(rows).map((group) => {
    const first = group[0]!;
    const ok = group.filter((r) => r.status === "ok").length;
    const stats: Record<string, OutcomeStats> = {};
    for (const name of outcomes) {
      const values = outcomeValues(group, name);
      stats[name] = { ...describeSample(values), missing: ok - values.length };
    }
    return {
      scenario: first.scenario,
      point: first.point,
      factors: first.factors,
      ...(first.arm ? { arm: first.arm } : {}),
      runs: group.length,
      failed: group.length - ok,
      outcomes: stats,
    };
  });
  const failed = rows.filter((r) => r.status === "failed").length;
  return {
    runs: { total: rows.length, ok: rows.length - failed, failed },
    methods: { ...SUMMARY_METHODS },
    outcomes,
    points,
  };
}
