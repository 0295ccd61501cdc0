/**
 * Standardized effect size: Hedges' g (Hedges 1981; Hedges & Olkin 1985, ch. 5).
 *   s_p = √(((n_a − 1)·s_a² + (n_b − 1)·s_b²) / (n_a + n_b − 2))      pooled sd
 *   d   = (mean_a − mean_b) / s_p                                      Cohen's d
 *   J   = Γ(ν/2) / (√(ν/2) · Γ((ν − 1)/2)),  ν = n_a + n_b − 2         exact small-sample correction
 *   g   = J · d
 * J is computed exactly through mathjs lgamma (the familiar approximation 1 − 3/(4ν − 1) is off by
 * 0.5 % at ν = 3 and 0.04 % at ν = 10). g is NaN when ν < 2 or the pooled sd is 0 (no spread to scale by).
 */
import { lgamma } from "mathjs/number";
import { plainMean } from "./bootstrap.js";

/** Hedges' small-sample correction factor J(ν) for ν > 1 degrees of freedom. */
export function hedgesCorrection(df: number): number {
  if (!(df > 1)) return Number.NaN;
  return Math.exp(lgamma(df / 2) - lgamma((df - 1) / 2)) / Math.sqrt(df / 2);
}

function sumSquares(xs: readonly number[], m: number): number {
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return s;
}

/** Hedges' g of a against b (positive when a's mean is larger). */
export function hedgesG(a: readonly number[], b: readonly number[]): number {
  const df = a.length + b.length - 2;
  if (df < 2 || a.length === 0 || b.length === 0) return Number.NaN;
  const ma = plainMean(a);
  const mb = plainMean(b);
  const sp = Math.sqrt((sumSquares(a, ma) + sumSquares(b, mb)) / df);
  if (!(sp > 0)) return Number.NaN;
  return (hedgesCorrection(df) * (ma - mb)) / sp;
}
