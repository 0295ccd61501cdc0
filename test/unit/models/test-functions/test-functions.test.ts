/** The analytic test functions: their values, their exact indices, and their run through runModel. */
import { describe, expect, it } from "vitest";
import { runModel } from "../../../../src/core/run.js";
import { findModel } from "../../../../src/models/registry.js";
import { ishigami, ishigamiIndices } from "../../../../src/models/test-functions/ishigami.js";
import { sobolG, sobolGIndices } from "../../../../src/models/test-functions/sobol-g.js";

describe("ishigami", () => {
  it("computes sin x1 + a sin² x2 + b x3⁴ sin x1", () => {
    expect(ishigami(0, 0, 0, 7, 0.1)).toBe(0);
    expect(ishigami(Math.PI / 2, Math.PI / 2, 1, 7, 0.1)).toBeCloseTo(1 + 7 + 0.1, 12);
  });

  it("has the published indices for a = 7, b = 0.1", () => {
    const { s1, st, variance } = ishigamiIndices(7, 0.1);
    expect(variance).toBeCloseTo(13.8446, 3);
    expect(s1.map((v) => +v.toFixed(4))).toEqual([0.3139, 0.4424, 0]);
    expect(st.map((v) => +v.toFixed(4))).toEqual([0.5576, 0.4424, 0.2437]);
  });

  it("runs as a registered model with zero ticks", () => {
    const model = findModel("ishigami")!;
    const params = model.params.parse({ x1: 1, x2: 2, x3: 3 });
    const r = runModel(model, params, { seed: 1, ticks: 0 });
    expect(r.ok && r.result).toEqual({ ticks: 0, outcomes: { y: ishigami(1, 2, 3, 7, 0.1) }, series: {} });
  });
});

describe("sobol-g", () => {
  it("is 1 where every |4x − 2| is 1 and grows with important inputs", () => {
    expect(sobolG([0.25, 0.75], [0, 1])).toBe(1);
    expect(sobolG([0, 0.5], [0, 99])).toBeCloseTo(2 * (99 / 100), 12);
  });

  it("has indices that rank the inputs by a and sum to at most 1", () => {
    const { s1, st } = sobolGIndices([0, 1, 4.5, 9, 99, 99]);
    expect(s1[0]).toBeCloseTo(0.7163, 3);
    expect(st[0]).toBeCloseTo(0.7873, 3);
    expect(s1.reduce((a, b) => a + b)).toBeLessThan(1);
    for (let i = 1; i < 5; i++) expect(st[i]!).toBeLessThan(st[i - 1]!);
  });

  it("refuses inputs that do not match the constants", () => {
    const model = findModel("sobol-g")!;
    const params = model.params.parse({ a: [1, 2], x: [0.5] });
    expect(model.check?.(params, undefined)).toEqual([
      { path: ["x"], message: "must have one input per constant in a (2)" },
    ]);
  });
});
