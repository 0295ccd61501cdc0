/** Market choice: a multinomial logit over expected profit per kg, argmax at temperature 0. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { logitChoice } from "../../../../src/models/economy/dispatch.js";

/** Share of a fine, even grid of uniform draws that picks each index. */
function shares(profit: number[], t: number, n = 20_000): number[] {
  const out = profit.map(() => 0);
  for (let i = 0; i < n; i++) {
    const k = logitChoice(profit, profit.length, t, (i + 0.5) / n);
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
