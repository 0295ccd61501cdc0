/** Sobol points: published first values, and each dimension's first 2^k points one per 2^-k interval. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { directionNumbers, SOBOL_MAX_DIMENSIONS, sobolPoints } from "../../../../src/study/designs/sobol.js";

/** Dimension d (0-based) of the first n points. */
function column(n: number, dims: number, d: number): number[] {
  const pts = sobolPoints(n, dims);
  return Array.from({ length: n }, (_, i) => pts[i * dims + d]!);
}

describe("Sobol sequence (Joe–Kuo new-joe-kuo-6.21201 direction numbers)", () => {
  it("starts at the origin and matches the published first points of dimensions 1–3", () => {
    // Joe & Kuo (2008) and Bratley & Fox (1988), Gray-code order, unscrambled.
    expect(column(8, 3, 0)).toEqual([0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125]);
    expect(column(8, 3, 1)).toEqual([0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625]);
    expect(column(8, 3, 2)).toEqual([0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375]);
  });

  it("has the published first direction numbers m_k = V_k · 2^k", () => {
    const m = (d: number, k: number) => (directionNumbers(d)[k]! / 2 ** (32 - k)) >>> 0;
    // Rows of the file: d=2 "1 0 1", d=3 "2 1 1 3", d=7 "4 4 1 3 5 13", d=21 "7 4 1 3 7 13 13 15 69".
    expect([1, 2, 3].map((k) => m(2, k))).toEqual([1, 3, 5]); // s=1: m_k = 2 m_{k−1} xor m_{k−1}
    expect([1, 2].map((k) => m(3, k))).toEqual([1, 3]);
    expect([1, 2, 3, 4].map((k) => m(7, k))).toEqual([1, 3, 5, 13]);
    expect([1, 2, 3, 4, 5, 6, 7].map((k) => m(21, k))).toEqual([1, 3, 7, 13, 13, 15, 69]);
    for (let d = 1; d <= SOBOL_MAX_DIMENSIONS; d++)
      for (let k = 1; k <= 20; k++) expect(m(d, k) % 2, `d=${d} k=${k}`).toBe(1); // every m_k is odd
  });

  it("puts each dimension's first 2^k points one in every interval [j/2^k, (j+1)/2^k)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), (k) => {
        const n = 2 ** k;
        const dims = SOBOL_MAX_DIMENSIONS;
        const pts = sobolPoints(n, dims);
        for (let d = 0; d < dims; d++) {
          const hits = new Uint8Array(n);
          for (let i = 0; i < n; i++) hits[Math.floor(pts[i * dims + d]! * n)]!++;
          if (!hits.every((h) => h === 1)) return false;
        }
        return true;
      }),
      { numRuns: 13 },
    );
  });

  it("puts the first 2^(2k) points of dimensions 1–2 one in each 2^-k × 2^-k square (a (0, m, 2)-net)", () => {
    for (let k = 1; k <= 5; k++) {
      const side = 2 ** k;
      const pts = sobolPoints(side * side, 2);
      const hits = new Uint8Array(side * side);
      for (let i = 0; i < side * side; i++)
        hits[Math.floor(pts[2 * i]! * side) * side + Math.floor(pts[2 * i + 1]! * side)]!++;
      expect(hits.every((h) => h === 1)).toBe(true);
    }
  });

  it("rejects dimensions beyond the table", () => {
    expect(() => sobolPoints(4, SOBOL_MAX_DIMENSIONS + 1)).toThrow(RangeError);
  });
});
