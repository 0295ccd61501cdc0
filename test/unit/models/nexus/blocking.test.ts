/**
 * The drill does what it is built for, on the corridor world (the nexus model whole, 40 seeds per
 * arm, 360 days, ideological threat, equal troop-days): with its screens on the avenues of
 * approach and reserves massed against columns it lets fewer fighters cross than route-control. Paired by seed (the arms share
 * their random streams where their decisions do not differ), 95 % t intervals.
 */
import { describe, expect, it } from "vitest";
import { nexusOutcomes } from "../../../../src/models/nexus/outcomes.js";
import { applySwitches, nexusModelParams } from "../../../../src/models/nexus/params.js";
import { nexusRun } from "../../../../src/models/nexus/schedule.js";

// A column needs a year's campaign, so in 180 days most runs see no crossing at all; once the
// hosts' invitations and the strongmen landed, 20 seeds × 180 days left the interval wider than the
// difference (−69 ± 134 fighters), 40 seeds × 360 days do not (−284 ± 220).
const SEEDS = 40;
const DAYS = 360;

/** Outcomes of the ideological threat under `posture`, seeds 1–40. */
function arm(posture: string) {
  return Array.from({ length: SEEDS }, (_, i) => {
    const p = applySwitches(nexusModelParams.parse({ threat: { criminalShare: 0 }, posture }));
    const { nexus, simulation } = nexusRun(p, i + 1);
    simulation.run(DAYS);
    return nexusOutcomes(nexus, DAYS);
  });
}

describe("the drill blocks (corridor world, ideological threat, 40 seeds per arm, 360 days)", () => {
  const drill = arm("incursion-drill");
  const route = arm("route-control");
  /** Mean of drill − route-control for `k` over the seeds and the half-width of its 95 % interval (t39 = 2.023). */
  const diff = (k: string) => {
    const d = drill.map((o, i) => o[k]! - route[i]![k]!);
    const m = d.reduce((s, x) => s + x, 0) / d.length;
    const sd = Math.sqrt(d.reduce((s, x) => s + (x - m) ** 2, 0) / (d.length - 1));
    return { m, hw: (2.023 * sd) / Math.sqrt(d.length) };
  };

  it("spends the same troop-days under both postures", () => {
    expect(diff("alliance_troop_days").m).toBe(0);
  });

  it("lets fewer fighters cross than route-control", () => {
    const { m, hw } = diff("fighters_crossed");
    expect(m + hw).toBeLessThan(0);
  });
});
