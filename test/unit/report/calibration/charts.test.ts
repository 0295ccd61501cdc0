/** The posterior histograms: weights land in the right bins, log-spaced for a log-uniform prior. */
import { describe, expect, it } from "vitest";
import { histogramRows, posteriorSpec } from "../../../../src/report/calibration/charts.js";
import type { ParameterSummary } from "../../../../src/study/calibrate/outputs.js";

const param = (prior: "uniform" | "log-uniform", min: number, max: number): ParameterSummary => ({
  path: "params.a",
  name: "a",
  apply: true,
  prior,
  min,
  max,
  mean: 0,
  sd: 0,
  q025: 0,
  median: 0,
  q975: 0,
  fitted: 0,
});

describe("histogramRows", () => {
  it("puts each particle's weight in its bin over the prior, the upper end in the last bin", () => {
    const rows = histogramRows(param("uniform", 0, 30), [
      { weight: 0.25, parameters: { a: 0.5 } },
      { weight: 0.25, parameters: { a: 0.9 } },
      { weight: 0.5, parameters: { a: 30 } },
    ]);
    expect(rows).toHaveLength(30);
    expect(rows[0]).toEqual({ lo: 0, hi: 1, weight: 0.5 });
    expect(rows[29]!.weight).toBe(0.5);
    expect(rows.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(1);
  });

  it("spaces a log-uniform prior's bins evenly in the logarithm", () => {
    const rows = histogramRows(param("log-uniform", 1, 1000), [{ weight: 1, parameters: { a: 10 } }]);
    expect(rows[10]!.lo).toBeCloseTo(10);
    expect(rows[10]!.weight).toBe(1);
    expect(rows[9]!.hi / rows[9]!.lo).toBeCloseTo(rows[20]!.hi / rows[20]!.lo);
  });

  it("draws the prior's range on a log axis for a log-uniform prior", () => {
    const spec = JSON.stringify(posteriorSpec(param("log-uniform", 1, 1000), []));
    expect(spec).toContain('"type":"log"');
    expect(spec).toContain('"domain":[1,1000]');
  });
});
