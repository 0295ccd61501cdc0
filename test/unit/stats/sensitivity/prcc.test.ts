/** PRCC on plain arrays: agreement with the two-regression definition (also on resamples with ties), a linear model over 20 LHS seeds, bounds, p-values. */
import fc from "fast-check";
import { lusolve } from "mathjs";
import { describe, expect, it } from "vitest";
import { createRngHub } from "../../../../src/engine/rng.js";
import { bootstrapVector } from "../../../../src/stats/sensitivity/intervals.js";
import {
  partialRankCorrelations,
  prccEstimator,
  prccPValue,
} from "../../../../src/stats/sensitivity/prcc.js";
import { latinHypercube } from "../../../../src/study/designs/lhs.js";

/** n LHS points in k dimensions as k columns. */
function lhsColumns(n: number, k: number, seed: number): Float64Array[] {
  const hub = createRngHub(seed);
  const u = latinHypercube(
    n,
    Array.from({ length: k }, (_, d) => hub.stream(`test/lhs/${d}`)),
  );
  return Array.from({ length: k }, (_, d) => Float64Array.from({ length: n }, (_, i) => u[i * k + d]!));
}

/** Ranks 1 … n, tied values sharing their mean rank, the slow way: count what is below and equal. */
function naiveRanks(v: ArrayLike<number>): Float64Array {
  const a = Array.from(v);
  return Float64Array.from(a, (x) => {
    const below = a.filter((z) => z < x).length;
    const equal = a.filter((z) => z === x).length;
    return below + (equal + 1) / 2;
  });
}

/** PRCC by the definition: correlation of the residuals of two rank regressions on the other factors. */
function prccByRegressions(xs: Float64Array[], y: Float64Array): number[] {
  const rx = xs.map(naiveRanks);
  const ry = naiveRanks(y);
  return xs.map((_, j) => {
    const others = rx.filter((_, m) => m !== j);
    return correlation(residuals(rx[j]!, others), residuals(ry, others));
  });
}

/** Residuals of `v` after least squares on `others` with an intercept (normal equations, mathjs). */
function residuals(v: Float64Array, others: Float64Array[]): number[] {
  const n = v.length;
  const cols = [new Float64Array(n).fill(1), ...others];
  const xtx = cols.map((a) => cols.map((b) => a.reduce((s, x, i) => s + x * b[i]!, 0)));
  const xty = cols.map((a) => a.reduce((s, x, i) => s + x * v[i]!, 0));
  const beta = (lusolve(xtx, xty) as number[][]).map((r) => r[0]!);
  return Array.from(v, (y, i) => y - cols.reduce((s, c, j) => s + beta[j]! * c[i]!, 0));
}

