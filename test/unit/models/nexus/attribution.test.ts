/** Attribution: true labels, skill and bias, misattributed crackdowns, and the event table. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventTable } from "../../../../src/engine/recorder.js";
import { createRngHub } from "../../../../src/engine/rng.js";
import {
  ACTOR_ALLIANCE,
  ACTOR_INSURGENT,
  ACTOR_STATE,
  ACTOR_TRAFFICKER,
  Attribution,
  burstinessOf,
  LABEL_CRIMINAL,
  LABEL_STATE,
  LABEL_TERRORIST,
  labelEvent,
  trueLabel,
} from "../../../../src/models/nexus/attribution.js";
import { corridorWorld } from "../../../../src/worlds/corridor.js";

const world = corridorWorld();
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** 300 events drawn from `seed` (actor, motive class, act, cell), the same for any skill or bias. */
function trueEvents(seed: number) {
  const rng = createRngHub(seed).stream("events");
  const land = Array.from({ length: world.grid.size }, (_, c) => c).filter((c) => world.province[c]! >= 0);
  return Array.from({ length: 300 }, () => ({
    actor: rng.weighted([6, 2, 1, 1]),
    motive: rng.below(3),
    act: rng.bernoulli(0.3),
    cell: land[rng.below(land.length)]!,
  }));
}

/** Record the events of `seed` with skill s and bias b. */
function attribute(seed: number, skill: number, bias: number, crackdownChance = 0.5) {
  const a = new Attribution(world, new EventTable(), {
    grievancePeople: 0,
    grievanceMemoryDays: 90,
    bias,
    stateSkill: skill,
    crackdownChance,
    crackdownDays: 30,
  });
  const rng = createRngHub(seed).stream("labels");
  for (const e of trueEvents(seed)) {
    const event = {
      tick: 0,
      cell: e.cell,
      actor: e.actor,
      motiveClass: e.motive,
      ideological: e.act,
      byState: false,
    };
    a.record({ ...event, actorId: 0, casualties: 1, skill }, rng);
  }
  return a;
}

describe("true labels", () => {
  it("follow actor, motive and act", () => {
    expect(trueLabel(ACTOR_STATE, 3, false)).toBe(LABEL_STATE);
    expect(trueLabel(ACTOR_ALLIANCE, 3, true)).toBe(LABEL_STATE);
    expect(trueLabel(ACTOR_TRAFFICKER, 2, true)).toBe(LABEL_CRIMINAL);
    expect(trueLabel(ACTOR_INSURGENT, 0, false)).toBe(LABEL_TERRORIST);
    expect(trueLabel(ACTOR_INSURGENT, 1, true)).toBe(LABEL_TERRORIST);
    expect(trueLabel(ACTOR_INSURGENT, 1, false)).toBe(LABEL_CRIMINAL);
    expect(trueLabel(ACTOR_INSURGENT, 2, true)).toBe(LABEL_CRIMINAL);
  });

  it("perfect skill never mislabels; the state never misnames its own violence", () => {
    const rng = createRngHub(1).stream("l");
    for (let i = 0; i < 200; i++) {
      expect(labelEvent(LABEL_CRIMINAL, 1, 1, rng)).toBe(LABEL_CRIMINAL);
      expect(labelEvent(LABEL_STATE, 0, 1, rng)).toBe(LABEL_STATE);
    }
  });
});

describe("attribution mechanisms (20 seeds each)", () => {
  it("higher classification skill means less misattribution", () => {
    const low = SEEDS.map((s) => attribute(s, 0.2, 0.6).misattributionRate());
    const high = SEEDS.map((s) => attribute(s, 0.8, 0.6).misattributionRate());
    expect(mean(high)).toBeLessThan(mean(low));
  });

  it("higher bias means a higher attributed-terrorism share with the same true events", () => {
    const lo = SEEDS.map((s) => attribute(s, 0.4, 0));
    const hi = SEEDS.map((s) => attribute(s, 0.4, 1));
    expect(hi.map((a) => a.trueTerrorShare())).toEqual(lo.map((a) => a.trueTerrorShare()));
    expect(mean(hi.map((a) => a.attributedTerrorShare()))).toBeGreaterThan(
      mean(lo.map((a) => a.attributedTerrorShare())),
    );
    expect(mean(hi.map((a) => a.attributedTerrorShare()))).toBeGreaterThan(
      mean(hi.map((a) => a.trueTerrorShare())),
    );
  });

  it("more bias, more misattributed crackdowns", () => {
    const lo = SEEDS.map((s) => Attribution.total(attribute(s, 0.4, 0).misCrackdowns));
    const hi = SEEDS.map((s) => Attribution.total(attribute(s, 0.4, 1).misCrackdowns));
    expect(mean(hi)).toBeGreaterThan(mean(lo));
  });
});

