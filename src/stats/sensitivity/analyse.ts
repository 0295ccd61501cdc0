/**
 * `pamir sensitivity` without the files: a sensitivity study's rows and its design.json in,
 * Sobol indices (Saltelli designs) or Morris measures out, per scenario, factorial cell and
 * outcome, with bootstrap intervals. Bad input (an unknown outcome, no finished runs) comes back
 * as an error value; nothing here throws or touches the disk.
 */

import type { DesignFile } from "../../core/design-file.js";
import { type Failure, failure, problem } from "../../core/problems.js";
import type { RunRow } from "../../core/run-row.js";
import { outcomeNames } from "../labels.js";
import { bootstrapVector, type Interval } from "./intervals.js";
import { elementaryEffects, morrisMeasures } from "./morris-effects.js";
import { type CellFactor, designGroups, sampleMeans } from "./sample-means.js";
import { type SaltelliOutputs, sobolIndices } from "./sobol-indices.js";

/** How to analyse. */
export interface SensitivityOptions {
  /** Outcomes to analyse (default: every outcome the runs report). */
  outcomes?: readonly string[] | undefined;
  /** Bootstrap resamples (0: no intervals). */
  resamples: number;
  /** Bootstrap seed. */
  seed: number;
}

/** Sobol indices of one factor. */
export interface SobolFactor {
  factor: string;
  s1: Interval;
  st: Interval;
}

/** Morris measures of one factor; μ* has a bootstrap interval over trajectories. */
export interface MorrisFactor {
  factor: string;
  mu: number;
  muStar: Interval;
  sigma: number;
  /** Elementary effects it rests on. */
  n: number;
}

/** PRCC of one factor (LHS and Sobol-sequence designs), its bootstrap interval and t-test p-value. */
export interface PrccFactor {
  factor: string;
  prcc: Interval;
  p: number;
}

/** The analysis of one outcome in one scenario and factorial cell. */
export interface SensitivityResult {
  scenario: string;
  /** Value factor name → label ({} without value factors). */
  cell: Record<string, string>;
  outcome: string;
  /** Base rows (Saltelli) or trajectories (Morris) used: those with every output finite. */
  used: number;
  /** Base rows or trajectories left out for a missing output. */
  dropped: number;
  /** Saltelli: pooled variance of f(A), f(B). */
  variance?: number | undefined;
  /**
   * Replicate noise left in the averaged outputs (mean over samples of variance / replicates);
   * null with one replicate. Saltelli: `noiseShare` = noise / V, about what it adds to every ST.
   * Morris: `noiseEffect` = √(2·noise) / Δ, the spread of an elementary effect from noise alone.
   */
  noise: number | null;
  noiseShare?: number | null | undefined;
  noiseEffect?: number | null | undefined;
  /** Saltelli: S1 and ST per factor. */
  sobol?: SobolFactor[] | undefined;
  /** Saltelli with second order: S2 per factor pair. */
  pairs?: { a: string; b: string; s2: Interval }[] | undefined;
  /** Morris: μ, μ*, σ per factor. */
  morris?: MorrisFactor[] | undefined;
  /** LHS / Sobol sequence: PRCC per factor. */
  prcc?: PrccFactor[] | undefined;
}

/** The analysis of a study. */
export interface SensitivityReport {
  design: "saltelli" | "morris" | "lhs" | "sobol";
  /** "prcc" for LHS and Sobol-sequence designs; absent for Saltelli (Sobol indices) and Morris. */
  method?: "prcc" | undefined;
  /** Range factor names, in design order. */
  factors: string[];
  outcomes: string[];
  /** How replicates enter the estimators. */
  replicates: string;
  bootstrap: { resamples: number; seed: number; method: string };
  results: SensitivityResult[];
}

/** The interval method, in words (stored with every analysis). */
export const SENSITIVITY_BOOTSTRAP_METHOD =
  "percentile bootstrap over base rows (Saltelli) or trajectories (Morris), resampled with replacement; 2.5th and 97.5th type-7 percentiles";

/** The f(A), f(B), f(AB_j), f(BA_j) arrays of the rows whose outputs are all finite. */
function saltelliOutputs(
  y: Float64Array,
  d: DesignFile & { design: "saltelli" },
): { o: SaltelliOutputs; dropped: number } {
  const k = d.factors.length;
  const n = d.saltelli.base;
  const block = y.length / n;
  const keep: number[] = [];
  for (let i = 0; i < n; i++) {
    let ok = true;
    for (let s = i * block; s < (i + 1) * block; s++) if (!Number.isFinite(y[s]!)) ok = false;
    if (ok) keep.push(i);
  }
  const pick = (col: number) => Float64Array.from(keep, (i) => y[i * block + col]!);
  const o: SaltelliOutputs = {
    a: pick(0),
    b: pick(block - 1),
    ab: Array.from({ length: k }, (_, j) => pick(1 + j)),
    ba: d.saltelli.secondOrder ? Array.from({ length: k }, (_, j) => pick(1 + k + j)) : undefined,
  };
  return { o, dropped: n - keep.length };
}

