/**
 * Latin hypercube samples (McKay, Beckman & Conover 1979): in every dimension the n points fall
 * one in each of the n equal strata [k/n, (k+1)/n). Each dimension draws its own permutation of
 * strata and its jitter within strata from its own named stream, so adding a factor to a study
 * never changes the samples of the others.
 */
import type { RngStream } from "../../engine/rng.js";

/**
 * n points in `streams.length` dimensions, row-major (point i, dimension d at i·dims + d), in
 * [0, 1); dimension d uses `streams[d]`: first a Fisher–Yates permutation of the strata, then
 * one uniform draw per point for its place within its stratum.
 */
export function latinHypercube(n: number, streams: readonly RngStream[]): Float64Array {
  if (!Number.isInteger(n) || n < 0) throw new RangeError("n must be an integer ≥ 0");
  const dims = streams.length;
  const out = new Float64Array(n * dims);
  const strata = new Int32Array(n);
  streams.forEach((rng, d) => {
    for (let i = 0; i < n; i++) strata[i] = i;
    rng.shuffle(strata);
    for (let i = 0; i < n; i++) {
      const k = strata[i]!;
      let x = (k + rng.next()) / n;
      // Rounding can carry (k + u) / n across a stratum edge; step it back inside, ulp by ulp.
      while (Math.floor(x * n) > k) x -= Number.EPSILON * Math.max(x, 1 / n);
      while (Math.floor(x * n) < k) x += Number.EPSILON * Math.max(x, 1 / n);
      out[i * dims + d] = x;
    }
  });
  return out;
}
