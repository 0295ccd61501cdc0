/**
 * Re-planning what broke: a re-plan forced by losses re-works only the routes to the markets the
 * organisation lost on; a review re-works every route; losses mark their market.
 */
import { describe, expect, it } from "vitest";
import { economyParams } from "../../../../src/models/economy/params.js";
import { economyRun } from "../../../../src/models/economy/schedule.js";
import { planDay } from "../../../../src/models/economy/steps/plan.js";

/** An economy run on the default world after a few days, and its first organisation. */
function running() {
  const p = economyParams.parse({});
  const run = economyRun(p, 7);
  run.simulation.run(3);
  const e = run.economy;
  return { e, M: e.markets.length, tr: p.traffickers };
}

describe("re-plans", () => {
  it("forced by losses re-work only the markets lost on", () => {
    const { e, M, tr } = running();
    expect(M).toBeGreaterThan(2);
    const o = 0;
    const day = e.orgs.plannedOn[o]! + tr.minReplanDays;
    for (let k = 0; k < e.orgs.n; k++) e.orgs.plannedOn[k] = day; // nobody else is due
    e.orgs.plannedOn[o] = day - tr.minReplanDays;
    e.orgs.valueSincePlan[o] = 1000;
    e.orgs.lose(o, 1, 900); // past any tolerance below 90 %
    expect(e.orgs.lostTo[o]).toBe(1 << 1);
    const before = e.orgs.plans.slice();
    planDay(e, day, undefined);
    for (let m = 0; m < M; m++) {
      if (m === 1) expect(e.orgs.plans[o * M + m]).not.toBe(before[o * M + m]);
      else expect(e.orgs.plans[o * M + m]).toBe(before[o * M + m]);
    }
    expect(e.orgs.lostTo[o]).toBe(0);
    expect(e.orgs.lossSincePlan[o]).toBe(0);
    expect(e.orgs.plannedOn[o]).toBe(day);
  });

  it("at a review re-work every market, losses or not", () => {
    const { e, M, tr } = running();
    const o = 0;
    const day = e.orgs.plannedOn[o]! + tr.reviewDays;
    for (let k = 0; k < e.orgs.n; k++) e.orgs.plannedOn[k] = day;
    e.orgs.plannedOn[o] = day - tr.reviewDays;
    const before = e.orgs.plans.slice();
    planDay(e, day, undefined);
    for (let m = 0; m < M; m++) expect(e.orgs.plans[o * M + m]).not.toBe(before[o * M + m]);
  });
});
