import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bootstrapRoot, fitLine, rootOf } from "../../../../src/stats/flip/fit.js";

const xsOf = (n: number) => Array.from({ length: n }, (_, i) => i / (n - 1));

describe("fitLine", () => {
  it("recovers any exact line, its root and R² 1", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.boolean(),
        (a, b0, negative) => {
          const b = negative ? -b0 : b0;
          const x = xsOf(11);
          const f = fitLine(
            x,
            x.map((v) => a + b * v),
          );
          expect(f.slope).toBeCloseTo(b, 6);
          expect(f.intercept).toBeCloseTo(a, 6);
          expect(rootOf(f)).toBeCloseTo(-a / b, 4);
          expect(f.r2).toBeCloseTo(1, 9);
        },
      ),
    );
  });

  it("gives the slope a t interval that holds the true slope about 95 % of the time", () => {
    // Noise from a fixed pseudo-random sequence: 400 fits of 20 points each.
    let s = 12345;
    const noise = () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648 - 0.5;
    };
    let covered = 0;
    for (let k = 0; k < 400; k++) {
      const x = xsOf(20);
      const f = fitLine(
        x,
        x.map((v) => 1 - 2 * v + noise()),
      );
      if (f.slopeLow <= -2 && -2 <= f.slopeHigh) covered++;
    }
    // Binomial(400, 0.95): 95 % of counts fall within 371–389.
    expect(covered).toBeGreaterThanOrEqual(366);
    expect(covered).toBeLessThanOrEqual(394);
  });

  it("has no slope or root when every x is the same, and an infinite root for a flat line off 0", () => {
    expect(rootOf(fitLine([1, 1, 1], [1, 2, 3]))).toBeNaN();
    expect(rootOf({ intercept: 2, slope: 0 })).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("bootstrapRoot", () => {
  const x = xsOf(50);
  const wobble = x.map((_, i) => (i % 2 === 0 ? 0.05 : -0.05));

  it("brackets the root of a clear crossing and counts every resample as crossing", () => {
    const d = x.map((v, i) => 3 * (v - 0.4) + wobble[i]!);
    const b = bootstrapRoot(x, d, { lo: 0, hi: 1 }, { resamples: 500, seed: 1, stream: "t" });
    expect(b.low).toBeLessThan(0.4);
    expect(b.high).toBeGreaterThan(0.4);
    expect(b.high - b.low).toBeLessThan(0.05);
    expect(b.crossShare).toBe(1);
  });

  it("finds no crossing inside the range for a difference of one sign, and is the same for the same seed", () => {
    const d = x.map((v, i) => 5 + v + wobble[i]!);
    const opts = { resamples: 300, seed: 7, stream: "t" };
    const b = bootstrapRoot(x, d, { lo: 0, hi: 1 }, opts);
    expect(b.crossShare).toBe(0);
    expect(b.high).toBeLessThan(0);
    expect(bootstrapRoot(x, d, { lo: 0, hi: 1 }, opts)).toEqual(b);
  });
});
