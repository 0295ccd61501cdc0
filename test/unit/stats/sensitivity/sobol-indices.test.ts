/** Sobol indices against the exact ones of the Ishigami and G functions, estimators run on arrays. */
import { describe, expect, it } from "vitest";
import { ishigami, ishigamiIndices } from "../../../../src/models/test-functions/ishigami.js";
import { sobolG, sobolGIndices } from "../../../../src/models/test-functions/sobol-g.js";
import { bootstrapVector } from "../../../../src/stats/sensitivity/intervals.js";
import { type SaltelliOutputs, sobolIndices } from "../../../../src/stats/sensitivity/sobol-indices.js";
import { saltelliSamples } from "../../../../src/study/designs/saltelli.js";

/** f over a Saltelli design of base size n on k unit-cube factors, split into A, B, AB_j, BA_j. */
function saltelliOutputs(
  n: number,
  k: number,
  secondOrder: boolean,
  f: (x: number[]) => number,
): SaltelliOutputs {
  const { unit, roles } = saltelliSamples(n, k, secondOrder);
  const block = roles.role.length / n;
  const y = Float64Array.from({ length: roles.role.length }, (_, s) =>
    f(Array.from(unit.subarray(s * k, (s + 1) * k))),
  );
  const pick = (c: number) => Float64Array.from({ length: n }, (_, i) => y[i * block + c]!);
  return {
    a: pick(0),
    b: pick(block - 1),
    ab: Array.from({ length: k }, (_, j) => pick(1 + j)),
    ba: secondOrder ? Array.from({ length: k }, (_, j) => pick(1 + k + j)) : undefined,
  };
}

const onPi = (u: number) => -Math.PI + 2 * Math.PI * u;
const ishigamiOf = (x: number[]) => ishigami(onPi(x[0]!), onPi(x[1]!), onPi(x[2]!), 7, 0.1);

describe("sobolIndices", () => {
  const o = saltelliOutputs(8192, 3, true, ishigamiOf);
  const exact = ishigamiIndices(7, 0.1);

  it("recovers Ishigami's S1 ≈ (0.314, 0.442, 0) and ST ≈ (0.558, 0.442, 0.244) within ±0.02 at N = 8192", () => {
    const e = sobolIndices(o);
    for (let j = 0; j < 3; j++) {
      expect(Math.abs(e.s1[j]! - exact.s1[j]!)).toBeLessThan(0.02);
      expect(Math.abs(e.st[j]! - exact.st[j]!)).toBeLessThan(0.02);
    }
    expect(e.s1[0]).toBeCloseTo(0.314, 1);
    expect(e.st[2]).toBeCloseTo(0.244, 1);
    // Second order: only x1 and x3 interact, S13 = V13 / V.
    expect(Math.abs(e.s2![0 * 3 + 2]! - exact.st[2]!)).toBeLessThan(0.02);
    expect(Math.abs(e.s2![0 * 3 + 1]!)).toBeLessThan(0.02);
    expect(Math.abs(e.s2![1 * 3 + 2]!)).toBeLessThan(0.02);
  });

  it("has bootstrap intervals that cover the exact values, and the same ones for the same seed", () => {
    const flat = (rows?: Int32Array) => {
      const e = sobolIndices(o, rows);
      return Float64Array.from([...e.s1, ...e.st]);
    };
    const opts = { resamples: 500, seed: 1, stream: "ishigami" };
    const iv = bootstrapVector(8192, flat, opts);
    const truth = [...exact.s1, ...exact.st];
    iv.forEach((v, i) => {
      expect(v.low).toBeLessThanOrEqual(truth[i]!);
      expect(v.high).toBeGreaterThanOrEqual(truth[i]!);
      expect(v.high - v.low).toBeLessThan(0.1);
    });
    expect(bootstrapVector(8192, flat, opts)).toEqual(iv);
  });

  it("recovers the ordering of the G function's total indices for a = (0, 1, 4.5, 9, 99, 99)", () => {
    const a = [0, 1, 4.5, 9, 99, 99];
    const e = sobolIndices(saltelliOutputs(4096, 6, false, (x) => sobolG(x, a)));
    const exactG = sobolGIndices(a);
    for (let j = 0; j < 6; j++) expect(Math.abs(e.st[j]! - exactG.st[j]!)).toBeLessThan(0.02);
    for (let j = 1; j < 4; j++) expect(e.st[j]!).toBeLessThan(e.st[j - 1]!);
    expect(Math.max(e.st[4]!, e.st[5]!)).toBeLessThan(e.st[3]!);
  });

  it("gives NaN, not a number, for an outcome that never varies", () => {
    const flat = new Float64Array(8).fill(2);
    const e = sobolIndices({ a: flat, b: flat, ab: [flat] });
    expect(e.variance).toBe(0);
    expect(Number.isNaN(e.s1[0]!)).toBe(true);
  });
});
