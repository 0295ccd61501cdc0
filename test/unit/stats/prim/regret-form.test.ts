/**
 * The regret(…) form of the --where condition: it finds the same box as the bracket condition it
 * stands for, takes the outcome's direction and default outcome, and refuses bad forms in one line.
 */

import { describe, expect, it } from "vitest";
import type { RunRow } from "../../../../src/core/run-row.js";
import { createRngHub } from "../../../../src/engine/rng.js";
import { compileCondition } from "../../../../src/stats/prim/condition.js";
import { type DiscoverReport, discoverBox } from "../../../../src/stats/prim/discover.js";
import { expandRegret } from "../../../../src/stats/prim/regret-form.js";
import { row } from "../rows.js";

const ARMS = ["drill", "route", "hold"];
const SAMPLES = 400;
const posture = { name: "posture", path: "params.posture", labels: ARMS };

/**
 * Three postures over two sampled factors, two replicates: drill's violence falls with x, hold's
 * rises with y, route's is flat; seizures mirror them. Noise makes the arms' order uncertain near
 * the crossings, so the box is PRIM's work, not a copy of the formula.
 */
function study(seed: number): RunRow[] {
  const rng = createRngHub(seed).stream("regret-study");
  const rows: RunRow[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    const x = rng.next();
    const y = rng.next();
    for (let rep = 0; rep < 2; rep++)
      ARMS.forEach((arm, c) => {
        const mean = arm === "drill" ? 10 - 8 * x : arm === "route" ? 6 : 3 + 6 * y;
        const v = mean + (rng.next() - 0.5);
        rows.push(
          row("s", c * SAMPLES + s, rep, {
            factors: { "params.posture": arm, "params.x": x, "params.y": y },
            arm: { posture: arm },
            outcomes: { violent_events: v, seized_kg: 20 - v, seized_share: (20 - v) / 20 },
          }),
        );
      });
  }
  return rows;
}

const space = {
  samples: SAMPLES,
  ranges: [
    { name: "x", path: "params.x" },
    { name: "y", path: "params.y" },
  ],
  values: [{ name: "posture", path: "params.posture" }],
  selectable: [posture],
  outcomes: ["violent_events", "seized_kg", "seized_share"],
};
const opts = { peelAlpha: 0.05, pasteAlpha: 0.05, massMin: 0.05 };

function discover(rows: RunRow[], where: string): DiscoverReport {
  const r = discoverBox(rows, where, space, opts);
  if (!r.ok) throw new Error(r.problems[0]!.message);
  return r.value;
}

/** The report without the condition's text, to compare two spellings of one condition. */
const found = (r: DiscoverReport) => ({ ...r, where: "" });

const all = (o: string) => ARMS.map((a) => `${o}[posture=${a}]`).join(", ");

