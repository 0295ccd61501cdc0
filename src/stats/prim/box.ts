/**
 * Boxes over the columns of a PRIM data set: per dimension a lower and upper limit (both
 * inclusive), the cases inside, and the box statistics of scenario discovery (Bryant & Lempert
 * 2010): coverage (share of all cases of interest that fall in the box), density (share of the
 * box's cases that are of interest) and mass (share of all cases in the box).
 */

/** Cases to search: one Float64Array per dimension (same length), and 0/1 per case. */
export interface PrimData {
  /** Column per dimension. */
  x: Float64Array[];
  /** 1 for a case of interest, else 0. */
  y: Uint8Array;
}

/** Limits per dimension, inclusive. */
export interface Box {
  lower: Float64Array;
  upper: Float64Array;
}

/** Statistics of one box. */
export interface BoxStats {
  coverage: number;
  density: number;
  mass: number;
  /** Cases in the box. */
  n: number;
  /** Cases of interest in the box. */
  k: number;
  /** Dimensions whose limits differ from the data's range. */
  restricted: number;
}

/** The box holding every case: each dimension's minimum and maximum. */
export function initialBox(data: PrimData): Box {
  const d = data.x.length;
  const lower = new Float64Array(d).fill(Number.POSITIVE_INFINITY);
  const upper = new Float64Array(d).fill(Number.NEGATIVE_INFINITY);
  data.x.forEach((col, j) => {
    for (let i = 0; i < col.length; i++) {
      if (col[i]! < lower[j]!) lower[j] = col[i]!;
      if (col[i]! > upper[j]!) upper[j] = col[i]!;
    }
  });
  return { lower, upper };
}

/** A copy of `box`. */
export function copyBox(box: Box): Box {
  return { lower: box.lower.slice(), upper: box.upper.slice() };
}

/** Indexes of the cases (among `from`, default all) inside `box`. */
export function casesIn(data: PrimData, box: Box, from?: Int32Array): Int32Array {
  const n = from ? from.length : data.y.length;
  const out = new Int32Array(n);
  let m = 0;
  for (let t = 0; t < n; t++) {
    const i = from ? from[t]! : t;
    let inside = true;
    for (let j = 0; j < data.x.length && inside; j++) {
      const v = data.x[j]![i]!;
      inside = v >= box.lower[j]! && v <= box.upper[j]!;
    }
    if (inside) out[m++] = i;
  }
  return out.slice(0, m);
}

/** Cases of interest among `cases`. */
export function interesting(data: PrimData, cases: Int32Array): number {
  let k = 0;
  for (let t = 0; t < cases.length; t++) k += data.y[cases[t]!]!;
  return k;
}

/** How many dimensions of `box` are narrower than `init`. */
export function restrictedCount(box: Box, init: Box): number {
  let r = 0;
  for (let j = 0; j < box.lower.length; j++)
    if (box.lower[j] !== init.lower[j] || box.upper[j] !== init.upper[j]) r++;
  return r;
}

/** Coverage, density, mass and counts of a box holding `cases`, against `total` cases and `totalK` of interest. */
export function boxStats(data: PrimData, cases: Int32Array, restricted: number, totalK: number): BoxStats {
  const n = cases.length;
  const k = interesting(data, cases);
  return {
    coverage: totalK > 0 ? k / totalK : Number.NaN,
    density: n > 0 ? k / n : Number.NaN,
    mass: n / data.y.length,
    n,
    k,
    restricted,
  };
}
