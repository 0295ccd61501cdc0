/** PRIM scenario discovery: a planted box recovered through label noise, its statistics, and its quasi-p-values. */

import { describe, expect, it } from "vitest";
import { problemLine } from "../../../../src/cli/problems.js";
import type { RunRow } from "../../../../src/core/run-row.js";
import { createRngHub } from "../../../../src/engine/rng.js";
import { casesIn, initialBox } from "../../../../src/stats/prim/box.js";
import { discoverBox } from "../../../../src/stats/prim/discover.js";
import { primQuantile, primTrajectory } from "../../../../src/stats/prim/peel.js";
import { binomialUpperTail } from "../../../../src/stats/prim/quasi-p.js";
import { row } from "../rows.js";

const NAMES = ["a", "b", "c", "d", "e", "f"];
/** The planted box: the condition holds for a in [0.2, 0.9] and b in [0.1, 0.7] (mass 0.42). */
const PLANTED = { a: [0.2, 0.9], b: [0.1, 0.7] } as const;

/** n runs with six uniform range factors; `hit` is 1 inside the planted box, flipped for 10 % of runs. */
function plantedRuns(n: number, seed: number): RunRow[] {
  const rng = createRngHub(seed).stream("planted");
  return Array.from({ length: n }, (_, p) => {
    const x = NAMES.map(() => rng.next());
    let inside = x[0]! >= 0.2 && x[0]! <= 0.9 && x[1]! >= 0.1 && x[1]! <= 0.7;
    if (rng.next() < 0.1) inside = !inside;
    const factors = Object.fromEntries(NAMES.map((k, j) => [`params.${k}`, x[j]]));
    return row("s", p, 0, { factors, outcomes: { hit: inside ? 1 : 0, other: x[2]! } });
  });
}

const space = {
  samples: 1_000_000,
  ranges: NAMES.map((name) => ({ name, path: `params.${name}` })),
  values: [],
  selectable: [],
  outcomes: ["hit", "other"],
};
const opts = { peelAlpha: 0.05, pasteAlpha: 0.05, massMin: 0.05 };

describe("discoverBox", () => {
  for (const seed of [1, 2, 3]) {
    it(`recovers a planted box on 2 of 6 factors through 10 % label noise (seed ${seed})`, () => {
      const r = discoverBox(plantedRuns(2000, seed), "hit == 1", space, opts);
      if (!r.ok) throw r.problems;
      const c = r.value.chosen;
      expect(c.restrictions.map((x) => x.factor)).toEqual(["a", "b"]);
      expect(c.unrestricted).toEqual(["c", "d", "e", "f"]);
      for (const x of c.restrictions) {
        const [lo, hi] = PLANTED[x.factor as "a" | "b"];
        expect(Math.abs(x.min - lo)).toBeLessThan(0.05);
        expect(Math.abs(x.max - hi)).toBeLessThan(0.05);
        expect(x.pLower!).toBeLessThan(1e-6);
        expect(x.pUpper!).toBeLessThan(1e-6);
      }
      expect(c.coverage).toBeGreaterThanOrEqual(0.8);
      expect(c.density).toBeGreaterThanOrEqual(0.8);
      expect(r.value.cases).toBe(2000);
    });
  }

  it("reports a trajectory that starts with every case and only narrows while peeling", () => {
    const r = discoverBox(plantedRuns(500, 4), "hit > 0.5", space, { ...opts, step: 0 });
    if (!r.ok) throw r.problems;
    const t = r.value.trajectory;
    expect(t[0]).toMatchObject({ phase: "start", coverage: 1, mass: 1, restricted: 0 });
    const peels = t.filter((s) => s.phase === "peel");
    for (let i = 1; i < peels.length; i++) expect(peels[i]!.mass).toBeLessThan(peels[i - 1]!.mass);
    expect(t.at(-1)!.mass).toBeGreaterThanOrEqual(0.05);
    expect(r.value.chosen.step).toBe(0);
    expect(r.value.chosen.restrictions).toEqual([]);
  });

  it("refuses a study without range factors and a step beyond the trajectory", () => {
    const none = discoverBox([], "hit > 0", { ...space, ranges: [] }, opts);
    expect(!none.ok && none.problems.map(problemLine).join("; ")).toBe(
      "the study has no range factors (min/max) to find a box over",
    );
    const far = discoverBox(plantedRuns(100, 1), "hit > 0", space, { ...opts, step: 999 });
    expect(!far.ok && far.problems.map(problemLine).join("; ")).toMatch(
      /^--box 999: the trajectory has steps 0 to \d+$/,
    );
  });
});

describe("PRIM parts", () => {
  it("takes quantiles as sdtoolkit does: between neighbours, never splitting ties", () => {
    const v = Float64Array.from([1, 2, 3, 4, 5]);
    expect(primQuantile(v, 0.05)).toBe(1.5);
    expect(primQuantile(v, 0.95)).toBe(4.5);
    expect(primQuantile(Float64Array.from([1, 1, 1, 2, 3]), 0.05)).toBe(1.5);
  });

  it("computes binomial upper tails exactly", () => {
    const exact = (k: number, n: number, p: number) => {
      let s = 0;
      let c = 1;
      for (let i = 0; i <= n; i++) {
        if (i >= k) s += c * p ** i * (1 - p) ** (n - i);
        c = (c * (n - i)) / (i + 1);
      }
      return s;
    };
    for (const [k, n, p] of [
      [3, 10, 0.2],
      [0, 5, 0.5],
      [7, 7, 0.9],
      [12, 40, 0.1],
    ] as const)
      expect(binomialUpperTail(k, n, p)).toBeCloseTo(exact(k, n, p), 12);
  });

  it("stops peeling at the minimum support and keeps boxes inside the data", () => {
    const rng = createRngHub(9).stream("x");
    const n = 400;
    const x = [Float64Array.from({ length: n }, () => rng.next())];
    const y = Uint8Array.from(x[0]!, (v) => (v > 0.5 ? 1 : 0));
    const steps = primTrajectory({ x, y }, { peelAlpha: 0.1, pasteAlpha: 0.05, massMin: 0.3 });
    const last = steps.at(-1)!;
    expect(last.mass).toBeGreaterThanOrEqual(0.3);
    expect(last.density).toBe(1);
    expect(last.box.lower[0]).toBeGreaterThan(0.45);
    expect(casesIn({ x, y }, initialBox({ x, y }))).toHaveLength(n);
  });
});
