/**
 * Partial rank correlation coefficients (PRCC; Marino, Hogue, Ray & Kirschner 2008, J. Theor.
 * Biol. 254), on plain arrays. Every factor and the outcome are replaced by their ranks (ties get
 * the mean of their ranks); PRCC_j is the correlation of the residuals of x_j's ranks and of y's
 * ranks after a least-squares regression of each on the other factors' ranks (with intercept).
 * That is the partial correlation of the ranks, computed here from one regression of y's ranks
 * on all factors' ranks (standardised coefficients β = Q·r_xy with Q the inverse of the factors'
 * rank correlation matrix, by Cholesky) — the same number as the 2k regressions, with one small
 * inversion per estimate, which matters under a bootstrap. It measures monotone association with the other factors held
 * fixed; non-monotone effects can cancel to zero (use Sobol indices for those).
 */
import { regularizedBeta } from "../student-t.js";

/** Ranks 1 … n of `values` (at `rows` when given, in that order); tied values share their mean rank. */
export function rankTransform(values: ArrayLike<number>, rows?: Int32Array): Float64Array {
  const n = rows ? rows.length : values.length;
  const at = (i: number) => values[rows ? rows[i]! : i]!;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => at(a) - at(b));
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && at(order[j]!) === at(order[i]!)) j++;
    // Positions i … j − 1 hold one value: each gets the mean of ranks i + 1 … j.
    const mean = (i + 1 + j) / 2;
    for (let m = i; m < j; m++) ranks[order[m]!] = mean;
    i = j;
  }
  return ranks;
}

/** Correlation matrix (row-major, m × m) of m equally long columns; NaN where a column is constant. */
function correlationMatrix(cols: readonly Float64Array[]): Float64Array {
  const m = cols.length;
  const n = cols[0]!.length;
  const centred = cols.map((c) => {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += c[i]!;
    mean /= n;
    return Float64Array.from(c, (v) => v - mean);
  });
  const out = new Float64Array(m * m);
  for (let a = 0; a < m; a++)
    for (let b = a; b < m; b++) {
      let s = 0;
      const ca = centred[a]!;
      const cb = centred[b]!;
      for (let i = 0; i < n; i++) s += ca[i]! * cb[i]!;
      out[a * m + b] = s;
      out[b * m + a] = s;
    }
  const sd = Float64Array.from({ length: m }, (_, a) => Math.sqrt(out[a * m + a]!));
  for (let a = 0; a < m; a++)
    for (let b = 0; b < m; b++) out[a * m + b] = out[a * m + b]! / (sd[a]! * sd[b]!);
  return out;
}

/**
 * Inverse of a symmetric positive-definite m × m matrix by Cholesky (A = L·Lᵀ, then A⁻¹ column by
 * column); undefined when A is not positive definite (a factor constant or a linear mix of others).
 */
export function inverseSpd(a: Float64Array, m: number): Float64Array | undefined {
  const l = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = 0; j <= i; j++) {
      let s = a[i * m + j]!;
      for (let p = 0; p < j; p++) s -= l[i * m + p]! * l[j * m + p]!;
      if (i === j) {
        if (!(s > 1e-12)) return undefined;
        l[i * m + i] = Math.sqrt(s);
      } else l[i * m + j] = s / l[j * m + j]!;
    }
  const inv = new Float64Array(m * m);
  const z = new Float64Array(m);
  for (let c = 0; c < m; c++) {
    // Forward: L z = e_c; back: Lᵀ x = z.
    for (let i = 0; i < m; i++) {
      let s = i === c ? 1 : 0;
      for (let p = 0; p < i; p++) s -= l[i * m + p]! * z[p]!;
      z[i] = s / l[i * m + i]!;
    }
    for (let i = m - 1; i >= 0; i--) {
      let s = z[i]!;
      for (let p = i + 1; p < m; p++) s -= l[p * m + i]! * inv[p * m + c]!;
      inv[i * m + c] = s / l[i * m + i]!;
    }
  }
  return inv;
}

/**
 * PRCC of each factor column in `xs` with outcome `y` (all NaN-free and equally long), over the
 * points `rows` (with repeats, as a bootstrap draws them) or all points; NaN for every factor when
 * the factors' rank correlation matrix is singular (a constant factor, or too few distinct points)
 * or y is constant.
 */
export function partialRankCorrelations(
  xs: readonly Float64Array[],
  y: Float64Array,
  rows?: Int32Array,
): Float64Array {
  const k = xs.length;
  const m = k + 1;
  const r = correlationMatrix([...xs, y].map((c) => rankTransform(c, rows)));
  const rxx = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) rxx[a * k + b] = r[a * m + b]!;
  const q = inverseSpd(rxx, k);
  const rxy = Float64Array.from({ length: k }, (_, j) => r[j * m + k]!);
  if (!q || rxy.some(Number.isNaN)) return new Float64Array(k).fill(Number.NaN);
  // β: standardised regression of y's ranks on all factors' ranks; s²: its residual variance.
  const beta = Float64Array.from({ length: k }, (_, a) => {
    let s = 0;
    for (let b = 0; b < k; b++) s += q[a * k + b]! * rxy[b]!;
    return s;
  });
  let explained = 0;
  for (let j = 0; j < k; j++) explained += beta[j]! * rxy[j]!;
  // Floored so an outcome that is an exact function of the ranks gives ±1 for its factors and 0
  // for the others (the limit under vanishing noise) instead of 0 / 0.
  const s2 = Math.max(1 - explained, 1e-12);
  return Float64Array.from({ length: k }, (_, j) => {
    // Residuals on the other factors: x_j's variance is 1/Q_jj, y's is β_j²/Q_jj + s², covariance β_j/Q_jj.
    const b = beta[j]! / Math.sqrt(q[j * k + j]!);
    return Math.max(-1, Math.min(1, b / Math.sqrt(b * b + s2)));
  });
}

/** Degrees of freedom of the PRCC t test with n points and k factors (Marino et al. 2008): n − 2 − k. */
export const prccDf = (n: number, k: number): number => n - 2 - k;

/**
 * Two-sided p-value of H0 "PRCC = 0": t = r·√(df / (1 − r²)) against Student's t with
 * df = n − 2 − k (Marino et al. 2008); NaN when df < 1 or r is NaN, 0 when |r| = 1.
 */
export function prccPValue(r: number, n: number, k: number): number {
  const df = prccDf(n, k);
  if (!(df >= 1) || Number.isNaN(r)) return Number.NaN;
  if (Math.abs(r) >= 1) return 0;
  // P(|T| > t) = I_{df/(df+t²)}(df/2, 1/2), and df/(df + t²) = 1 − r²: no cancellation for small p.
  return regularizedBeta(1 - r * r, df / 2, 0.5);
}
