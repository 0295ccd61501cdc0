import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { logGamma, sampleBinomial, samplePoisson } from "../../../src/engine/distributions.js";
import { createRngHub } from "../../../src/engine/rng.js";

/** ln(n!) by summing logs. */
function logFactorial(n: number): number {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
}

/**
 * Chi-square goodness of fit of integer samples against a pmf given for k = 0..pmf.length-1.
 * Neighbouring k are pooled until each bin expects ≥ 5 draws; the rejection line is
 * df + 5·sqrt(2·df), five standard deviations of the chi-square distribution above its mean.
 */
function chiSquareFit(
  samples: ArrayLike<number>,
  pmf: number[],
): { stat: number; limit: number; bins: number } {
  const N = samples.length;
  const counts = new Array(pmf.length + 1).fill(0);
  for (let i = 0; i < N; i++) counts[Math.min(samples[i]!, pmf.length)]++;
  const tail = Math.max(0, 1 - pmf.reduce((a, b) => a + b, 0));
  const probs = [...pmf, tail];
  const bins: { o: number; e: number }[] = [];
  let o = 0;
  let e = 0;
  for (let k = 0; k < probs.length; k++) {
    o += counts[k];
    e += probs[k]! * N;
    if (e >= 5) {
      bins.push({ o, e });
      o = 0;
      e = 0;
    }
  }
  if (bins.length === 0) throw new Error("no bins");
  const lastBin = bins[bins.length - 1]!;
  lastBin.o += o;
  lastBin.e += e;
  let stat = 0;
  for (const b of bins) stat += (b.o - b.e) ** 2 / b.e;
  const df = bins.length - 1;
  return { stat, limit: df + 5 * Math.sqrt(2 * df), bins: bins.length };
}

function poissonPmf(lambda: number): number[] {
  const out = [Math.exp(-lambda)];
  const kmax = Math.ceil(lambda + 12 * Math.sqrt(lambda) + 20);
  for (let k = 1; k <= kmax; k++) out.push((out[k - 1]! * lambda) / k);
  return out;
}

function binomialPmf(n: number, p: number): number[] {
  const q = 1 - p;
  const out = [q ** n];
  for (let k = 0; k < n; k++) out.push((((out[k]! * (n - k)) / (k + 1)) * p) / q);
  return out;
}

describe("logGamma", () => {
  it("matches log((n-1)!) for small integers", () => {
    for (let n = 1; n <= 30; n++) {
      const want = logFactorial(n - 1);
      expect(Math.abs(logGamma(n) - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
    }
  });

  it("matches known values", () => {
    const cases: [number, number][] = [
      [0.5, 0.5 * Math.log(Math.PI)], // Γ(1/2) = √π
      [1.5, Math.log(Math.sqrt(Math.PI) / 2)], // Γ(3/2) = √π / 2
      [2.5, Math.log((3 * Math.sqrt(Math.PI)) / 4)],
      [0.25, Math.log(3.625609908221908)], // Γ(1/4)
      [0.1, Math.log(9.513507698668732)], // Γ(0.1)
      [1 / 3, Math.log(2.678938534707748)], // Γ(1/3)
      [101, logFactorial(100)],
      [1001, logFactorial(1000)],
    ];
    for (const [x, want] of cases) {
      expect(Math.abs(logGamma(x) - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
    }
  });

  it("property: logGamma(x + 1) − logGamma(x) = log x", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 500, noNaN: true }), (x) => {
        const diff = logGamma(x + 1) - logGamma(x);
        const scale = Math.max(1, Math.abs(logGamma(x + 1)));
        expect(Math.abs(diff - Math.log(x))).toBeLessThanOrEqual(1e-11 * scale);
      }),
    );
  });
});

describe("samplePoisson / sampleBinomial against their pmf (chi-square)", () => {
  const N = 20_000;

  for (const lambda of [0.5, 4, 9.9, 10, 30, 500]) {
    it(`poisson(${lambda})`, () => {
      const u = createRngHub(`poisson-${lambda}`).stream("u").next;
      const xs = new Int32Array(N);
      for (let i = 0; i < N; i++) xs[i] = samplePoisson(u, lambda);
      const { stat, limit, bins } = chiSquareFit(xs, poissonPmf(lambda));
      expect(bins).toBeGreaterThan(1);
      expect(stat).toBeLessThan(limit);
    });
  }

  for (const [n, p] of [
    [10, 0.3],
    [1000, 0.02],
    [1000, 0.4],
    [50, 0.9],
    [40, 0.5],
    [200, 0.97],
  ] as const) {
    it(`binomial(${n}, ${p})`, () => {
      const u = createRngHub(`binomial-${n}-${p}`).stream("u").next;
      const xs = new Int32Array(N);
      for (let i = 0; i < N; i++) xs[i] = sampleBinomial(u, n, p);
      const { stat, limit, bins } = chiSquareFit(xs, binomialPmf(n, p));
      expect(bins).toBeGreaterThan(1);
      expect(stat).toBeLessThan(limit);
    });
  }

  it("degenerate parameters", () => {
    const u = createRngHub(1).stream("u").next;
    expect(samplePoisson(u, 0)).toBe(0);
    expect(samplePoisson(u, -1)).toBe(0);
    expect(sampleBinomial(u, 0, 0.4)).toBe(0);
    expect(sampleBinomial(u, 12, 0)).toBe(0);
    expect(sampleBinomial(u, 12, 1)).toBe(12);
  });
});
