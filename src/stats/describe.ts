/**
 * Descriptive statistics of one sample: the numbers every design point reports per outcome.
 * Mean and sd come from mathjs (number build); quantiles and the median from `quantiles` below;
 * the t quantile from ./student-t.ts.
 */
import { mean, std } from "mathjs/number";
import { studentTQuantile } from "./student-t.js";

/** Confidence level of every interval pamir reports. */
export const CONFIDENCE = 0.95;

/**
 * The quantile definition used for medians, percentiles and bootstrap intervals, in words: mathjs
 * quantileSeq's default, Hyndman & Fan (1996) type 7 (R's default, numpy's "linear").
 */
export const QUANTILE_DEFINITION =
  "Hyndman & Fan type 7: sort x, h = (n − 1)·p, q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋])";

/** Summary of one sample; fields that need more data than the sample has are NaN. */
export interface SampleStats {
  /** Number of values. */
  n: number;
  /** Arithmetic mean. */
  mean: number;
  /** Standard deviation with the n − 1 denominator. */
  sd: number;
  /** Standard error of the mean, sd / √n. */
  se: number;
  /** Lower end of the 95 % t interval for the mean, mean − t(0.975, n − 1)·se. */
  ciLow: number;
  /** Upper end of the 95 % t interval for the mean. */
  ciHigh: number;
  /** Median (the type-7 quantile at 0.5). */
  median: number;
  /** 5th percentile (type 7). */
  p5: number;
  /** 95th percentile (type 7). */
  p95: number;
  /** Smallest value: whether a quantity was ever negative, which tells an interval below 0 apart. */
  min: number;
}

// Degrees of freedom repeat across design points; each quantile costs a bisection, so keep them.
const tCache = new Map<number, number>();

/** The two-sided 95 % critical value t(0.975, df), memoised. */
export function tCritical(df: number): number {
  let t = tCache.get(df);
  if (t === undefined) {
    t = studentTQuantile(1 - (1 - CONFIDENCE) / 2, df);
    tCache.set(df, t);
  }
  return t;
}

/**
 * Type-7 quantiles of values at the given probabilities (values need not be sorted; NaN if empty).
 * The definition is mathjs quantileSeq's, but its interpolation (1 − f)·lo + f·hi can land an ulp
 * off when lo = hi; lo + f·(hi − lo) returns tied values exactly, so a constant sample's bootstrap
 * interval is exactly a point. A unit test checks agreement with quantileSeq.
 */
export function quantiles(values: readonly number[], ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return ps.map(() => Number.NaN);
  const xs = Float64Array.from(values).sort();
  return ps.map((p) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, n - 1);
    return xs[lo]! + (h - lo) * (xs[hi]! - xs[lo]!);
  });
}

/** n, mean, sd, se, 95 % t interval, median, 5th and 95th percentiles and the minimum of a sample of finite numbers. */
export function describeSample(values: readonly number[]): SampleStats {
  const n = values.length;
  if (n === 0) {
    const nan = Number.NaN;
    return {
      n,
      mean: nan,
      sd: nan,
      se: nan,
      ciLow: nan,
      ciHigh: nan,
      median: nan,
      p5: nan,
      p95: nan,
      min: nan,
    };
  }
  const xs = [...values];
  const m = mean(xs) as number;
  // The median is the type-7 quantile at 0.5 (for even n the midpoint of the middle two). Not
  // mathjs's median: it partitions around an unseeded random pivot and compares with a relative
  // tolerance, so values a few ulps apart gave a median that changed from run to run.
  const [min, p5, med, p95] = quantiles(xs, [0, 0.05, 0.5, 0.95]) as [number, number, number, number];
  // One value has no spread to estimate: sd, se and the interval are undefined, not zero.
  const sd = n > 1 ? (std(xs, "unbiased") as unknown as number) : Number.NaN;
  const se = sd / Math.sqrt(n);
  const half = n > 1 ? tCritical(n - 1) * se : Number.NaN;
  return { n, mean: m, sd, se, ciLow: m - half, ciHigh: m + half, median: med, p5, p95, min };
}
