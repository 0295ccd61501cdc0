/**
 * Sensitivity of an arm effect: which sampled parameters does the difference between two arms
 * (postures) depend on? In a sampled study every sample runs each arm at the same values, so each
 * sample and replicate gives a paired difference d = outcome(A) − outcome(B); the replicates of a
 * sample are averaged (as for every other index: what is measured is the expected effect). Over
 * the samples, each range factor gets its first-order Sobol index from given data (given-data.ts)
 * and its PRCC (prcc.ts, which gives the direction), with one percentile bootstrap over samples.
 * The replicate noise left in the averaged differences is reported as a share of their variance:
 * the part of the effect's variance no factor can claim.
 */
import { type Failure, failure, problem } from "../../core/problems.js";
import type { RunRow } from "../../core/run-row.js";
import { describeSample } from "../describe.js";
import { labelOf } from "../labels.js";
import { givenDataClasses, givenDataEstimator, givenDataNullLevel } from "./given-data.js";
import { bootstrapVector, type Interval } from "./intervals.js";
import { prccEstimator, prccPValue } from "./prcc.js";

/** The file `pamir sensitivity --effect` writes into a results folder. */
export const EFFECT_FILE = "effect-sensitivity.json";

/** A factor by its study name and parameter path. */
export interface EffectFactor {
  name: string;
  path: string;
}

/** What the paired differences are built over. */
export interface EffectSpace {
  /** Samples per factorial cell. */
  samples: number;
  /** The value factor whose two arms are compared. */
  by: EffectFactor;
  /** [A, B]: d = outcome(A) − outcome(B). */
  arms: readonly [string, string];
  /** The range factors, in design order. */
  ranges: readonly EffectFactor[];
  /** Other value factors: each combination of their labels is analysed apart. */
  others: readonly EffectFactor[];
}

/** One factor's indices of the effect. */
export interface EffectIndex {
  factor: string;
  path: string;
  /** First-order Sobol index from given data, with its bootstrap 95 % interval. */
  s1: Interval;
  /** Partial rank correlation with the effect (its sign: the direction), with its interval. */
  prcc: Interval;
  /** PRCC's t-test p-value (n − 2 − k df). */
  p: number;
}

/** The effect's indices in one scenario and combination of the other value factors. */
export interface EffectResult {
  scenario: string;
  cell: Record<string, string>;
  /** Samples with a finite difference, and those left out. */
  used: number;
  dropped: number;
  /** Mean of the per-sample differences with its 95 % t interval. */
  mean: { value: number; low: number; high: number };
  /** Variance of the per-sample differences (1/n). */
  variance: number;
  /** Replicate noise left in the per-sample means, as a share of their variance (null with one replicate). */
  noiseShare: number | null;
  /** Classes per factor of the given-data estimator, and the score of an input without effect. */
  classes: number;
  nullLevel: number;
  indices: EffectIndex[];
}

/** What `pamir sensitivity --effect` reports. */
export interface EffectReport {
  outcome: string;
  by: string;
  arms: [string, string];
  factors: string[];
  replicates: string;
  method: string;
  bootstrap: { resamples: number; seed: number; method: string };
  results: EffectResult[];
}

/** How to analyse. */
export interface EffectOptions {
  outcome: string;
  resamples: number;
  seed: number;
}

/** The method, in words (stored with the report). */
export const EFFECT_METHOD =
  "paired difference A − B per sample (replicates averaged); first-order Sobol index from given data (Plischke, Borgonovo & Smith 2013: equal-count classes of each factor, variance of the class means over the variance); PRCC for the direction";

const EFFECT_BOOTSTRAP =
  "percentile bootstrap over samples (resampled with replacement), every index recomputed; 2.5th and 97.5th type-7 percentiles";

const labelIn = (row: RunRow, f: EffectFactor) => labelOf(row, f.name) ?? labelOf(row, f.path) ?? "";

