import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRngHub } from "../../../../src/engine/rng.js";
import { kurtosisFrom, maxFrom, meanFrom } from "../../../../src/models/population/stats.js";

describe("series summaries", () => {
  it("gives the known kurtosis of textbook shapes", () => {
    // A symmetric two-point series has the least possible kurtosis, 1.
    expect(kurtosisFrom([0, 1, 0, 1, 0, 1])).toBeCloseTo(1, 12);
    // A discrete uniform on 0..n−1 has kurtosis 3(3n² − 7) / (5(n² − 1)) → 1.8.
    const n = 1000;
    expect(kurtosisFrom(Array.from({ length: n }, (_, i) => i))).toBeCloseTo(
      (3 * (3 * n * n - 7)) / (5 * (n * n - 1)),
      10,
    );
    // One burst in m ticks is a Bernoulli(p = 1/m) series: kurtosis (1 − 3p(1 − p)) / (p(1 − p)) ≈ m.
    for (const m of [10, 100, 400]) {
      const q = (1 / m) * (1 - 1 / m);
      const series = Array.from({ length: m }, (_, i) => (i === 0 ? 100 : 0));
      expect(kurtosisFrom(series)).toBeCloseTo((1 - 3 * q) / q, 8);
    }
  });

  it("is near 3 for normal draws", () => {
    const rng = createRngHub(1).stream("normal");
    const xs = Array.from({ length: 200_000 }, () => rng.normal(50, 7));
    expect(Math.abs(kurtosisFrom(xs) - 3)).toBeLessThan(0.05);
  });

  it("is NaN for a series that never moves or is too short, and skips the burn-in", () => {
    expect(kurtosisFrom([0, 0, 0, 0])).toBeNaN();
    expect(kurtosisFrom([5])).toBeNaN();
    expect(kurtosisFrom([1000, 0, 1, 0, 1], 1)).toBeCloseTo(1, 12);
    expect(meanFrom([9, 1, 2], 1)).toBe(1.5);
    expect(meanFrom([1], 1)).toBeNaN();
    expect(maxFrom([9, 1, 2], 1)).toBe(2);
  });

  it("does not change under shifting and scaling (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 3, maxLength: 60 }),
        fc.integer({ min: -100, max: 100 }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (xs, shift, scale) => {
          const k = kurtosisFrom(xs);
          fc.pre(Number.isFinite(k));
          expect(kurtosisFrom(xs.map((x) => x * scale + shift))).toBeCloseTo(k, 6);
          expect(k).toBeGreaterThanOrEqual(1 - 1e-9);
        },
      ),
    );
  });
});
