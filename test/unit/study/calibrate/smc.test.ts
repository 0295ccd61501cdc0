/** ABC-SMC's pieces: weighted quantile and ESS, the kernel's factor and density, importance weights. */
import { describe, expect, it } from "vitest";
import { RngStream } from "../../../../src/engine/rng.js";
import {
  cholesky,
  kernelOf,
  logKernel,
  perturb,
  weightedCovariance,
} from "../../../../src/study/calibrate/kernel.js";
import { drawPrior, inSupport, priorBox, scaleOf, valuesOf } from "../../../../src/study/calibrate/priors.js";
import {
  effectiveSampleSize,
  importanceWeight,
  normalise,
  weightedQuantile,
} from "../../../../src/study/calibrate/smc.js";

describe("weighted statistics", () => {
  it("takes the smallest value whose cumulative weight reaches the quantile", () => {
    expect(weightedQuantile([3, 1, 2], [1, 1, 1], 0.5)).toBe(2);
    expect(weightedQuantile([3, 1, 2], [0.1, 0.1, 0.8], 0.5)).toBe(2);
    expect(weightedQuantile([3, 1, 2], [0.8, 0.1, 0.1], 0.5)).toBe(3);
    expect(weightedQuantile([5, 4], [1, 1], 0.01)).toBe(4);
  });

  it("has an ESS of n for equal weights and 1 for one weight", () => {
    expect(effectiveSampleSize(normalise([2, 2, 2, 2]))).toBeCloseTo(4);
    expect(effectiveSampleSize(normalise([1, 0, 0]))).toBeCloseTo(1);
  });
});

describe("the kernel", () => {
  it("factors a covariance so that L·Lᵀ gives it back", () => {
    const a = [
      [4, 2, 0.4],
      [2, 3, 0.5],
      [0.4, 0.5, 1],
    ];
    const l = cholesky(a, [0, 0, 0]);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += l[i]![k]! * l[j]![k]!;
        expect(s).toBeCloseTo(a[i]![j]!, 12);
      }
  });

  it("keeps a collapsed direction moving at its floor", () => {
    const l = cholesky([[0]], [0.5]);
    expect(l[0]![0]).toBe(0.5);
  });

  it("draws with twice the population's covariance, and its log density is the normal's", () => {
    const pts = [[0], [2], [4], [6]];
    const w = [0.25, 0.25, 0.25, 0.25];
    const cov = weightedCovariance(pts, w)[0]![0]!; // 5
    const k = kernelOf(pts, w, [10]);
    expect(k.chol[0]![0]! ** 2).toBeCloseTo(2 * cov);
    expect(logKernel(k, [3], [1])).toBeCloseTo(-0.5 * (4 / (2 * cov)));
    const rng = new RngStream("1", "t");
    const xs = Array.from({ length: 20_000 }, () => perturb(k, [1], rng)[0]!);
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
    // Mean 1 ± 4 standard errors; variance 10 within 5 %.
    expect(Math.abs(m - 1)).toBeLessThan(4 * Math.sqrt(10 / xs.length));
    expect(v / 10).toBeGreaterThan(0.95);
    expect(v / 10).toBeLessThan(1.05);
  });

  it("weighs a candidate by the inverse of the kernel mixture", () => {
    const k = kernelOf([[0], [1]], [0.5, 0.5], [10]);
    const prev = { points: [[0]], weights: [1], distances: [0] };
    const near = importanceWeight(k, prev, [0]);
    const far = importanceWeight(k, prev, [1]);
    expect(far / near).toBeCloseTo(Math.exp(-logKernel(k, [1], [0])));
  });
});

describe("priors", () => {
  it("samples a log-uniform prior uniformly in the logarithm, inside its box", () => {
    const box = priorBox([
      { path: "params.a", name: "a", prior: "log-uniform", min: 1, max: 100, apply: true },
      { path: "params.b", name: "b", prior: "uniform", min: -1, max: 1, apply: true },
    ]);
    const rng = new RngStream("3", "prior");
    const draws = Array.from({ length: 4000 }, () => drawPrior(box, rng));
    expect(draws.every((z) => inSupport(box, z))).toBe(true);
    const below10 = draws.filter((z) => valuesOf(box, z)[0]! < 10).length / draws.length;
    // Half the mass of log-uniform [1, 100] lies below 10 (binomial sd ≈ 0.008).
    expect(Math.abs(below10 - 0.5)).toBeLessThan(0.04);
    expect(scaleOf(box, valuesOf(box, [Math.log(5), 0.5]))[0]).toBeCloseTo(Math.log(5));
  });
});