function finite(row: RunRow, outcome: string): number | undefined {
  const v = row.status === "ok" ? row.outcomes[outcome] : undefined;
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** A sample's paired differences (one per replicate with both arms) and its factor values. */
interface SamplePairs {
  scenario: string;
  cell: Record<string, string>;
  x: number[];
  d: number[];
  /** Per replicate: [A, B] values. */
  reps: Map<number, [number | undefined, number | undefined]>;
}

/** The rows' samples, keyed by scenario, other factors' labels and sample index. */
function pairSamples(rows: readonly RunRow[], space: EffectSpace, outcome: string): Map<string, SamplePairs> {
  const out = new Map<string, SamplePairs>();
  for (const row of rows) {
    const arm = space.arms.indexOf(labelIn(row, space.by));
    if (arm < 0) continue;
    const cell = Object.fromEntries(space.others.map((f) => [f.name, labelIn(row, f)]));
    const key = JSON.stringify([row.scenario, cell, row.point % space.samples]);
    let s = out.get(key);
    if (!s) {
      const x = space.ranges.map((f) => {
        const v = row.factors[f.path];
        return typeof v === "number" ? v : Number.NaN;
      });
      s = { scenario: row.scenario, cell, x, d: [], reps: new Map() };
      out.set(key, s);
    }
    const pair = s.reps.get(row.replicate) ?? [undefined, undefined];
    pair[arm] = finite(row, outcome);
    s.reps.set(row.replicate, pair);
  }
  for (const s of out.values())
    for (const [a, b] of s.reps.values()) if (a !== undefined && b !== undefined) s.d.push(a - b);
  return out;
}

const avg = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;

/** The indices of one group of samples. */
function analyseGroup(samples: SamplePairs[], space: EffectSpace, o: EffectOptions): EffectResult {
  const kept = samples.filter((s) => s.d.length > 0 && s.x.every(Number.isFinite));
  const n = kept.length;
  const k = space.ranges.length;
  const y = Float64Array.from(kept, (s) => avg(s.d));
  const xs = space.ranges.map((_, j) => Float64Array.from(kept, (s) => s.x[j]!));
  const classes = givenDataClasses(n);
  const s1 = n >= 4 ? givenDataEstimator(xs, y, classes) : () => new Float64Array(k).fill(Number.NaN);
  const prcc = n > k + 2 ? prccEstimator(xs, y) : () => new Float64Array(k).fill(Number.NaN);
  const both = (rows?: Int32Array) => {
    const out = new Float64Array(2 * k);
    out.set(s1(rows), 0);
    out.set(prcc(rows), k);
    return out;
  };
  const first = kept[0] ?? samples[0]!;
  const stream = `sensitivity-effect/${first.scenario}/${JSON.stringify(first.cell)}/${o.outcome}`;
  const iv = bootstrapVector(n, both, { resamples: o.resamples, seed: o.seed, stream });
  const stats = describeSample(Array.from(y));
  const variance = n > 0 ? avg(Array.from(y, (v) => (v - stats.mean) ** 2)) : Number.NaN;
  const noisy = kept.filter((s) => s.d.length >= 2);
  const noise = noisy.length ? avg(noisy.map((s) => describeSample(s.d).sd ** 2 / s.d.length)) : Number.NaN;
  return {
    scenario: first.scenario,
    cell: first.cell,
    used: n,
    dropped: samples.length - n,
    mean: { value: stats.mean, low: stats.ciLow, high: stats.ciHigh },
    variance,
    noiseShare: Number.isFinite(noise) && variance > 0 ? noise / variance : null,
    classes,
    nullLevel: givenDataNullLevel(n, classes),
    indices: space.ranges.map((f, j) => ({
      factor: f.name,
      path: f.path,
      s1: iv[j]!,
      prcc: iv[k + j]!,
      p: prccPValue(iv[k + j]!.value, n, k),
    })),
  };
}

/** The effect sensitivity of `rows`, or a one-line reason there is none. */
export function analyseEffect(
  rows: readonly RunRow[],
  space: EffectSpace,
  o: EffectOptions,
): { ok: true; value: EffectReport } | Failure {
  if (space.ranges.length === 0)
    return failure(problem("results", "", "the study has no range factor; the effect's indices need one"));
  const groups = new Map<string, SamplePairs[]>();
  for (const s of pairSamples(rows, space, o.outcome).values()) {
    const key = JSON.stringify([s.scenario, s.cell]);
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  const results = [...groups.values()].map((g) => analyseGroup(g, space, o));
  if (results.every((r) => r.used < 4))
    return failure(
      problem(
        "results",
        "",
        `fewer than 4 samples with both ${space.arms.join(" and ")} finished: no indices of the effect`,
      ),
    );
  return {
    ok: true,
    value: {
      outcome: o.outcome,
      by: space.by.name,
      arms: [space.arms[0], space.arms[1]],
      factors: space.ranges.map((f) => f.name),
      replicates:
        "averaged per sample (mean of the paired differences of its replicates) before the estimators",
      method: EFFECT_METHOD,
      bootstrap: { resamples: o.resamples, seed: o.seed, method: EFFECT_BOOTSTRAP },
      results,
    },
  };
}