function correlation(a: number[], b: number[]): number {
  const ma = a.reduce((s, x) => s + x, 0) / a.length;
  const mb = b.reduce((s, x) => s + x, 0) / b.length;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  a.forEach((x, i) => {
    sab += (x - ma) * (b[i]! - mb);
    saa += (x - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  });
  return sab / Math.sqrt(saa * sbb);
}

describe("partialRankCorrelations", () => {
  it("equals the correlation of the residuals of two rank regressions on the other factors", () => {
    const xs = lhsColumns(60, 3, 7);
    const rng = createRngHub(7).stream("test/noise");
    const y = Float64Array.from(xs[0]!, (x, i) => Math.exp(2 * x) - xs[1]![i]! ** 3 + rng.normal(0, 0.3));
    const want = prccByRegressions(xs, y);
    partialRankCorrelations(xs, y).forEach((r, j) => {
      expect(r).toBeCloseTo(want[j]!, 10);
    });
  });

  it("on a resample with repeats and ties, equals the definition on the resample's values ranked again", () => {
    // An integer factor gives ties; a bootstrap's repeats give more.
    const xs = lhsColumns(40, 2, 5);
    xs[1] = xs[1]!.map((v) => Math.floor(v * 6));
    const rng = createRngHub(5).stream("test/rows");
    const y = Float64Array.from(xs[0]!, (x, i) => x + 0.2 * xs[1]![i]! + rng.normal(0, 0.2));
    const estimate = prccEstimator(xs, y);
    for (let rep = 0; rep < 5; rep++) {
      const rows = Int32Array.from({ length: 40 }, () => rng.below(40));
      const pick = (c: Float64Array) => Float64Array.from(rows, (i) => c[i]!);
      const want = prccByRegressions(xs.map(pick), pick(y));
      estimate(rows).forEach((r, j) => {
        expect(r).toBeCloseTo(want[j]!, 10);
      });
    }
    expect(Array.from(estimate())).toEqual(Array.from(partialRankCorrelations(xs, y)));
  });

  it("ranks y = 3·x1 − x2 + 0·x3 + noise right over 20 LHS seeds, x3's 95 % interval covering 0", () => {
    let ordered = 0;
    let covered = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const xs = lhsColumns(100, 3, seed);
      const rng = createRngHub(seed).stream("test/noise");
      const y = Float64Array.from(xs[0]!, (x1, i) => 3 * x1 - xs[1]![i]! + rng.normal(0, 0.5));
      const iv = bootstrapVector(100, prccEstimator(xs, y), {
        resamples: 300,
        seed,
        stream: "test/prcc",
      });
      const [a, b, c] = iv.map((i) => i.value) as [number, number, number];
      expect(a).toBeGreaterThan(0);
      expect(b).toBeLessThan(0);
      if (Math.abs(a) > Math.abs(b) && Math.abs(b) > Math.abs(c)) ordered++;
      if (iv[2]!.low <= 0 && iv[2]!.high >= 0) covered++;
    }
    expect(ordered).toBe(20);
    // A 95 % interval misses 0 in about 1 of 20 seeds; 16 or fewer covered would be 3 % likely.
    expect(covered).toBeGreaterThanOrEqual(17);
  });

  it("is ~1 for an exactly monotone single-factor model, and ~0 for factors it ignores", () => {
    const xs = lhsColumns(50, 3, 3);
    const y = Float64Array.from(xs[0]!, (x) => Math.exp(5 * x));
    const r = partialRankCorrelations(xs, y);
    expect(r[0]).toBeGreaterThan(0.999);
    expect(Math.abs(r[1]!)).toBeLessThan(0.01);
    expect(Math.abs(r[2]!)).toBeLessThan(0.01);
    expect(partialRankCorrelations([xs[0]!], y)[0]).toBeCloseTo(1, 9);
    expect(
      partialRankCorrelations(
        [xs[0]!],
        y.map((v) => -v),
      )[0],
    ).toBeCloseTo(-1, 9);
  });

  it("is NaN for every factor when a factor is constant", () => {
    const xs = [lhsColumns(20, 1, 1)[0]!, new Float64Array(20).fill(2)];
    expect(Array.from(partialRankCorrelations(xs, xs[0]!)).every(Number.isNaN)).toBe(true);
  });

  it("stays within [−1, 1] on any data", () => {
    const column = (n: number) =>
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: n, maxLength: n });
    fc.assert(
      fc.property(
        fc.integer({ min: 6, max: 30 }).chain((n) => fc.tuple(column(n), column(n), column(n))),
        ([a, b, y]) => {
          const r = partialRankCorrelations(
            [Float64Array.from(a), Float64Array.from(b)],
            Float64Array.from(y),
          );
          for (const v of r) expect(Number.isNaN(v) || (v >= -1 && v <= 1)).toBe(true);
        },
      ),
    );
  });
});

describe("prccPValue", () => {
  it("is the two-sided t test with n − 2 − k df: 1 at r = 0, small for strong r, NaN without df", () => {
    expect(prccPValue(0, 50, 3)).toBeCloseTo(1, 9);
    // r = 0.3, n = 50, k = 3: t = 0.3·√(45 / 0.91) = 2.1097, two-sided p with 45 df ≈ 0.0405.
    expect(prccPValue(0.3, 50, 3)).toBeCloseTo(0.0405, 3);
    expect(prccPValue(-0.3, 50, 3)).toBe(prccPValue(0.3, 50, 3));
    expect(prccPValue(0.9, 50, 3)).toBeLessThan(1e-10);
    expect(prccPValue(0.5, 5, 3)).toBeNaN();
  });
});
