/**
 * Sobol indices from a Saltelli design, on plain Float64Arrays (one value per base row i):
 * f(A), f(B), f(AB_j) and, for second order, f(BA_j). With V the variance of f(A) and f(B)
 * pooled (2N values, 1/(2N) denominator):
 * - first order, Saltelli et al. 2010 (Comput. Phys. Commun. 181, Table 2 (b)):
 *   S_j = (1/N) Σ_i (f(B)_i − m) · (f(AB_j)_i − f(A)_i) / V
 * - total, Jansen 1999 (ibid. Table 2 (f)): ST_j = (1/2N) Σ_i (f(A)_i − f(AB_j)_i)² / V
 * - second order, Saltelli 2002 (Comput. Phys. Commun. 145, 280–297, eq. 12 with f0² estimated
 *   by (1/N) Σ f(A)_i f(B)_i, all outputs centred on m):
 *   S_jl = [(1/N) Σ_i (f(BA_j)_i f(AB_l)_i − f(A)_i f(B)_i)] / V − S_j − S_l
 * These are the estimators SALib's `sobol.analyze` uses, and like it the outputs are centred
 * first (here on the mean m of the pooled f(A), f(B) of the rows used): the first- and
 * second-order sums are not shift-invariant, and an output whose mean is large next to its
 * spread (77 t delivered ± a few t) would otherwise drown them in noise; V and ST do not change.
 * Every function takes an optional list of row indexes, so a bootstrap resample (rows drawn with
 * replacement) needs no copies.
 */

/** The model outputs of a Saltelli design, one value per base row. */
export interface SaltelliOutputs {
  /** f(A). */
  a: Float64Array;
  /** f(B). */
  b: Float64Array;
  /** f(AB_j), one array per factor j. */
  ab: Float64Array[];
  /** f(BA_j), one array per factor j, when the design has second order. */
  ba?: Float64Array[] | undefined;
}

/** Indices of one outcome: S1 and ST per factor, S2 (row-major k × k, upper triangle) when designed. */
export interface SobolEstimate {
  s1: Float64Array;
  st: Float64Array;
  /** S2[j·k + l] for j < l; NaN elsewhere. */
  s2?: Float64Array | undefined;
  /** V, the pooled variance of f(A) and f(B). */
  variance: number;
}

/** Row i of the (possibly resampled) design: `rows[i]` when given, else i. */
const at = (rows: Int32Array | undefined, i: number) => (rows ? rows[i]! : i);

/** Mean and variance (1/(2N) denominator) of f(A) and f(B) pooled over the rows. */
export function pooledMoments(
  a: Float64Array,
  b: Float64Array,
  rows?: Int32Array,
): { mean: number; variance: number } {
  const n = rows ? rows.length : a.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += a[at(rows, i)]! + b[at(rows, i)]!;
  const mean = sum / (2 * n);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const da = a[at(rows, i)]! - mean;
    const db = b[at(rows, i)]! - mean;
    ss += da * da + db * db;
  }
  return { mean, variance: ss / (2 * n) };
}

/** Saltelli 2010 first-order index of factor j, given f(AB_j), the centre m and V. */
export function firstOrder(
  o: { a: Float64Array; b: Float64Array; abj: Float64Array },
  m: { mean: number; variance: number },
  rows?: Int32Array,
): number {
  const n = rows ? rows.length : o.a.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const r = at(rows, i);
    sum += (o.b[r]! - m.mean) * (o.abj[r]! - o.a[r]!);
  }
  return sum / n / m.variance;
}

/** Jansen 1999 total index of factor j, given f(AB_j) and V. */
export function totalOrder(a: Float64Array, abj: Float64Array, variance: number, rows?: Int32Array): number {
  const n = rows ? rows.length : a.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const r = at(rows, i);
    const d = a[r]! - abj[r]!;
    sum += d * d;
  }
  return sum / (2 * n) / variance;
}

/** Saltelli 2002 second-order index of factors j, l, given their first-order indices, the centre m and V. */
export function secondOrder(
  o: { a: Float64Array; b: Float64Array; baj: Float64Array; abl: Float64Array },
  s1: [number, number],
  m: { mean: number; variance: number },
  rows?: Int32Array,
): number {
  const n = rows ? rows.length : o.a.length;
  const c = m.mean;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const r = at(rows, i);
    sum += (o.baj[r]! - c) * (o.abl[r]! - c) - (o.a[r]! - c) * (o.b[r]! - c);
  }
  return sum / n / m.variance - s1[0] - s1[1];
}

/** Every index of a Saltelli design's outputs (over `rows` when given: a bootstrap resample). */
export function sobolIndices(o: SaltelliOutputs, rows?: Int32Array): SobolEstimate {
  const k = o.ab.length;
  const m = pooledMoments(o.a, o.b, rows);
  const s1 = new Float64Array(k);
  const st = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    s1[j] = firstOrder({ a: o.a, b: o.b, abj: o.ab[j]! }, m, rows);
    st[j] = totalOrder(o.a, o.ab[j]!, m.variance, rows);
  }
  if (!o.ba) return { s1, st, variance: m.variance };
  const s2 = new Float64Array(k * k).fill(Number.NaN);
  for (let j = 0; j < k; j++) {
    for (let l = j + 1; l < k; l++) {
      const parts = { a: o.a, b: o.b, baj: o.ba[j]!, abl: o.ab[l]! };
      s2[j * k + l] = secondOrder(parts, [s1[j]!, s1[l]!], m, rows);
    }
  }
  return { s1, st, s2, variance: m.variance };
}
