/** analysePrcc on run records of an LHS study: cells, averaged replicates, left-out points, the CSV, refusals. */
import { describe, expect, it } from "vitest";
import { problemLine } from "../../../../src/cli/problems.js";
import type { RunRow } from "../../../../src/core/run-row.js";
import { sensitivityCsv } from "../../../../src/stats/sensitivity/files.js";
import { analysePrcc, type PrccSpace } from "../../../../src/stats/sensitivity/prcc-analyse.js";
import { buildDesign, type Factor, pointValues } from "../../../../src/study/designs/design.js";
import { row } from "../rows.js";

const factors: Factor[] = [
  { kind: "values", path: "params.k", name: "k", values: [1, -1], labels: ["up", "down"] },
  { kind: "range", path: "params.x1", name: "x1", min: 0, max: 1, integer: false },
  { kind: "range", path: "params.x2", name: "x2", min: 0, max: 10, integer: true },
];
const design = buildDesign(factors, "lhs", 40, 1);
const space: PrccSpace = {
  sampler: "lhs",
  samples: design.samples,
  ranges: [
    { name: "x1", path: "params.x1" },
    { name: "x2", path: "params.x2" },
  ],
  values: [{ name: "k", path: "params.k" }],
};

/** y = k·exp(3·x1) (x2 does nothing), two replicates at ±0.01; `drop` removes a point's runs. */
function rows(drop?: number): RunRow[] {
  const out: RunRow[] = [];
  for (let p = 0; p < design.points; p++) {
    if (p === drop) continue;
    const [k, x1, x2] = pointValues(design, p) as number[];
    for (const r of [0, 1])
      out.push(
        row("s", p, r, {
          factors: { "params.k": k, "params.x1": x1, "params.x2": x2 },
          arm: { k: k === 1 ? "up" : "down" },
          outcomes: { y: k! * Math.exp(3 * x1!) + (r === 0 ? 0.01 : -0.01) },
        }),
      );
  }
  return out;
}

describe("analysePrcc", () => {
  it("gives each factorial cell the PRCC of the replicate means, with intervals and p-values", () => {
    const r = analysePrcc(rows(), space, { resamples: 200, seed: 1 });
    if (!r.ok) throw r.problems;
    expect(r.value.method).toBe("prcc");
    expect(r.value.design).toBe("lhs");
    expect(r.value.results.map((x) => x.cell)).toEqual([{ k: "up" }, { k: "down" }]);
    const [up, down] = r.value.results;
    // The replicates' ±0.01 cancel in the mean: y is an exact monotone function of x1 in each cell.
    expect(up!.prcc![0]!.prcc.value).toBeGreaterThan(0.999);
    expect(down!.prcc![0]!.prcc.value).toBeLessThan(-0.999);
    expect(up!.prcc![0]!.p).toBeLessThan(1e-6);
    expect(Math.abs(up!.prcc![1]!.prcc.value)).toBeLessThan(0.01);
    expect(up!.prcc![1]!.p).toBeGreaterThan(0.05);
    expect(up!.noise).toBeCloseTo(0.0001, 12);
    expect(up!.prcc![1]!.prcc.low).toBeLessThanOrEqual(up!.prcc![1]!.prcc.high);
    const csv = sensitivityCsv(r.value).trim().split("\n");
    expect(csv[0]).toBe("scenario,cell,outcome,factor,PRCC,PRCC_low,PRCC_high,p,used,dropped");
    expect(csv).toHaveLength(1 + 2 * 2);
    expect(csv[1]).toMatch(/^s,k=up,y,x1,/);
  });

  it("leaves out a design point without runs, in its cell only", () => {
    const r = analysePrcc(rows(3), space, { resamples: 0, seed: 1 });
    expect(r.ok && r.value.results.map((x) => [x.used, x.dropped])).toEqual([
      [39, 1],
      [40, 0],
    ]);
  });

  it("refuses a study without range factors, too few points for its factors, an unknown outcome", () => {
    const lines = (s: PrccSpace, outcomes?: string[]) => {
      const r = analysePrcc(rows(), s, { outcomes, resamples: 0, seed: 1 });
      return r.ok ? "ok" : r.problems.map(problemLine).join("; ");
    };
    expect(lines({ ...space, ranges: [] })).toBe("the study has no range factor; PRCC needs at least one");
    expect(lines({ ...space, samples: 4 })).toBe(
      "4 design points for 2 range factors; PRCC needs more than k + 2 = 4",
    );
    expect(lines(space, ["z"])).toBe('no outcome "z" in the runs; outcomes: y');
  });
});
