import { describe, expect, it } from "vitest";
import { compareArms } from "../../../src/stats/compare.js";
import { ALL_LEVEL, groupArms } from "../../../src/stats/group.js";
import { row } from "./rows.js";

const arm = (motive: string, posture: string) => ({ motive, posture });

// Two points share the labels criminal/route-control (they differ in an unlabelled factor).
const rows = [
  row("s", 0, 0, { arm: arm("criminal", "drill"), factors: { k: 1 }, outcomes: { y: 10 } }),
  row("s", 0, 1, { arm: arm("criminal", "drill"), factors: { k: 1 }, outcomes: { y: 14 } }),
  row("s", 0, 2, { arm: arm("criminal", "drill"), factors: { k: 1 }, status: "failed" }),
  row("s", 1, 0, { arm: arm("criminal", "route"), factors: { k: 1 }, outcomes: { y: 4 } }),
  row("s", 2, 0, { arm: arm("criminal", "route"), factors: { k: 2 }, outcomes: { y: 6 } }),
  row("s", 2, 1, { arm: arm("criminal", "route"), factors: { k: 2 }, outcomes: { y: null } }),
  row("s", 3, 0, { arm: arm("ideological", "drill"), factors: { k: 1 }, outcomes: { y: 1 } }),
  row("s", 4, 0, { arm: arm("ideological", "route"), factors: { k: 1 }, outcomes: { y: 3, z: 0 } }),
];

describe("groupArms", () => {
  it("pools points sharing labels, leaves failed and non-finite values out and counts failures", () => {
    const g = groupArms(rows, { outcome: "y", by: "posture", within: "motive" });
    if (!g.ok) throw new Error(g.problems[0]!.message);
    expect(g.value.byLabels).toEqual(["drill", "route"]);
    expect(g.value.levels.map((l) => l.label)).toEqual(["criminal", "ideological"]);
    const [criminal, ideological] = g.value.levels;
    expect(criminal!.arms).toEqual([
      { label: "drill", values: [10, 14], failed: 1 },
      { label: "route", values: [4, 6], failed: 0 },
    ]);
    expect(ideological!.arms.map((a) => a.values)).toEqual([[1], [3]]);
    expect(g.value.unlabelled).toBe(0);
  });

  it("groups by a factor path, labelling values by their JSON, and uses one level without `within`", () => {
    const g = groupArms(rows, { outcome: "y", by: "k" });
    if (!g.ok) throw new Error(g.problems[0]!.message);
    expect(g.value.levels).toHaveLength(1);
    expect(g.value.levels[0]!.label).toBe(ALL_LEVEL);
    expect(g.value.levels[0]!.arms.map((a) => [a.label, a.values])).toEqual([
      ["1", [10, 14, 4, 1, 3]],
      ["2", [6]],
    ]);
  });

  it("labels object factor values by JSON and counts runs lacking a label", () => {
    const rs = [
      row("a", 0, 0, { factors: { mix: { a: 1 } }, outcomes: { y: 1 } }),
      row("a", 1, 0, { factors: { mix: { a: 2 } }, outcomes: { y: 2 } }),
      row("b", 0, 0, { factors: {}, outcomes: { y: 5 } }),
    ];
    const g = groupArms(rs, { outcome: "y", by: "mix" });
    if (!g.ok) throw new Error(g.problems[0]!.message);
    expect(g.value.byLabels).toEqual(['{"a":1}', '{"a":2}']);
    expect(g.value.unlabelled).toBe(1);
  });

  it("names what exists when an outcome or factor is unknown", () => {
    const o = groupArms(rows, { outcome: "revenue", by: "posture" });
    expect(o.ok).toBe(false);
    if (!o.ok) expect(o.problems[0]!.message).toBe('no outcome "revenue" in the runs; outcomes: y, z');
    const f = groupArms(rows, { outcome: "y", by: "postur", within: "motive" });
    expect(f.ok).toBe(false);
    if (!f.ok)
      expect(f.problems[0]!.message).toBe('no factor "postur" in the runs; factors: k, motive, posture');
    const same = groupArms(rows, { outcome: "y", by: "motive", within: "motive" });
    expect(same.ok).toBe(false);
    expect(groupArms([], { outcome: "y", by: "k" }).ok).toBe(false);
  });

  it("suggests the nearest outcomes, or names a dozen of many, never all", () => {
    const outcomes = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`m${String(i).padStart(2, "0")}`, i]),
    );
    const many = [row("a", 0, 0, { factors: { posture: 1 }, outcomes: { ...outcomes, seized_kg: 1 } })];
    const near = groupArms(many, { outcome: "seizd_kg", by: "posture" });
    expect(!near.ok && near.problems[0]!.message).toBe(
      'no outcome "seizd_kg" in the runs (did you mean "seized_kg"?)',
    );
    const far = groupArms(many, { outcome: "zzzzz", by: "posture" });
    expect(!far.ok && far.problems[0]!.message).toBe(
      'no outcome "zzzzz" in the runs; outcomes: m00, m01, m02, m03, m04, m05, m06, m07, m08, m09, m10, m11, … (31 in all)',
    );
  });
});

describe("compareArms", () => {
  it("compares each pair within each level and builds the regret table from the arm means", () => {
    const r = compareArms(rows, {
      outcome: "y",
      by: "posture",
      within: "motive",
      direction: "lower-is-better",
      resamples: 200,
      seed: 9,
    });
    if (!r.ok) throw new Error(r.problems[0]!.message);
    const [criminal, ideological] = r.value.levels;
    expect(criminal!.pairs).toHaveLength(1);
    expect(criminal!.pairs[0]!.a).toBe("drill");
    expect(criminal!.pairs[0]!.diff).toBe(12 - 5);
    expect(ideological!.pairs[0]!.diff).toBe(1 - 3);
    expect(r.value.runs).toEqual({ total: 8, ok: 7, failed: 1, unlabelled: 0 });
    // lower is better: criminal best is route (5) → drill regrets 7; ideological best is drill (1).
    expect(r.value.regret.regret).toEqual([
      [7, 0],
      [0, 2],
    ]);
    expect(r.value.regret.robust).toBe("route");
  });

  it("refuses a `by` factor with a single label", () => {
    const one = rows.filter((x) => x.arm?.posture === "drill");
    const r = compareArms(one, {
      outcome: "y",
      by: "posture",
      direction: "lower-is-better",
      resamples: 10,
      seed: 1,
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems[0]!.message).toMatch(/factor "posture" has only "drill": nothing to compare/);
  });
});
