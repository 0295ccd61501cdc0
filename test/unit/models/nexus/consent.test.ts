/** Non-interference as decisions, the alliance's belief, and CSTO membership through the Kanal mandate. */
import { describe, expect, it } from "vitest";
import { EventTable } from "../../../../src/engine/recorder.js";
import { createRngHub } from "../../../../src/engine/rng.js";
import { Belief, shiftedDrillShare } from "../../../../src/models/nexus/alliance/belief.js";
import { Consent, type ConsentRules } from "../../../../src/models/nexus/alliance/consent.js";
import { setupAlliance } from "../../../../src/models/nexus/alliance/setup.js";
import { armedParams } from "../../../../src/models/nexus/armed/params.js";
import { ACTOR_INSURGENT, Attribution } from "../../../../src/models/nexus/attribution.js";
import { studentTQuantile } from "../../../../src/stats/student-t.js";
import { corridorWorld } from "../../../../src/worlds/corridor.js";
import { makeNexusSim } from "./fixture.js";

const world = corridorWorld();
const K = world.countries.length;
const k = (code: string) => world.countries.indexOf(code);
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

/** Mean and 95 % Student t interval of paired differences a − b. */
function paired(a: number[], b: number[]): { mean: number; lo: number; hi: number } {
  const d = a.map((x, i) => x - b[i]!);
  const n = d.length;
  const mean = d.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  const h = (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  return { mean, lo: mean - h, hi: mean + h };
}

/** The default forces and consent rules on the corridor world, with `consent` overrides. */
function resolve(consent: object = {}) {
  const res = setupAlliance(world, armedParams.parse({ alliance: { consent } }).alliance);
  if (!res.ok) throw new Error(res.problems[0]!.message);
  return res;
}

describe("the host's invitation and the alliance's acceptance", () => {
  const { forces, consent } = resolve();
  const sco = forces.findIndex((f) => f.name.startsWith("SCO"));
  const tj = k("TJ");
  const rules: ConsentRules = { ...consent, threshold: 5 };

  /** Decide once with TJ's severity `sev`, a belief of `terror` of `attacks` there, and `spent` troop-days. */
  function decide(sev: number, terror: number, attacks: number, spent = 0) {
    const c = new Consent(forces.length, world, rules);
    const severity = new Float64Array(K);
    severity[tj] = sev;
    const belief = new Belief(K, 0.5, 90);
    const t = new Float64Array(K);
    const a = new Float64Array(K);
    t[tj] = terror;
    a[tj] = attacks;
    belief.observe(a, t, new Float64Array(K));
    c.decide(0, forces, severity, belief, new Float64Array(forces.length).fill(spent));
    return { c, accepted: c.accepted[sco * K + tj] === 1 };
  }

  it("invites only when the threat reaches the threshold × sovereignty cost", () => {
    expect(decide(4.9, 10, 10).c.invitations).toBe(0);
    const at = decide(5, 10, 10);
    expect(at.c.invitations).toBeGreaterThan(0);
    expect(at.accepted).toBe(true);
  });

  it("refuses when the violence looks criminal (Osh 2010) or the budget is spent", () => {
    const criminal = decide(10, 1, 10);
    expect(criminal.accepted).toBe(false);
    expect(criminal.c.refusals).toBeGreaterThan(0);
    expect(decide(10, 10, 10, forces[sco]!.budget).accepted).toBe(false);
  });

  it("never invites a force into a country that is not a member, whatever the threat", () => {
    const c = new Consent(forces.length, world, rules);
    c.decide(0, forces, new Float64Array(K).fill(1e9), new Belief(K, 1, 90), new Float64Array(forces.length));
    forces.forEach((f, fi) => {
      for (let kk = 0; kk < K; kk++) if (f.member[kk] !== 1) expect(c.accepted[fi * K + kk]).toBe(0);
    });
  });

  it("reads a threat from fighters massed across the border", () => {
    const s = makeNexusSim({ bands: [{ group: "IMU", home: "Takhar", fighters: 600 }] }, 1);
    s.armed.consent.measureMassing(s.bands);
    expect(s.armed.consent.massed[tj]).toBe(600);
    expect(s.armed.consent.threat(tj, new Float64Array(K))).toBeCloseTo(6);
  });
});

describe("belief", () => {
  it("starts at the prior, follows the share of attacks labelled terrorist, and moves drill shares toward it", () => {
    const b = new Belief(K, 0.5, 90);
    expect(b.ideological(0)).toBe(0.5);
    const t = new Float64Array(K);
    const a = new Float64Array(K).fill(9);
    b.observe(a, t, new Float64Array(K));
    expect(b.ideological(0)).toBeCloseTo(0.05);
    expect(shiftedDrillShare(0, 1, 0.25)).toBe(0.25);
    expect(shiftedDrillShare(1, 0, 0.25)).toBe(0.75);
    expect(shiftedDrillShare(0.4, 0.4, 1)).toBeCloseTo(0.4);
  });
});

/**
 * Twelve criminal attacks in Tajikistan labelled by a classifier of skill 0.4 at bias `bias`
 * (seed `seed`), their crackdowns and the alliance's belief; then Tajikistan, threatened, invites.
 */
function labelledInvitation(bias: number, seed: number) {
  const a = new Attribution(world, new EventTable(), {
    bias,
    stateSkill: 0.4,
    crackdownChance: 0.5,
    crackdownDays: 30,
    grievancePeople: 200,
    grievanceMemoryDays: 90,
  });
  const rng = createRngHub(seed).stream("attribution");
  const tj = k("TJ");
  const cell = world.cellsOf[world.provinces.findIndex((q) => q.country === "TJ")]![0]!;
  const belief = new Belief(K, 0.5, 90);
  for (let day = 0; day < 12; day++) {
    a.beginDay();
    const e = { tick: day, cell, actor: ACTOR_INSURGENT, motiveClass: 2, ideological: false, actorId: 0 };
    a.record({ ...e, casualties: 1, skill: 0.4, byState: false }, rng);
    belief.observe(a.attacksToday, a.terrorToday, new Float64Array(K));
  }
  const { forces, consent } = resolve();
  const c = new Consent(forces.length, world, consent);
  c.decide(0, forces, new Float64Array(K).fill(100), belief, new Float64Array(forces.length));
  const sco = forces.findIndex((f) => f.name.startsWith("SCO"));
  return {
    accepted: c.accepted[sco * K + tj]!,
    believed: belief.ideological(tj),
    aggrieved: Attribution.total(a.aggrieved),
    drill: shiftedDrillShare(0, belief.ideological(tj), 0.25),
  };
}

describe("a state that calls criminal violence terrorism (20 seeds)", () => {
  const biased = SEEDS.map((s) => labelledInvitation(1, s));
  const fair = SEEDS.map((s) => labelledInvitation(0, s));
  it("brings its allies in: they believe the threat ideological, accept its invitation and drill more", () => {
    for (const key of ["believed", "accepted", "drill"] as const) {
      const d = paired(
        biased.map((r) => r[key]),
        fair.map((r) => r[key]),
      );
      expect(d.lo, key).toBeGreaterThan(0);
    }
  });
  it("radicalises people where its misattributed crackdowns fall (the recruitment pool grows)", () => {
    const d = paired(
      biased.map((r) => r.aggrieved),
      fair.map((r) => r.aggrieved),
    );
    expect(d.lo).toBeGreaterThan(0);
  });
});

/** Route-control troop-days of the CSTO force in Uzbekistan over 60 days of the corridor sim (the main corridor's heroin on every UZ cell). */
function uzRouteDays(members: string[], kanal: boolean, seed: number) {
  const force = { ...armedParams.parse({}).alliance.forces[0]!, members, posture: "route-control" };
  const s = makeNexusSim({ alliance: { kanal, forces: [force] } }, seed);
  const uz = k("UZ");
  const top = Math.max(...s.armed.flow);
  for (let c = 0; c < world.grid.size; c++)
    if (world.country[c] === uz && !world.blocked[c]) s.armed.flow[c] = top;
  const ct = s.contingents.col;
  let days = 0;
  for (let d = 0; d < 60; d++) {
    s.sim.step();
    for (const id of s.contingents.order())
      if (ct.cell[id]! >= 0 && world.country[ct.cell[id]!] === uz) days += ct.troops[id]!;
  }
  return days;
}

describe("CSTO membership (20 seeds, corridor world)", () => {
  it("lets its route-control work the corridors of Uzbekistan with the drug agencies (Kanal), and only then", () => {
    const member = ["RU", "KZ", "KG", "TJ", "UZ", "TM"];
    const inUz = SEEDS.map((s) => uzRouteDays(member, true, s));
    const outUz = SEEDS.map((s) => uzRouteDays(["RU", "KZ", "KG", "TJ"], true, s));
    expect(outUz.every((x) => x === 0)).toBe(true);
    expect(paired(inUz, outUz).lo).toBeGreaterThan(0);
    // Without the Kanal mandate route-control needs an invitation too, and Uzbekistan sends none here.
    expect(SEEDS.slice(0, 3).every((s) => uzRouteDays(member, false, s) === 0)).toBe(true);
  });
});
