/** Morris measures: exact effects of a linear function, and the G function's factors ranked by μ*. */
import { describe, expect, it } from "vitest";
import { sobolG } from "../../../../src/models/test-functions/sobol-g.js";
import { elementaryEffects, morrisMeasures } from "../../../../src/stats/sensitivity/morris-effects.js";
import { morrisDelta, morrisSamples } from "../../../../src/study/designs/morris.js";

function effects(r: number, k: number, f: (x: number[]) => number, candidates?: number) {
  const { unit, roles } = morrisSamples(r, k, 4, 11, candidates);
  const y = Float64Array.from({ length: roles.role.length }, (_, s) =>
    f(Array.from(unit.subarray(s * k, (s + 1) * k))),
  );
  return elementaryEffects(y, roles, k, r, morrisDelta(4));
}

describe("morris measures", () => {
  it("give a linear function's coefficients as μ and μ* = |μ| with σ = 0", () => {
    const ee = effects(10, 3, (x) => 2 * x[0]! - 3 * x[1]! + 0 * x[2]!);
    const m = [0, 1, 2].map((j) => morrisMeasures(ee, 3, j));
    expect(m.map((v) => v.mu)).toEqual([expect.closeTo(2, 12), expect.closeTo(-3, 12), 0]);
    expect(m.map((v) => v.muStar)).toEqual([expect.closeTo(2, 12), expect.closeTo(3, 12), 0]);
    expect(m.every((v) => v.sigma < 1e-12 && v.n === 10)).toBe(true);
  });

  it("rank the G function's inputs by μ*: x1 > x2 > x3 > x4 > x5, x6", () => {
    const a = [0, 1, 4.5, 9, 99, 99];
    const ee = effects(20, 6, (x) => sobolG(x, a), 100);
    const muStar = a.map((_, j) => morrisMeasures(ee, 6, j).muStar);
    for (let j = 1; j < 4; j++) expect(muStar[j]!).toBeLessThan(muStar[j - 1]!);
    expect(Math.max(muStar[4]!, muStar[5]!)).toBeLessThan(muStar[3]!);
  });

  it("skip missing outputs", () => {
    const ee = Float64Array.from([1, Number.NaN, -3, Number.NaN]);
    expect(morrisMeasures(ee, 2, 0)).toEqual({ mu: -1, muStar: 2, sigma: Math.sqrt(8), n: 2 });
    expect(morrisMeasures(ee, 2, 1).n).toBe(0);
  });
});
