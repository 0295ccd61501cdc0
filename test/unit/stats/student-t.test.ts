import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { regularizedBeta, studentTCdf, studentTQuantile } from "../../../src/stats/student-t.js";

// Published critical values (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2), three decimals.
const T975: [number, number][] = [
  [1, 12.706],
  [2, 4.303],
  [3, 3.182],
  [4, 2.776],
  [5, 2.571],
  [6, 2.447],
  [7, 2.365],
  [8, 2.306],
  [9, 2.262],
  [10, 2.228],
  [15, 2.131],
  [20, 2.086],
  [25, 2.06],
  [29, 2.045],
  [30, 2.042],
  [40, 2.021],
  [60, 2.0],
  [100, 1.984],
  [1000, 1.962],
];
const T995: [number, number][] = [
  [1, 63.657],
  [2, 9.925],
  [5, 4.032],
  [10, 3.169],
  [30, 2.75],
];
const T95: [number, number][] = [
  [1, 6.314],
  [5, 2.015],
  [10, 1.812],
  [30, 1.697],
];

describe("studentTQuantile", () => {
  it.each(T975)("t(0.975, %i) matches the table value %f", (df, t) => {
    expect(Math.abs(studentTQuantile(0.975, df) - t)).toBeLessThanOrEqual(0.0005);
  });
  it.each(T995)("t(0.995, %i) matches the table value %f", (df, t) => {
    expect(Math.abs(studentTQuantile(0.995, df) - t)).toBeLessThanOrEqual(0.0005);
  });
  it.each(T95)("t(0.95, %i) matches the table value %f", (df, t) => {
    expect(Math.abs(studentTQuantile(0.95, df) - t)).toBeLessThanOrEqual(0.0005);
  });

  it("tends to the normal quantile 1.959964 for very large df", () => {
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 5);
  });

  it("matches the closed forms for 1 df (Cauchy) and 2 df on random p", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), (p) => {
        const cauchy = Math.tan(Math.PI * (p - 0.5));
        const two = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
        expect(studentTQuantile(p, 1)).toBeCloseTo(cauchy, 8);
        expect(studentTQuantile(p, 2)).toBeCloseTo(two, 8);
      }),
    );
  });

  it("inverts the CDF and is antisymmetric on random p and df", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.0005, max: 0.9995, noNaN: true }),
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        (p, df) => {
          const t = studentTQuantile(p, df);
          expect(studentTCdf(t, df)).toBeCloseTo(p, 10);
          expect(studentTQuantile(1 - p, df)).toBeCloseTo(-t, 8);
        },
      ),
    );
  });

  it("is NaN outside its domain", () => {
    expect(studentTQuantile(0, 5)).toBeNaN();
    expect(studentTQuantile(1, 5)).toBeNaN();
    expect(studentTQuantile(0.9, 0)).toBeNaN();
    expect(studentTQuantile(0.5, 3)).toBe(0);
  });
});

describe("regularizedBeta", () => {
  it("matches I_x(a, 1) = x^a and I_x(1, b) = 1 − (1 − x)^b", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        (x, a) => {
          expect(regularizedBeta(x, a, 1)).toBeCloseTo(x ** a, 10);
          expect(regularizedBeta(x, 1, a)).toBeCloseTo(1 - (1 - x) ** a, 10);
        },
      ),
    );
  });

  it("satisfies the symmetry I_x(a, b) = 1 − I_{1−x}(b, a)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.2, max: 40, noNaN: true }),
        fc.double({ min: 0.2, max: 40, noNaN: true }),
        (x, a, b) => {
          expect(regularizedBeta(x, a, b)).toBeCloseTo(1 - regularizedBeta(1 - x, b, a), 10);
        },
      ),
    );
  });
});

describe("studentTCdf", () => {
  it("gives the Cauchy CDF at 1 df and ½ at 0", () => {
    for (const t of [-30, -2, -0.5, 0.3, 1, 12.706]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 10);
    }
    expect(studentTCdf(0, 7)).toBe(0.5);
  });
});