describe("regret(…) in a condition", () => {
  for (const seed of [1, 2, 3]) {
    it(`finds the same box as the bracket form it stands for (seed ${seed})`, () => {
      const rows = study(seed);
      const regret = discover(rows, "regret(violent_events, posture=drill) < 1");
      const hand = discover(rows, `violent_events[posture=drill] - min(${all("violent_events")}) < 1`);
      expect(found(regret)).toEqual(found(hand));
      // Drill is within 1 of the best where its violence has fallen: a box on x from above.
      expect(regret.chosen.restrictions.map((q) => q.factor)).toContain("x");
      expect(regret.chosen.restrictions.find((q) => q.factor === "x")!.min).toBeGreaterThan(0.3);
      const higher = discover(rows, "regret(seized_share, posture=hold, higher-is-better) < 0.05");
      const handHigher = discover(rows, `max(${all("seized_share")}) - seized_share[posture=hold] < 0.05`);
      expect(found(higher)).toEqual(found(handHigher));
      expect(higher.chosen.restrictions.length).toBeGreaterThan(0);
    });
  }

  it("compares two arms' regrets as their outcomes, with the default outcome and known directions", () => {
    const rows = study(4);
    expect(found(discover(rows, "regret(posture=drill) < regret(posture=route)"))).toEqual(
      found(discover(rows, "violent_events[posture=drill] < violent_events[posture=route]")),
    );
    // seized_kg is known to be better high: regret is the best arm's minus this arm's.
    expect(found(discover(rows, "regret(seized_kg, posture=route) > 2"))).toEqual(
      found(discover(rows, `max(${all("seized_kg")}) - seized_kg[posture=route] > 2`)),
    );
  });

  it("expands into min or max over every arm of the pinned factor", () => {
    const e = (s: string) => {
      const r = expandRegret(s, space.outcomes, space.selectable);
      return r.ok ? r.text : r.problems[0]!.message;
    };
    expect(e("regret(violent_events, posture=drill) < 1")).toBe(
      `(violent_events[posture=drill] - min(${all("violent_events")})) < 1`,
    );
    expect(e("regret(params.posture = hold)")).toBe(
      `(violent_events[posture=hold] - min(${all("violent_events")}))`,
    );
    expect(e("regret(seized_kg, posture=route, lower-is-better)")).toBe(
      `(seized_kg[posture=route] - min(${all("seized_kg")}))`,
    );
  });

  it("refuses a bad form in one line that names it", () => {
    const msg = (s: string, outcomes = space.outcomes) => {
      const c = compileCondition(s, outcomes, space.selectable);
      return c.ok ? "compiled" : c.problems.map((p) => `${p.path}: ${p.message}`).join("; ");
    };
    expect(msg("regret(seized_share, posture=drill) < 1")).toBe(
      "--where: regret(seized_share, posture=drill): say which way seized_share is good: regret(seized_share, posture=drill, lower-is-better) or higher-is-better",
    );
    expect(msg("regret(posture=drill) < 1", ["seized_share"])).toBe(
      "--where: regret(posture=drill) names no outcome and the runs have none of violent_events, delivered_kg, insurgent_revenue_usd, insurgent_fighters, seized_kg: write regret(outcome, posture=drill)",
    );
    expect(msg("regret(violent_events) < 1")).toMatch(
      /^--where: regret\(violent_events\) must be regret\(outcome, factor=label, …/,
    );
    expect(msg("regret(violent_event, posture=drill) < 1")).toBe(
      '--where: regret(violent_event, posture=drill): unknown outcome "violent_event" (did you mean "violent_events"?) (outcomes: violent_events, seized_kg, seized_share)',
    );
    expect(msg("regret(violent_events, postur=drill) < 1")).toBe(
      '--where: no value factor "postur" (did you mean "posture"?) (value factors: posture)',
    );
    expect(msg("regret((violent_events), posture=drill) < 1")).toBe(
      "--where: regret(…) takes an outcome, factor=label pins and a direction, with no parentheses inside",
    );
    expect(msg("regret(violent_events, posture=drill) < violent_events")).toMatch(
      /^--where: every outcome must pick its run by the same factors/,
    );
  });
});

describe("regret's default direction from the results folder's catalogue", () => {
  const outcomes = ["violent_events", "seized_share"];
  const factors = [posture];

  it("uses the direction the caller's catalogue gives, over the built-in one", () => {
    const higher = expandRegret(
      "regret(violent_events, posture=drill) > 1",
      outcomes,
      factors,
      () => "higher-is-better",
    );
    expect(higher.ok && higher.text).toBe(
      "(max(violent_events[posture=drill], violent_events[posture=route], violent_events[posture=hold]) - violent_events[posture=drill]) > 1",
    );
    const builtIn = expandRegret("regret(violent_events, posture=drill) > 1", outcomes, factors);
    expect(builtIn.ok && builtIn.text).toMatch(/^\(violent_events\[posture=drill\] - min\(/);
  });

  it("asks for a direction where the catalogue gives none", () => {
    const r = expandRegret("regret(seized_share, posture=drill) > 1", outcomes, factors, () => undefined);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/say which way seized_share is good/);
  });
});
