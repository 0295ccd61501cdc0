/**
 * Partial rank correlation coefficients (PRCC; Marino, Hogue, Ray & Kirschner 2008, J. Theor.
 * Biol. 254), on plain arrays. Every factor and the outcome are replaced by their ranks (ties get
 * the mean of their ranks); PRCC_j is the correlation of the residuals of x_j's ranks and of y's
 * ranks after a least-squares regression of each on the other factors' ranks (with intercept).
 * That is the partial correlation of the ranks, computed here from one regression of y's ranks
 * on all factors' ranks (standardised coefficients β = Q·r_xy with Q the inverse of the factors'
 * rank correlation matrix, by Cholesky) — the same number as the 2k regressions, with one small
 * inversion per estimate; a bootstrap resample is ranked again by counting copies along each
 * column's sorted order, without sorting. PRCC measures monotone association with the other
 * factors held fixed; non-monotone effects can cancel to zero (use Sobol indices for those).
 */
import { regularizedBeta } from "../student-t.js";

/** A column's points in ascending order, cut into groups of equal values. */
interface SortedColumn {
  order: Int32Array;
  /** Group g holds order[starts[g]] … order[starts[g + 1] − 1]; one extra entry n at the end. */
  starts: Int32Array;
}

function sortColumn(values: Float64Array): SortedColumn {
  const n = values.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const starts: number[] = [];
  for (let p = 0; p < n; p++) if (p === 0 || values[order[p]!] !== values[order[p - 1]!]) starts.push(p);
  starts.push(n);
  return { order, starts: Int32Array.from(starts) };
}

/**
 * Ranks of a resample in which point i appears counts[i] times, written per point into `out`:
 * walking the groups in ascending order, a group holding g copies takes ranks c + 1 … c + g and
 * each copy gets their mean. O(n) per resample, with no sorting: what makes a 2000-resample
 * bootstrap of 100 k points take seconds.
 */
function resampleRanks(col: SortedColumn, counts: Float64Array, out: Float64Array): void {
  let below = 0;
  for (let g = 0; g + 1 < col.starts.length; g++) {
    let copies = 0;
    for (let p = col.starts[g]!; p < col.starts[g + 1]!; p++) copies += counts[col.order[p]!]!;
    const rank = below + (copies + 1) / 2;
    for (let p = col.starts[g]!; p < col.starts[g + 1]!; p++) out[col.order[p]!] = rank;
    below += copies;
  }
}

/**
 * Correlation matrix (row-major, m × m) of m rank columns with point weights summing to N; NaN
 * where a column is constant. Ranks 1 … N (ties averaged) always have mean (N + 1)/2, so one pass
 * over the points gives every centred cross-product.
 */
function rankCorrelation(cols: readonly Float64Array[], w: Float64Array): Float64Array {
  const m = cols.length;
  const n = w.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += w[i]!;
  const mid = (total + 1) / 2;
  const out = new Float64Array(m * m);
  const d = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const wi = w[i]!;
    if (wi === 0) continue;
    for (let a = 0; a < m; a++) d[a] = cols[a]![i]! - mid;
    for (let a = 0; a < m; a++) {
      const wa = wi * d[a]!;
      for (let b = a; b < m; b++) out[a * m + b] = out[a * m + b]! + wa * d[b]!;
    }
  }
  for (let a = 0; a < m; a++) for (let b = 0; b < a; b++) out[a * m + b] = out[b * m + a]!;
  const sd = Float64Array.from({ length: m }, (_, a) => Math.sqrt(out[a * m + a]!));
  for (let a = 0; a < m; a++)
    for (let b = 0; b < m; b++) out[a * m + b] = out[a * m + b]! / (sd[a]! * sd[b]!);
  return out;
}

/**
 * Inverse of a symmetric positive-definite m × m matrix by Cholesky (A = L·Lᵀ, then A⁻¹ column by
 * column); undefined when A is not positive definite (a factor constant or a linear mix of others).
 */
function inverseSpd(a: Float64Array, m: number): Float64Array | undefined {
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

/** PRCC from the rank correlation matrix r ((k + 1) × (k + 1), y last). */
function prccFromCorrelation(r: Float64Array, k: number): Float64Array {
  const m = k + 1;
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

/**
 * The PRCC estimator of factor columns `xs` and outcome `y` (NaN-free, equally long): called
 * without rows, the PRCC of all points; with `rows` (indexes, repeats allowed, as a bootstrap
 * draws them), the PRCC of that resample, ranked again. NaN for every factor when the factors'
 * rank correlation matrix is singular (a constant factor, too few distinct points) or y is
 * constant. The columns are sorted once; each call then costs O(n·k²).
 */
export function prccEstimator(
  xs: readonly Float64Array[],
  y: Float64Array,
): (rows?: Int32Array) => Float64Array {
  const k = xs.length;
  const cols = [...xs, y].map(sortColumn);
  const counts = new Float64Array(y.length);
  const ranks = cols.map(() => new Float64Array(y.length));
  return (rows) => {
    counts.fill(rows ? 0 : 1);
    if (rows) for (let i = 0; i < rows.length; i++) counts[rows[i]!] = counts[rows[i]!]! + 1;
    cols.forEach((c, a) => {
      resampleRanks(c, counts, ranks[a]!);
    });
    return prccFromCorrelation(rankCorrelation(ranks, counts), k);
  };
}

/** PRCC of each factor column in `xs` with outcome `y` over all points (see prccEstimator). */
export function partialRankCorrelations(xs: readonly Float64Array[], y: Float64Array): Float64Array {
  return prccEstimator(xs, y)();
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
