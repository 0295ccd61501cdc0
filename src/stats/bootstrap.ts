/**
 * Seeded bootstrap of a difference of means. Each arm is resampled with replacement on its own
 * (the arms are independent runs), B times; the 95 % interval is the type-7 2.5th and 97.5th
 * percentiles of the B resampled differences (the percentile method, Efron & Tibshirani 1993 §13.3).
 * Draws come from one named stream of createRngHub(seed), so the same seed gives the same interval.
 */
import { createRngHub, type RngStream } from "../engine/rng.js";
import { CONFIDENCE, quantiles } from "./describe.js";

/** The interval method, in words (stored with every comparison). */
export const BOOTSTRAP_METHOD =
  "percentile bootstrap: each arm resampled with replacement, 2.5th and 97.5th type-7 percentiles of the resampled differences of means";

/** A difference of means with its bootstrap interval; NaN where an arm has no values. */
export interface BootstrapDiff {
  /** mean(a) − mean(b). */
  diff: number;
  /** Lower end of the 95 % percentile interval. */
  ciLow: number;
  /** Upper end. */
  ciHigh: number;
}

/**
 * Plain left-to-right mean. The point estimate and every resample use this one function, so a
 * constant sample's resamples reproduce its mean bit for bit.
 */
export function plainMean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
}

function resampleMean(xs: readonly number[], buf: Float64Array, rng: RngStream): number {
  const n = xs.length;
  for (let i = 0; i < n; i++) buf[i] = xs[rng.below(n)]!;
  return plainMean(buf);
}

/** Difference of means a − b with a percentile bootstrap 95 % interval from B resamples. */
export function bootstrapDiff(
  a: readonly number[],
  b: readonly number[],
  opts: { resamples: number; seed: number | string; stream: string },
): BootstrapDiff {
  if (a.length === 0 || b.length === 0 || !(opts.resamples >= 1)) {
    return { diff: Number.NaN, ciLow: Number.NaN, ciHigh: Number.NaN };
  }
  const diff = plainMean(a) - plainMean(b);
  const rng = createRngHub(opts.seed).stream(opts.stream);
  const bufA = new Float64Array(a.length);
  const bufB = new Float64Array(b.length);
  const diffs = new Array<number>(opts.resamples);
  for (let k = 0; k < opts.resamples; k++) diffs[k] = resampleMean(a, bufA, rng) - resampleMean(b, bufB, rng);
  const tail = (1 - CONFIDENCE) / 2;
  const [ciLow, ciHigh] = quantiles(diffs, [tail, 1 - tail]) as [number, number];
  return { diff, ciLow, ciHigh };
}
