/**
 * Where a paired difference changes sign along one factor: the ordinary least-squares line
 * d = a + b·x through the cases, its root x* = −a/b (the switching value of decision analysis),
 * and a percentile bootstrap of the root over cases (cases resampled with replacement, the line
 * refitted, B times; Efron & Tibshirani 1993 §13.3). The line is a first-order summary: binned
 * means (flip.ts) show where it misfits. A resample whose line is flat has its root at ±∞; the
 * share of resamples whose root falls inside the sampled range says how sure the crossing is.
 */
import { createRngHub } from "../../engine/rng.js";
import { CONFIDENCE, tCritical } from "../describe.js";

/** A least-squares line with its slope's 95 % t interval. */
export interface LineFit {
  /** Cases fitted. */
  n: number;
  intercept: number;
  slope: number;
  /** 95 % t interval of the slope (n − 2 degrees of freedom); NaN below 3 cases. */
  slopeLow: number;
  slopeHigh: number;
  /** Share of the differences' variance the line explains. */
  r2: number;
  /** Residual standard deviation (n − 2 denominator). */
  residualSd: number;
}

/** The line through (x, d); slope and root are NaN when every x is the same. */
export function fitLine(x: ArrayLike<number>, d: ArrayLike<number>): LineFit {
  const n = x.length;
  let mx = 0;
  let md = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    md += d[i]!;
  }
  mx /= n;
  md /= n;
  let sxx = 0;
  let sxd = 0;
  let sdd = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dd = d[i]! - md;
    sxx += dx * dx;
    sxd += dx * dd;
    sdd += dd * dd;
  }
  const slope = sxx > 0 ? sxd / sxx : Number.NaN;
  const intercept = md - slope * mx;
  const sse = Math.max(0, sdd - slope * sxd);
  const residualSd = n > 2 ? Math.sqrt(sse / (n - 2)) : Number.NaN;
  const half = n > 2 ? tCritical(n - 2) * (residualSd / Math.sqrt(sxx)) : Number.NaN;
  const r2 = sdd > 0 ? 1 - sse / sdd : Number.NaN;
  return { n, intercept, slope, slopeLow: slope - half, slopeHigh: slope + half, r2, residualSd };
}

/** Where the line crosses 0: −a/b; ±∞ for a flat line that is not 0 everywhere, NaN for an undefined one. */
export function rootOf(f: { intercept: number; slope: number }): number {
  if (Number.isNaN(f.slope)) return Number.NaN;
  if (f.slope === 0) return f.intercept === 0 ? Number.NaN : Number.POSITIVE_INFINITY;
  return -f.intercept / f.slope;
}

/** The bootstrap of the root. */
export interface RootBootstrap {
  /** Resamples drawn. */
  resamples: number;
  /** 2.5th and 97.5th type-7 percentiles of the resampled roots (±∞ where beyond every finite root). */
  low: number;
  high: number;
  /** Share of resamples whose root lies within [lo, hi], the sampled range. */
  crossShare: number;
}

/** Type-7 quantile of sorted values, exact where the two neighbours are equal (also ±∞). */
function sortedQuantile(xs: Float64Array, p: number): number {
  const h = (xs.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, xs.length - 1);
  return xs[lo] === xs[hi] ? xs[lo]! : xs[lo]! + (h - lo) * (xs[hi]! - xs[lo]!);
}

/** Resample the cases B times from stream `stream` of `createRngHub(seed)`, refit, and summarise the roots. */
export function bootstrapRoot(
  x: readonly number[],
  d: readonly number[],
  range: { lo: number; hi: number },
  opts: { resamples: number; seed: number | string; stream: string },
): RootBootstrap {
  const n = x.length;
  const rng = createRngHub(opts.seed).stream(opts.stream);
  const bx = new Float64Array(n);
  const bd = new Float64Array(n);
  const roots: number[] = [];
  let inside = 0;
  for (let k = 0; k < opts.resamples; k++) {
    for (let i = 0; i < n; i++) {
      const j = rng.below(n);
      bx[i] = x[j]!;
      bd[i] = d[j]!;
    }
    const r = rootOf(fitLine(bx, bd));
    if (Number.isNaN(r)) continue;
    roots.push(r);
    if (r >= range.lo && r <= range.hi) inside++;
  }
  const sorted = Float64Array.from(roots).sort();
  const tail = (1 - CONFIDENCE) / 2;
  const q = (p: number) => (sorted.length > 0 ? sortedQuantile(sorted, p) : Number.NaN);
  return { resamples: opts.resamples, low: q(tail), high: q(1 - tail), crossShare: inside / opts.resamples };
}
