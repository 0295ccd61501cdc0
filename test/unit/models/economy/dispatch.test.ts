/** Market choice: a multinomial logit over expected profit per kg, argmax at temperature 0. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { logitChoice, marketSizeTerms } from "../../../../src/models/economy/dispatch.js";
import { Market } from "../../../../src/models/economy/market.js";

/** Share of a fine, even grid of uniform draws that picks each index. */
function shares(profit: number[], t: number, n = 20_000, size?: ArrayLike<number>): number[] {
  const out = profit.map(() => 0);
  for (let i = 0; i < n; i++) {
    const k = logitChoice(profit, profit.length, t, (i + 0.5) / n, size);
    if (k >= 0) out[k]! += 1 / n;
  }
  return out;
}

describe("logitChoice", () => {
  it("draws each market with probability ∝ exp(profit / T) among the profitable ones", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5000, max: 40_000, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.double({ min: 500, max: 20_000, noNaN: true }),
        (profit, t) => {
          const w = profit.map((x) => (x > 0 ? Math.exp(x / t) : 0));
          const total = w.reduce((s, x) => s + x, 0);
          const got = shares(profit, t);
          if (total === 0) {
            expect(got.every((x) => x === 0)).toBe(true);
            return;
          }
          got.forEach((g, i) => {
            expect(Math.abs(g - w[i]! / total)).toBeLessThan(1e-3);
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it("never picks an unprofitable market and returns −1 when none pays", () => {
    expect(logitChoice([-1, 0, -300], 3, 5000, 0.5)).toBe(-1);
    for (let u = 0; u < 1; u += 0.01) expect(logitChoice([-10, 200, 0, 5], 4, 1e6, u)).toBeOneOf([1, 3]);
  });

  it("is the argmax at temperature 0 and spreads as the temperature rises", () => {
    expect(logitChoice([100, 900, 300], 3, 0, 0.99)).toBe(1);
    const cold = shares([20_000, 25_000, 5_000], 2000);
    const warm = shares([20_000, 25_000, 5_000], 12_000);
    expect(cold[1]!).toBeGreaterThan(warm[1]!);
    expect(warm[2]!).toBeGreaterThan(cold[2]!);
  });
});

describe("market size term", () => {
  const market = (demandKgPerDay: number) =>
    new Market({ demandKgPerDay, basePriceUsdPerKg: 10_000, elasticity: 0.3 });
  const markets = [70, 10, 3].map(market);

  it("is β × ln(demand / the largest demand): 0 for the largest market, and 0 everywhere at β = 0", () => {
    const size = marketSizeTerms(markets, 0.5);
    expect(size[0]).toBe(0);
    expect(size[1]).toBeCloseTo(0.5 * Math.log(10 / 70), 12);
    expect(size[2]).toBeCloseTo(0.5 * Math.log(3 / 70), 12);
    expect([...marketSizeTerms(markets, 0)].every((x) => x === 0)).toBe(true);
  });

  it("at equal profit and β = 1 draws markets in proportion to their demand", () => {
    const got = shares([5000, 5000, 5000], 12_000, 20_000, marketSizeTerms(markets, 1));
    [70, 10, 3].forEach((d, i) => {
      expect(Math.abs(got[i]! - d / 83)).toBeLessThan(1e-3);
    });
  });

  it("weights exp(profit / T) by demand^β, and never makes an unprofitable market a candidate", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5000, max: 40_000, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (profit, beta) => {
          const size = marketSizeTerms(markets, beta);
          const w = profit.map((x, i) => (x > 0 ? Math.exp(x / 12_000 + size[i]!) : 0));
          const total = w.reduce((s, x) => s + x, 0);
          const got = shares(profit, 12_000, 20_000, size);
          got.forEach((g, i) => {
            expect(Math.abs(g - (total > 0 ? w[i]! / total : 0))).toBeLessThan(1e-3);
          });
        },
      ),
      { numRuns: 30 },
    );
  });
});