function analyseSaltelli(
  y: Float64Array,
  d: DesignFile & { design: "saltelli" },
  opts: SensitivityOptions,
  stream: string,
) {
  const names = d.factors.map((f) => f.name);
  const k = names.length;
  const { o, dropped } = saltelliOutputs(y, d);
  const estimate = (rows?: Int32Array) => {
    const e = sobolIndices(o, rows);
    const flat = new Float64Array(2 * k + (e.s2 ? k * k : 0));
    flat.set(e.s1, 0);
    flat.set(e.st, k);
    if (e.s2) flat.set(e.s2, 2 * k);
    return flat;
  };
  const iv = bootstrapVector(o.a.length, estimate, { resamples: opts.resamples, seed: opts.seed, stream });
  const sobol = names.map((factor, j) => ({ factor, s1: iv[j]!, st: iv[k + j]! }));
  const pairs = o.ba
    ? names.flatMap((a, j) =>
        names.slice(j + 1).map((b, m) => ({ a, b, s2: iv[2 * k + j * k + j + 1 + m]! })),
      )
    : undefined;
  const variance = sobolIndices(o).variance;
  return { used: o.a.length, dropped, variance, sobol, ...(pairs ? { pairs } : {}) };
}

function analyseMorris(
  y: Float64Array,
  d: DesignFile & { design: "morris" },
  opts: SensitivityOptions,
  stream: string,
) {
  const k = d.factors.length;
  const r = d.morris.trajectories;
  const all = elementaryEffects(y, d.roles, k, r, d.morris.delta);
  // A trajectory with a missing output is left out whole, so every factor has the same trajectories.
  const keep: number[] = [];
  for (let t = 0; t < r; t++) if (all.subarray(t * k, (t + 1) * k).every(Number.isFinite)) keep.push(t);
  const ee = new Float64Array(keep.length * k);
  keep.forEach((t, i) => {
    ee.set(all.subarray(t * k, (t + 1) * k), i * k);
  });
  const muStar = (rows?: Int32Array) =>
    Float64Array.from({ length: k }, (_, j) => morrisMeasures(ee, k, j, rows).muStar);
  const iv = bootstrapVector(keep.length, muStar, { resamples: opts.resamples, seed: opts.seed, stream });
  const morris = d.factors.map((f, j) => {
    const m = morrisMeasures(ee, k, j);
    return { factor: f.name, mu: m.mu, muStar: iv[j]!, sigma: m.sigma, n: m.n };
  });
  return { used: keep.length, dropped: r - keep.length, morris };
}

/** The noise fields of a result: null without replicates. */
function noiseOf(part: { variance?: number | undefined; used: number }, noise: number, delta?: number) {
  if (!Number.isFinite(noise))
    return delta === undefined ? { noise: null, noiseShare: null } : { noise: null, noiseEffect: null };
  if (delta !== undefined) return { noise, noiseEffect: Math.sqrt(2 * noise) / delta };
  return { noise, noiseShare: part.variance ? noise / part.variance : null };
}

/** The outcomes to analyse: those asked for (each must be in the finished runs), else all of them. */
export function pickOutcomes(
  rows: readonly RunRow[],
  asked: readonly string[] | undefined,
): { ok: true; value: string[] } | Failure {
  const finished = rows.filter((r) => r.status === "ok");
  if (finished.length === 0) return failure(problem("option", "", "no finished runs to analyse"));
  const known = outcomeNames(finished);
  const outcomes = asked && asked.length > 0 ? [...asked] : known;
  const unknown = outcomes.find((o) => !known.includes(o));
  if (unknown !== undefined)
    return failure(
      problem("option", "", `no outcome "${unknown}" in the runs; outcomes: ${known.join(", ")}`),
    );
  return { ok: true, value: outcomes };
}

/** Sensitivity measures of every requested outcome in every scenario and cell of the study. */
export function analyseSensitivity(
  rows: readonly RunRow[],
  design: DesignFile,
  cellFactors: readonly CellFactor[],
  opts: SensitivityOptions,
): { ok: true; value: SensitivityReport } | Failure {
  const picked = pickOutcomes(rows, opts.outcomes);
  if (!picked.ok) return picked;
  const outcomes = picked.value;
  const results: SensitivityResult[] = [];
  const delta = design.design === "morris" ? design.morris.delta : undefined;
  for (const g of designGroups(rows, design.samples, cellFactors)) {
    for (const outcome of outcomes) {
      const { means: y, noise } = sampleMeans(g, outcome, design.samples);
      const stream = `sensitivity/${g.scenario}/${g.cell}/${outcome}`;
      const part =
        design.design === "saltelli"
          ? analyseSaltelli(y, design, opts, stream)
          : analyseMorris(y, design, opts, stream);
      results.push({
        scenario: g.scenario,
        cell: g.labels,
        outcome,
        ...part,
        ...noiseOf(part, noise, delta),
      });
    }
  }
  return {
    ok: true,
    value: {
      design: design.design,
      factors: design.factors.map((f) => f.name),
      outcomes,
      replicates: "averaged per design point (mean of finished runs) before the estimators",
      bootstrap: { resamples: opts.resamples, seed: opts.seed, method: SENSITIVITY_BOOTSTRAP_METHOD },
      results,
    },
  };
}
