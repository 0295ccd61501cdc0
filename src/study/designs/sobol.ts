/**
 * Sobol low-discrepancy points (Bratley & Fox 1988, Algorithm 659; Gray-code order), with the
 * direction numbers of Joe & Kuo, "Constructing Sobol sequences with better two-dimensional
 * projections", SIAM J. Sci. Comput. 30 (2008) 2635–2654: the rows d = 2 … 21 of their file
 * `new-joe-kuo-6.21201` (columns d, s, a, m_1 … m_s), copied below. Dimension 1 is van der Corput
 * and needs no row. The sequence is unscrambled and starts at the point (0, …, 0), which is kept:
 * dropping it breaks the balance of the first 2^k points (Owen, "On dropping the first Sobol'
 * point", 2022), and with it each dimension's first 2^k points hit every 2^-k interval once.
 */

/** Joe–Kuo rows for dimensions 2 … 21: [s, a, m_1, …, m_s] (the file's d column is the index + 2). */
const JOE_KUO: readonly (readonly number[])[] = [
  [1, 0, 1],
  [2, 1, 1, 3],
  [3, 1, 1, 3, 1],
  [3, 2, 1, 1, 1],
  [4, 1, 1, 1, 3, 3],
  [4, 4, 1, 3, 5, 13],
  [5, 2, 1, 1, 5, 5, 17],
  [5, 4, 1, 1, 5, 5, 5],
  [5, 7, 1, 1, 7, 11, 19],
  [5, 11, 1, 1, 5, 1, 1],
  [5, 13, 1, 1, 1, 3, 11],
  [5, 14, 1, 3, 5, 5, 31],
  [6, 1, 1, 3, 3, 9, 7, 49],
  [6, 13, 1, 1, 1, 15, 21, 21],
  [6, 16, 1, 3, 1, 13, 27, 49],
  [6, 19, 1, 1, 1, 15, 7, 5],
  [6, 22, 1, 3, 1, 15, 13, 25],
  [6, 25, 1, 1, 5, 5, 19, 61],
  [7, 1, 1, 3, 7, 11, 23, 15, 103],
  [7, 4, 1, 3, 7, 13, 13, 15, 69],
];

/** Most dimensions this table supports. */
export const SOBOL_MAX_DIMENSIONS = JOE_KUO.length + 1;

/** Bits of resolution: points are multiples of 2^-32, and at most 2^32 − 1 of them exist. */
const BITS = 32;

/** Direction numbers V_1 … V_32 (as 32-bit integers, V_k = m_k · 2^(32−k)) of dimension `d` (1-based). */
export function directionNumbers(d: number): Uint32Array {
  const v = new Uint32Array(BITS + 1); // index 0 unused, to keep the published 1-based recurrences
  if (d === 1) {
    for (let k = 1; k <= BITS; k++) v[k] = 2 ** (BITS - k);
    return v;
  }
  const row = JOE_KUO[d - 2];
  if (!row) throw new RangeError(`Sobol dimension ${d} is beyond the ${SOBOL_MAX_DIMENSIONS} supported`);
  const [s, a] = row as [number, number];
  for (let k = 1; k <= Math.min(s, BITS); k++) v[k] = (row[k + 1]! * 2 ** (BITS - k)) >>> 0;
  // V_k = V_{k−s} xor (V_{k−s} >> s) xor the a-selected earlier V_{k−j}: the primitive polynomial's recurrence.
  for (let k = s + 1; k <= BITS; k++) {
    let x = v[k - s]! ^ (v[k - s]! >>> s);
    for (let j = 1; j <= s - 1; j++) if ((a >>> (s - 1 - j)) & 1) x ^= v[k - j]!;
    v[k] = x >>> 0;
  }
  return v;
}

/** 1-based position of the lowest zero bit of i (the Gray-code step of Antonov and Saleev). */
function lowestZeroBit(i: number): number {
  let c = 1;
  let x = i;
  while (x & 1) {
    x >>>= 1;
    c++;
  }
  return c;
}

/** The first `n` Sobol points in `dims` dimensions, row-major (point i, dimension d at i·dims + d), in [0, 1). */
export function sobolPoints(n: number, dims: number): Float64Array {
  if (!Number.isInteger(n) || n < 0 || n >= 2 ** BITS)
    throw new RangeError("n must be an integer in [0, 2^32)");
  if (!Number.isInteger(dims) || dims < 0 || dims > SOBOL_MAX_DIMENSIONS)
    throw new RangeError(`dims must be an integer in [0, ${SOBOL_MAX_DIMENSIONS}]`);
  const v = Array.from({ length: dims }, (_, d) => directionNumbers(d + 1));
  const x = new Uint32Array(dims);
  const out = new Float64Array(n * dims);
  for (let i = 1; i < n; i++) {
    const c = lowestZeroBit(i - 1);
    for (let d = 0; d < dims; d++) {
      x[d] = (x[d]! ^ v[d]![c]!) >>> 0;
      out[i * dims + d] = x[d]! / 2 ** BITS;
    }
  }
  return out;
}
