/** analyseEffect on run records of a paired LHS study: the factor the arm effect depends on, its direction, the noise share, left-out samples. */
import { describe, expect, it } from "vitest";
import type { RunRow } from "../../../../src/core/run-row.js";
import { analyseEffect, type EffectSpace } from "../../../../src/stats/sensitivity/effect.js";
import { buildDesign, type Factor, pointValues } from "../../../../src/study/designs/design.js";
import { row } from "../rows.js";

const factors: Factor[] = [
  {
    kind: "values",
    path: "params.posture",
    name: "posture",
    values: ["drill", "route"],
    labels: ["drill", "route"],
  },
  { kind: "range", path: "params.x1", name: "x1", min: 0, max: 1, integer: false },
  { kind: "range", path: "params.x2", name: "x2", min: 0, max: 1, integer: false },
];
const design = buildDesign(factors, "lhs", 200, 7);
const space: EffectSpace = {
  samples: design.samples,
  by: { name: "posture", path: "params.posture" },
  arms: ["drill", "route"],
  ranges: [
    { name: "x1", path: "params.x1" },
    { name: "x2", path: "params.x2" },
  ],
  others: [],
};

/**
 * Both arms see 5·x2 (it cancels in the difference); the drill adds −4·x1, so the effect
 * drill − route is −4·x1 plus the replicates' ±`noise` (which average out per sample).
 */
function rows(noise: number, failAt?: number): RunRow[] {
  const out: RunRow[] = [];
  for (let p = 0; p < design.points; p++) {
    const [posture, x1, x2] = pointValues(design, p) as [string, number, number];
    for (const r of [0, 1]) {
      const y = 5 * x2 + (posture === "drill" ? -4 * x1 + (r === 0 ? noise : -noise) : 0);
      out.push(
        row("s", p, r, {
          factors: { "params.posture": posture, "params.x1": x1, "params.x2": x2 },
          arm: { posture },
          status: p === failAt ? "failed" : "ok",
          outcomes: { deaths: y },
        }),
      );
    }
  }
  return out;
}

const opts = { outcome: "deaths", resamples: 300, seed: 2 };

describe("analyseEffect", () => {
  it("gives the factor the effect depends on a large index and the other the null level", () => {
    const r = analyseEffect(rows(0), space, opts);
    if (!r.ok) throw new Error(r.problems[0]!.message);
    const [res] = r.value.results;
    expect(r.value.arms).toEqual(["drill", "route"]);
    expect(res!.used).toBe(200);
    // A linear effect over M equal-count classes keeps 1 − 1/M² of its variance.
    const [x1, x2] = res!.indices;
    expect(x1!.s1.value).toBeGreaterThan(1 - 1 / res!.classes ** 2 - 0.02);
    expect(x1!.s1.low).toBeLessThanOrEqual(x1!.s1.value);
    expect(x1!.prcc.value).toBeLessThan(-0.999);
    expect(x2!.s1.value).toBeLessThan(4 * res!.nullLevel);
    expect(Math.abs(x2!.prcc.value)).toBeLessThan(0.2);
    expect(res!.mean.value).toBeCloseTo(-2, 1);
    expect(res!.noiseShare).toBe(0);
  });

  it("measures the replicate noise left in the per-sample effect as a share of its variance", () => {
    const r = analyseEffect(rows(1), space, opts);
    if (!r.ok) throw new Error(r.problems[0]!.message);
    const res = r.value.results[0]!;
    // Differences −4·x1 ± 1: variance of a pair's mean over the pair = (2 / 1) / 2 = 1 per sample;
    // the per-sample means are exact (±1 cancels), whose variance is 16/12.
    expect(res.noiseShare!).toBeCloseTo(1 / (16 / 12), 1);
  });

  it("leaves out a sample whose arms did not both finish, and refuses a study without range factors", () => {
    const r = analyseEffect(rows(0, 3), space, opts);
    if (!r.ok) throw new Error(r.problems[0]!.message);
    expect(r.value.results[0]!.used).toBe(199);
    expect(r.value.results[0]!.dropped).toBe(1);
    expect(analyseEffect(rows(0), { ...space, ranges: [] }, opts).ok).toBe(false);
  });
});