describe("books", () => {
  it("count per province, only wrong terrorist labels as misattributed crackdowns, and fill the event table", () => {
    const events = new EventTable();
    const a = new Attribution(world, events, {
      grievancePeople: 0,
      grievanceMemoryDays: 90,
      bias: 1,
      stateSkill: 0,
      crackdownChance: 1,
      crackdownDays: 30,
    });
    const rng = createRngHub(4).stream("l");
    const dushanbe = 18 * 40 + 11;
    const p = world.province[dushanbe]!;
    a.beginDay();
    // Criminal violence, skill 0, bias 1: always "terrorist", always a crackdown, always wrong.
    const at = { tick: 3, cell: dushanbe, actor: ACTOR_INSURGENT, byState: false };
    for (let i = 0; i < 5; i++)
      a.record({ ...at, motiveClass: 2, ideological: false, actorId: 7, casualties: 2, skill: 0 }, rng);
    // Ideological violence with skill 1: correctly "terrorist", a warranted crackdown.
    a.record({ ...at, motiveClass: 0, ideological: true, actorId: 8, casualties: 1, skill: 1 }, rng);
    expect(a.events[p]).toBe(6);
    expect(a.trueTerror[p]).toBe(1);
    expect(a.labelledTerror[p]).toBe(6);
    expect(a.misattributed[p]).toBe(5);
    expect(a.crackdowns[p]).toBe(6);
    expect(a.misCrackdowns[p]).toBe(5);
    expect(a.misCrackdownsToday[p]).toBe(5);
    expect(a.terrorToday[world.country[dushanbe]!]).toBe(6);
    const json = events.toJSON();
    const kinds = json.kind.map((k) => json.kinds[k]);
    expect(kinds.filter((k) => k === "violence/insurgent/criminal/terrorist").length).toBe(5);
    expect(kinds.filter((k) => k === "crackdown/misattributed").length).toBe(5);
    expect(kinds.filter((k) => k === "crackdown/warranted").length).toBe(1);
    expect(json.target.every((t) => t === p)).toBe(true);
    a.beginDay();
    expect(a.misCrackdownsToday[p]).toBe(0);
    expect(a.misCrackdowns[p]).toBe(5);
  });

  it("labels the state's own operations but counts no attack and starts no crackdown for them", () => {
    const a = new Attribution(world, new EventTable(), {
      grievancePeople: 0,
      grievanceMemoryDays: 90,
      bias: 1,
      stateSkill: 0,
      crackdownChance: 1,
      crackdownDays: 30,
    });
    const rng = createRngHub(5).stream("l");
    const dushanbe = 18 * 40 + 11;
    const p = world.province[dushanbe]!;
    const k = world.country[dushanbe]!;
    const at = { tick: 3, cell: dushanbe, actor: ACTOR_INSURGENT, motiveClass: 2, ideological: false };
    for (let i = 0; i < 5; i++) a.record({ ...at, actorId: 1, casualties: 1, skill: 0, byState: true }, rng);
    expect(a.labelledTerror[p]).toBe(5); // bias 1, skill 0: labelled terrorist all the same
    expect(a.terrorByCountry[k]).toBe(0);
    expect(a.crackdowns[p]).toBe(0);
    expect(a.searchUntil[p]).toBe(-1);
    a.record({ ...at, actorId: 2, casualties: 1, skill: 0, byState: false }, rng);
    expect(a.terrorByCountry[k]).toBe(1);
    expect(a.crackdowns[p]).toBe(1);
    expect(a.searchUntil[p]).toBe(33);
  });

  it("marks a band repressed when the state's own operation wrongly calls it terrorist, not when the label is right", () => {
    const make = (bias: number) =>
      new Attribution(world, new EventTable(), {
        grievancePeople: 0,
        grievanceMemoryDays: 90,
        bias,
        stateSkill: 0,
        crackdownChance: 1,
        crackdownDays: 30,
      });
    const rng = createRngHub(6).stream("l");
    const dushanbe = 18 * 40 + 11;
    const op = { tick: 3, cell: dushanbe, actor: ACTOR_INSURGENT, ideological: false, byState: true };
    // Bias 1, skill 0: every guess is "terrorist". A criminal band hit by the state is wrongly so.
    const wrong = make(1);
    for (let i = 0; i < 4; i++)
      wrong.record({ ...op, motiveClass: 2, actorId: 7, casualties: 1, skill: 0 }, rng);
    expect(wrong.repressedBands).toEqual([7, 7, 7, 7]);
    // An ideological band so labelled is rightly so (skill 1), and a criminal band that bias 0 and
    // skill 1 labels criminal is not treated as terrorist: neither is marked.
    const right = make(0);
    right.record({ ...op, motiveClass: 0, actorId: 8, casualties: 1, skill: 1 }, rng);
    right.record({ ...op, motiveClass: 2, actorId: 9, casualties: 1, skill: 1 }, rng);
    expect(right.repressedBands).toEqual([]);
    // A trafficker's fight is not a band's: nothing to drift.
    wrong.record(
      { ...op, actor: ACTOR_TRAFFICKER, motiveClass: -1, actorId: 3, casualties: 1, skill: 0 },
      rng,
    );
    expect(wrong.repressedBands).toEqual([7, 7, 7, 7]);
  });
});

describe("burstiness of violence", () => {
  it("is −1 for clockwork gaps, 0 when undefined, and always in [−1, 1]", () => {
    expect(burstinessOf(10, 70, 490)).toBe(-1); // ten gaps of 7 days
    expect(burstinessOf(1, 5, 25)).toBe(0);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 2, maxLength: 200 }), (gaps) => {
        const b = burstinessOf(
          gaps.length,
          gaps.reduce((s, g) => s + g, 0),
          gaps.reduce((s, g) => s + g * g, 0),
        );
        return b >= -1 - 1e-12 && b <= 1 + 1e-12;
      }),
    );
  });
});
