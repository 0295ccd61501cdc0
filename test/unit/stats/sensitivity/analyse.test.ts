/** analyseSensitivity on run records: cells, averaged replicates, their noise, left-out rows, refusals. */

import { describe, expect, it } from "vitest";
import { problemLine } from "../../../../src/cli/problems.js";
import type { RunRow } from "../../../../src/core/run-row.js";
import { analyseSensitivity } from "../../../../src/stats/sensitivity/analyse.js";
import { sensitivityCsv } from "../../../../src/stats/sensitivity/files.js";
import { buildDesign, type Factor, pointValues } from "../../../../src/study/designs/design.js";
import { designDocument } from "../../../../src/study/designs/design-file.js";
import { row } from "../rows.js";

const factors: Factor[] = [
  { kind: "values", path: "params.k", name: "k", values: [1, 3], labels: ["one", "three"] },
  { kind: "range", path: "params.x1", name: "x1", min: 0, max: 1, integer: false },
  { kind: "range", path: "params.x2", name: "x2", min: 0, max: 1, integer: false },
];
const design = buildDesign(factors, "saltelli", 64, 1);
const doc = designDocument(design)!;
const E = 0.05;

/** y = k·(x1 + 2·x2), two replicates at ±E around it; `fail` marks one run as failed. */
function rows(fail?: { point: number; replicate: number }): RunRow[] {
  const out: RunRow[] = [];
  for (let p = 0; p < design.points; p++) {
    const [k, x1, x2] = pointValues(design, p) as number[];
    for (const r of [0, 1]) {
      const failed = fail?.point === p && fail.replicate === r;
      out.push(
        row("s", p, r, {
          factors: { "params.k": k, "params.x1": x1, "params.x2": x2 },
          arm: { k: k === 1 ? "one" : "three" },
          status: failed ? "failed" : "ok",
          outcomes: failed ? {} : { y: k! * (x1! + 2 * x2!) + (r === 0 ? E : -E) },
        }),
      );
    }
  }
  return out;
}

const cells = [{ name: "k", path: "params.k" }];

describe("analyseSensitivity", () => {
  it("analyses each factorial cell on the replicate means, and measures the noise left in them", () => {
    const r = analyseSensitivity(rows(), doc, cells, { resamples: 0, seed: 1 });
    if (!r.ok) throw r.problems;
    expect(r.value.results.map((x) => x.cell)).toEqual([{ k: "one" }, { k: "three" }]);
    for (const res of r.value.results) {
      // A linear function: S1 = ST = (1, 4) / 5, whatever k.
      expect(res.sobol!.map((s) => s.s1.value)).toEqual([expect.closeTo(0.2, 1), expect.closeTo(0.8, 1)]);
      expect(res.sobol!.map((s) => s.st.value)).toEqual([expect.closeTo(0.2, 1), expect.closeTo(0.8, 1)]);
      // Two values at ±E: variance 2E², over 2 replicates E².
      expect(res.noise).toBeCloseTo(E * E, 12);
      expect(res.noiseShare).toBeCloseTo((E * E) / res.variance!, 12);
    }
    const csv = sensitivityCsv(r.value).split("\n");
    expect(csv[1]).toMatch(/^s,k=one,y,x1,/);
  });

  it("uses a failed run's replicate partner, and leaves a base row out when a sample has no value", () => {
    const one = analyseSensitivity(rows({ point: 5, replicate: 0 }), doc, cells, { resamples: 0, seed: 1 });
    expect(one.ok && one.value.results[0]!.dropped).toBe(0);
    const all = rows().filter((x) => x.point !== 5);
    const r = analyseSensitivity(all, doc, cells, { resamples: 0, seed: 1 });
    expect(r.ok && r.value.results.map((x) => [x.used, x.dropped])).toEqual([
      [63, 1],
      [64, 0],
    ]);
  });

  it("refuses an unknown outcome and a study without finished runs", () => {
    const r = analyseSensitivity(rows(), doc, cells, { outcomes: ["z"], resamples: 0, seed: 1 });
    expect(!r.ok && r.problems.map(problemLine).join("; ")).toBe('no outcome "z" in the runs; outcomes: y');
    const none = analyseSensitivity([], doc, cells, { resamples: 0, seed: 1 });
    expect(!none.ok && none.problems.map(problemLine).join("; ")).toBe("no finished runs to analyse");
  });
});
