import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bootstrapDiff } from "../../../src/stats/bootstrap.js";

const opts = { resamples: 500, seed: 3, stream: "bootstrap/test" };

describe("bootstrapDiff", () => {
  it("gives a point interval at the difference for constant samples", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((v) => v + 0), // no −0: it returns as +0
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 1000 }),
        (a, na, b, nb, seed) => {
          const r = bootstrapDiff(Array(na).fill(a), Array(nb).fill(b), { ...opts, resamples: 50, seed });
          // Every resample is the sample itself: the interval is exactly the difference.
          expect(r.ciLow).toBe(r.diff);
          expect(r.ciHigh).toBe(r.diff);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("keeps the interval inside the range a resampled difference can take, around the estimate", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 2, maxLength: 20 }),
        fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 2, maxLength: 20 }),
        (a, b) => {
          const r = bootstrapDiff(a, b, opts);
          const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
          expect(r.diff).toBeCloseTo(mean(a) - mean(b), 9);
          expect(r.ciLow).toBeLessThanOrEqual(r.ciHigh);
          expect(r.ciLow).toBeGreaterThanOrEqual(Math.min(...a) - Math.max(...b));
          expect(r.ciHigh).toBeLessThanOrEqual(Math.max(...a) - Math.min(...b));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("is reproducible for a seed and stream and moves with either", () => {
    const a = [5, 9, 2, 7, 4, 8, 1];
    const b = [3, 3, 6, 1, 2];
    const base = bootstrapDiff(a, b, opts);
    expect(bootstrapDiff(a, b, opts)).toEqual(base);
    expect(bootstrapDiff(a, b, { ...opts, seed: 4 })).not.toEqual(base);
    expect(bootstrapDiff(a, b, { ...opts, stream: "bootstrap/other" })).not.toEqual(base);
  });

  it("narrows as samples grow (the interval tracks the standard error)", () => {
    const small = [1, 4, 2, 8, 5, 7];
    const big = Array.from({ length: 16 }, () => small).flat();
    const w = (r: { ciLow: number; ciHigh: number }) => r.ciHigh - r.ciLow;
    const rs = bootstrapDiff(small, small, { ...opts, resamples: 2000 });
    const rb = bootstrapDiff(big, big, { ...opts, resamples: 2000 });
    // 16× the data: the width should shrink by about √16 = 4.
    expect(w(rs) / w(rb)).toBeGreaterThan(3);
    expect(w(rs) / w(rb)).toBeLessThan(5);
  });

  it("is NaN when an arm is empty", () => {
    const r = bootstrapDiff([], [1, 2], opts);
    expect(r.diff).toBeNaN();
    expect(r.ciLow).toBeNaN();
  });
});
