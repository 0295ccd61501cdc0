import { describe, expect, it } from "vitest";
import type { RunRow } from "../../../../src/core/run-row.js";
import { flipCases } from "../../../../src/stats/flip/cases.js";
import { findFlip } from "../../../../src/stats/flip/flip.js";
import { row } from "../rows.js";

// An LHS-like study: `samples` draws of the share s, each run under both postures (points
// p and p + samples), two replicates. Deaths: drill 10 + 20 s, route 20 − 0 s, so drill − route
// = −10 + 20 s, which crosses 0 at s = 0.5; the drill is better (fewer deaths) below it.
const SAMPLES = 40;
const space = {
  samples: SAMPLES,
  by: { name: "posture", path: "params.posture" },
  arms: ["drill", "route"] as [string, string],
  along: { name: "share", path: "params.share" },
  others: [],
};

function study(deaths: (posture: string, s: number, rep: number) => number): RunRow[] {
  const rows: RunRow[] = [];
  for (const [k, posture] of ["drill", "route"].entries())
    for (let i = 0; i < SAMPLES; i++) {
      const s = (i + 0.5) / SAMPLES;
      for (const rep of [0, 1])
        rows.push(
          row("nexus", k * SAMPLES + i, rep, {
            factors: { "params.posture": posture, "params.share": s },
            arm: { posture },
            outcomes: { deaths: deaths(posture, s, rep) },
          }),
        );
    }
  return rows;
}

const wobble = (rep: number) => (rep === 0 ? 0.5 : -0.5);
const opts = { outcome: "deaths", direction: "lower-is-better" as const, resamples: 400, seed: 3, bins: 4 };

describe("flipCases", () => {
  it("pairs the arms of one sample and replicate, and counts a case with a failed run as left out", () => {
    const rows = study((p, s) => (p === "drill" ? 10 + 20 * s : 20));
    rows[0] = { ...rows[0]!, status: "failed" };
    const c = flipCases(rows, "deaths", space);
    expect(c.x).toHaveLength(2 * SAMPLES - 1);
    expect(c.dropped).toBe(1);
    for (const [i, s] of c.x.entries()) expect(c.d[i]).toBeCloseTo(-10 + 20 * s, 9);
  });
});

describe("findFlip", () => {
  it("finds the crossing, with the drill better below it and route control above", () => {
    const r = findFlip(
      study((p, s, rep) => (p === "drill" ? 10 + 20 * s + wobble(rep) : 20)),
      space,
      opts,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.inRange).toBe(true);
    expect(r.value.flipAt).toBeCloseTo(0.5, 2);
    expect(r.value.bootstrap.low).toBeLessThan(0.5);
    expect(r.value.bootstrap.high).toBeGreaterThan(0.5);
    expect([r.value.betterBelow, r.value.betterAbove]).toEqual(["drill", "route"]);
    // Higher-is-better reads the same line the other way round.
    const up = findFlip(
      study((p, s) => (p === "drill" ? 10 + 20 * s : 20)),
      space,
      {
        ...opts,
        direction: "higher-is-better",
      },
    );
    expect(up.ok && [up.value.betterBelow, up.value.betterAbove]).toEqual(["route", "drill"]);
    expect(r.value.bins.map((b) => b.n)).toEqual([20, 20, 20, 20]);
    expect(r.value.bins[0]!.ciHigh).toBeLessThan(0);
    expect(r.value.bins[3]!.ciLow).toBeGreaterThan(0);
  });

  it("says one arm is better throughout when the difference keeps its sign", () => {
    const r = findFlip(
      study((p, s, rep) => (p === "drill" ? 30 + s + wobble(rep) : 20)),
      space,
      opts,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.inRange).toBe(false);
    expect([r.value.betterBelow, r.value.betterAbove]).toEqual(["route", "route"]);
    expect(r.value.bootstrap.crossShare).toBe(0);
  });

  it("names the minimax-regret arm with the bins as hypotheses, from both arms' bin means", () => {
    // Drill deaths 10 + 20 s, route 20: drill's regret is largest in the top bin, route's in the
    // bottom one; with 4 bins of s the drill's worst is 20·(mean s of the top bin) − 10.
    const r = findFlip(
      study((p, s) => (p === "drill" ? 10 + 20 * s : 20)),
      space,
      opts,
    );
    if (!r.ok) throw new Error(r.problems[0]!.message);
    const g = r.value.regret;
    expect(g.hypotheses).toHaveLength(4);
    for (const b of r.value.bins) expect(b.meanA - b.meanB).toBeCloseTo(b.mean, 9);
    const top = r.value.bins[3]!;
    const bottom = r.value.bins[0]!;
    expect(g.maxRegret[0]).toBeCloseTo(top.meanA - top.meanB, 9);
    expect(g.maxRegret[1]).toBeCloseTo(bottom.meanB - bottom.meanA, 9);
    // Symmetric around s = 0.5: equal worst cases, broken by mean regret, then by name.
    expect(g.robust).toBe(g.maxRegret[0]! <= g.maxRegret[1]! ? "drill" : "route");
    const lopsided = findFlip(
      study((p, s) => (p === "drill" ? 5 + 20 * s : 20)),
      space,
      opts,
    );
    expect(lopsided.ok && lopsided.value.regret.robust).toBe("drill");
  });

  it("refuses fewer than 3 cases and a factor that never varies", () => {
    const few = findFlip(study(() => 1).slice(0, 2), space, opts);
    expect(few.ok).toBe(false);
    const flat = study(() => 1).map((r) => ({ ...r, factors: { ...r.factors, "params.share": 0.3 } }));
    const one = findFlip(flat, space, opts);
    expect(one.ok).toBe(false);
    if (!one.ok) expect(one.problems[0]!.message).toMatch(/share takes one value/);
  });
});
