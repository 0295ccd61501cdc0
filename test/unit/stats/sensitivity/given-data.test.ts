/** First-order Sobol indices from given data: an exact case, Ishigami over 20 LHS seeds against its analytic indices, the null level, resamples. */
import { describe, expect, it } from "vitest";
import { createRngHub } from "../../../../src/engine/rng.js";
import { ishigami, ishigamiIndices } from "../../../../src/models/test-functions/ishigami.js";
import {
  givenDataClasses,
  givenDataEstimator,
  givenDataFirstOrder,
  givenDataNullLevel,
} from "../../../../src/stats/sensitivity/given-data.js";
import { bootstrapVector } from "../../../../src/stats/sensitivity/intervals.js";
import { latinHypercube } from "../../../../src/study/designs/lhs.js";

/** n LHS points in k dimensions on [lo, hi] as k columns. */
function lhsColumns(n: number, k: number, seed: number, lo = 0, hi = 1): Float64Array[] {
  const hub = createRngHub(seed);
  const u = latinHypercube(
    n,
    Array.from({ length: k }, (_, d) => hub.stream(`test/lhs/${d}`)),
  );
  return Array.from({ length: k }, (_, d) =>
    Float64Array.from({ length: n }, (_, i) => lo + (hi - lo) * u[i * k + d]!),
  );
}

const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;

describe("givenDataClasses", () => {
  it("grows with n and stays within 2 … 48", () => {
    let last = 0;
    for (const n of [10, 50, 100, 500, 1000, 5000, 20_000, 1e6]) {
      const m = givenDataClasses(n);
      expect(m).toBeGreaterThanOrEqual(Math.max(2, last));
      expect(m).toBeLessThanOrEqual(48);
      last = m;
    }
    expect(givenDataClasses(1e9)).toBe(48);
  });
});

describe("givenDataFirstOrder", () => {
  it("gives y = x on an even grid exactly 1 − ((n/M)² − 1)/(n² − 1)", () => {
    for (const [n, m] of [
      [100, 4],
      [120, 6],
      [64, 8],
    ] as const) {
      const x = Float64Array.from({ length: n }, (_, i) => (i + 0.5) / n);
      // Shuffle the order: the estimator must not depend on it.
      const perm = Int32Array.from({ length: n }, (_, i) => (i * 37) % n);
      const xs = Float64Array.from(perm, (i) => x[i]!);
      const s = givenDataFirstOrder([xs], xs.slice(), m)[0]!;
      expect(s).toBeCloseTo(1 - ((n / m) ** 2 - 1) / (n * n - 1), 12);
    }
  });

  it("is NaN when the output does not vary", () => {
    const [x] = lhsColumns(50, 1, 3);
    expect(givenDataFirstOrder([x!], new Float64Array(50).fill(2))[0]).toBeNaN();
  });

  it("recovers Ishigami's first-order indices over 20 LHS seeds (n = 4096)", () => {
    const exact = ishigamiIndices(7, 0.1).s1;
    const n = 4096;
    const est: number[][] = [[], [], []];
    for (let seed = 1; seed <= 20; seed++) {
      const xs = lhsColumns(n, 3, seed, -Math.PI, Math.PI);
      const y = Float64Array.from({ length: n }, (_, i) =>
        ishigami(xs[0]![i]!, xs[1]![i]!, xs[2]![i]!, 7, 0.1),
      );
      givenDataFirstOrder(xs, y).forEach((s, j) => {
        est[j]!.push(s);
      });
    }
    // Classes of width 2π/16 flatten sin² x2's two bumps a little (about 5 %), hence 0.03.
    est.forEach((e, j) => {
      expect(Math.abs(mean(e) - exact[j]!)).toBeLessThan(0.03);
    });
    // x3 acts only through its interaction with x1: its first-order index stays at the null level.
    expect(Math.max(...est[2]!)).toBeLessThan(0.02);
  });

  it("scores an input the output ignores near (M − 1)/(n − 1) on average over 20 seeds", () => {
    const n = 400;
    const m = givenDataClasses(n);
    const scores: number[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const [x, noise] = lhsColumns(n, 2, 100 + seed);
      scores.push(givenDataFirstOrder([x!], noise!.slice(), m)[0]!);
    }
    const level = givenDataNullLevel(n, m);
    expect(Math.abs(mean(scores) - level)).toBeLessThan(level);
  });
});

describe("givenDataEstimator with resamples", () => {
  it("gives the full-sample value for the identity resample", () => {
    const xs = lhsColumns(200, 2, 9);
    const y = Float64Array.from({ length: 200 }, (_, i) => xs[0]![i]! ** 2 + 0.3 * xs[1]![i]!);
    const est = givenDataEstimator(xs, y, 5);
    const all = est();
    const same = est(Int32Array.from({ length: 200 }, (_, i) => i));
    all.forEach((v, j) => {
      expect(same[j]).toBeCloseTo(v, 12);
    });
  });

  it("has bootstrap intervals that hold Ishigami's x1 index in most of 20 seeds (n = 2048)", () => {
    const exact = ishigamiIndices(7, 0.1).s1;
    const n = 2048;
    let hits = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const xs = lhsColumns(n, 3, 40 + seed, -Math.PI, Math.PI);
      const y = Float64Array.from({ length: n }, (_, i) =>
        ishigami(xs[0]![i]!, xs[1]![i]!, xs[2]![i]!, 7, 0.1),
      );
      const iv = bootstrapVector(n, givenDataEstimator(xs, y, givenDataClasses(n)), {
        resamples: 300,
        seed,
        stream: "test/given-data",
      });
      if (iv[0]!.low <= exact[0]! && exact[0]! <= iv[0]!.high) hits++;
      // x2's two bumps span only 6 of the 12 classes: their means flatten it by about 9 %
      // (sinc² of half a class), so its interval sits just below the index, never far.
      expect(iv[1]!.high).toBeGreaterThan(exact[1]! - 0.06);
      expect(iv[1]!.low).toBeLessThan(exact[1]!);
    }
    // A 95 % interval holds the index in 19 of 20 on average; at least 16 is a loose check.
    expect(hits).toBeGreaterThanOrEqual(16);
  });
});
