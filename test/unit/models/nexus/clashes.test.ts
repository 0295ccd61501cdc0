/** Lanchester clashes: bounds, the square law's directions, terrain, surprise, encounters and escorts. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventTable } from "../../../../src/engine/recorder.js";
import { createRngHub } from "../../../../src/engine/rng.js";
import { createContingents } from "../../../../src/models/nexus/alliance/contingents.js";
import { AllianceLayers } from "../../../../src/models/nexus/alliance/layers.js";
import { armedParams } from "../../../../src/models/nexus/armed/params.js";
import { Attribution } from "../../../../src/models/nexus/attribution.js";
import { AttackList } from "../../../../src/models/nexus/bands/day.js";
import { createBands, stageBand } from "../../../../src/models/nexus/bands/store.js";
import {
  bandQuality,
  encounterChance,
  type LanchesterParams,
  resolveClash,
} from "../../../../src/models/nexus/clashes/clashes.js";
import {
  type ClashContext,
  encounterDay,
  escortFight,
  strikeDay,
} from "../../../../src/models/nexus/clashes/encounters.js";
import { ClashOutcomes, clashRulesOf, Hostiles } from "../../../../src/models/nexus/clashes/hostiles.js";
import { ACT_ESCORT } from "../../../../src/models/nexus/motives.js";
import { corridorWorld } from "../../../../src/worlds/corridor.js";

const P: LanchesterParams = { killRate: 0.02, rounds: 6, breakpoint: 0.25, terrainDefence: 0.5, surprise: 2 };
const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

/** Share of seeds the attacker wins. */
function attackerWins(a: number, b: number, rugged: number, surprise: boolean, p = P): number {
  let wins = 0;
  for (const seed of SEEDS) {
    const rng = createRngHub(seed).stream("clash");
    const e = {
      attackers: a,
      attackerQuality: 1,
      defenders: b,
      defenderQuality: 1,
      ruggedness: rugged,
      surprise,
    };
    if (resolveClash(e, p, rng).winner === 0) wins++;
  }
  return wins / SEEDS.length;
}

describe("resolveClash", () => {
  it("never takes more casualties than a side has, and names a winner", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.nat(),
        (a, b, qa, qb, rug, s, k, seed) => {
          const e = {
            attackers: a,
            attackerQuality: qa,
            defenders: b,
            defenderQuality: qb,
            ruggedness: rug,
            surprise: s,
          };
          const r = resolveClash(e, { ...P, killRate: k }, createRngHub(seed).stream("c"));
          return (
            r.lossA >= 0 &&
            r.lossB >= 0 &&
            r.lossA <= a &&
            r.lossB <= b &&
            (r.winner === 0 || r.winner === 1) &&
            r.rounds <= P.rounds
          );
        },
      ),
    );
  });

  it("lets a larger force win more often (40 seeds each)", () => {
    const even = attackerWins(100, 100, 0, false);
    const larger = attackerWins(150, 100, 0, false);
    const double = attackerWins(200, 100, 0, false);
    expect(larger).toBeGreaterThan(even);
    expect(double).toBeGreaterThanOrEqual(larger);
    expect(double).toBeGreaterThan(0.9);
  });

  it("follows the square law: 1.41× the numbers offsets half the quality", () => {
    let equalised = 0;
    for (const seed of SEEDS) {
      const rng = createRngHub(seed).stream("clash");
      // Fighting strength q·N²: 0.5 × 141² ≈ 1 × 100², so neither side should dominate.
      const e = {
        attackers: 141,
        attackerQuality: 0.5,
        defenders: 100,
        defenderQuality: 1,
        ruggedness: 0,
        surprise: false,
      };
      if (resolveClash(e, P, rng).winner === 0) equalised++;
    }
    const share = equalised / SEEDS.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.8);
  });

  it("lets terrain help the defender (40 seeds each)", () => {
    expect(attackerWins(120, 100, 1, false)).toBeLessThan(attackerWins(120, 100, 0, false));
  });

  it("lets surprise help the attacker (40 seeds each)", () => {
    expect(attackerWins(100, 110, 0, true)).toBeGreaterThan(attackerWins(100, 110, 0, false));
  });
});

describe("encounters", () => {
  it("are likelier with more hostiles and less likely hidden in rugged cover", () => {
    expect(encounterChance(0, 0.5, false, 0, 0.8)).toBe(0);
    expect(encounterChance(200, 0.5, false, 0, 0.8)).toBeGreaterThan(encounterChance(50, 0.5, false, 0, 0.8));
    expect(encounterChance(200, 0.5, true, 0.9, 0.8)).toBeLessThan(encounterChance(200, 0.5, true, 0.1, 0.8));
    expect(encounterChance(200, 0.5, true, 0.1, 0.8)).toBeLessThan(
      encounterChance(200, 0.5, false, 0.1, 0.8),
    );
  });

  it("band quality grows with the share of armed fighters", () => {
    expect(bandQuality(0.8, 100, 100)).toBeCloseTo(0.8);
    expect(bandQuality(0.8, 100, 0)).toBeCloseTo(0.4);
  });
});

/** A clash context on the corridor world with one band of `fighters` at Takhar's road cell (21, 26). */
function context(fighters: number, seed: number) {
  const world = corridorWorld();
  const params = armedParams.parse({});
  const bands = createBands();
  const cell = 26 * 40 + 21;
  stageBand(bands, {
    group: 0,
    motive: 0,
    home: world.province[cell]!,
    homeCountry: world.country[cell]!,
    cell,
    fighters,
    cashUsd: 0,
    weapons: fighters,
  });
  bands.flush();
  const events = new EventTable();
  const ctx: ClashContext & { ideological: number[] } = {
    world,
    bands,
    hostiles: new Hostiles(world.grid.size),
    contingents: createContingents([]),
    layers: new AllianceLayers(world.grid.size),
    attribution: new Attribution(world, events, params.attribution),
    motiveClassOf: Uint8Array.from([2]),
    ideological: [0],
    rules: clashRulesOf(params.clashes),
    out: new ClashOutcomes(),
    labelRng: createRngHub(seed).stream("labels"),
  };
  return { ctx, cell, events };
}

describe("escorts and strikes", () => {
  it("an escort detachment fights off a small patrol far more often than a full one (20 seeds)", () => {
    const wins = [0, 0];
    for (let seed = 1; seed <= 20; seed++) {
      [5, 30].forEach((patrol, k) => {
        const { ctx, cell } = context(200, seed);
        const id = ctx.bands.order()[0]!;
        ctx.bands.col.action[id] = ACT_ESCORT;
        ctx.bands.col.escortOrg[id] = 2;
        ctx.bands.col.escortDays[id] = 10;
        const stop = { org: 2, cell, personnel: patrol, quality: 1, tick: 0 };
        const res = escortFight(ctx, stop, createRngHub(seed).stream("fight"));
        if (res === true) wins[k]!++;
        expect(ctx.bands.col.fighters[id]).toBeGreaterThanOrEqual(0);
      });
    }
    expect(wins[0]).toBeGreaterThanOrEqual(18);
    expect(wins[1]).toBeLessThan(wins[0]!);
  });

  it("engages detachments, not whole bands: a skirmish never costs more than a detachment a side", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.nat(),
        (f, patrol, seed) => {
          const { ctx, cell } = context(f, seed);
          const id = ctx.bands.order()[0]!;
          ctx.bands.col.action[id] = ACT_ESCORT;
          ctx.bands.col.escortOrg[id] = 1;
          ctx.bands.col.escortDays[id] = 5;
          escortFight(
            ctx,
            { org: 1, cell, personnel: patrol, quality: 1, tick: 0 },
            createRngHub(seed).stream("f"),
          );
          const d = ctx.rules.detachment;
          return ctx.out.bandLosses <= d && ctx.out.stateLosses <= d;
        },
      ),
      { numRuns: 60 },
    );
  });

  it("leaves a criminal band alone where its bought units stand, not an ideological one (20 seeds)", () => {
    const met = [0, 0];
    for (let seed = 1; seed <= 20; seed++) {
      [0, 1].forEach((ideological, k) => {
        const { ctx, cell } = context(100, seed);
        ctx.ideological = [ideological];
        // 400 personnel next to the band on a high-hazard search, every one in the traffickers' pay.
        ctx.rules.encounterRatePer100 = 0.5;
        ctx.hostiles.personnel[cell] = 400;
        ctx.hostiles.state[cell] = 400;
        ctx.hostiles.qualityPersonnel[cell] = 400;
        ctx.hostiles.boughtPersonnel[cell] = 400;
        encounterDay(ctx, 0, createRngHub(seed).stream("e"));
        met[k]! += ctx.out.encounters;
      });
    }
    expect(met[0]).toBe(0);
    expect(met[1]).toBeGreaterThanOrEqual(15);
  });

  it("a crackdown's search operation finds bands in its province far more often (20 seeds)", () => {
    const met = [0, 0];
    for (let seed = 1; seed <= 20; seed++) {
      [false, true].forEach((search, k) => {
        const { ctx, cell } = context(100, seed);
        ctx.hostiles.personnel[cell] = 400;
        ctx.hostiles.state[cell] = 400;
        ctx.hostiles.qualityPersonnel[cell] = 400;
        if (search) ctx.attribution.searchUntil[ctx.world.province[cell]!] = 5;
        encounterDay(ctx, 0, createRngHub(seed).stream("e"));
        met[k]! += ctx.out.encounters;
      });
    }
    // Routine duty: 1 − exp(−0.05 × 4) ≈ 0.18 a day; a search (× 10): ≈ 0.86.
    expect(met[0]).toBeLessThanOrEqual(9);
    expect(met[1]).toBeGreaterThanOrEqual(13);
  });

  it("an escort guards its loads on its own ground only: a stop abroad is the economy's", () => {
    const { ctx, cell } = context(200, 1);
    const w = ctx.world;
    const home = w.country[cell]!;
    const id = ctx.bands.order()[0]!;
    ctx.bands.col.action[id] = ACT_ESCORT;
    ctx.bands.col.escortOrg[id] = 0;
    ctx.bands.col.escortDays[id] = 10;
    // A cell of another country with no cell of the band's country around it.
    const far = Array.from({ length: w.grid.size }, (_, c) => c).find(
      (c) =>
        w.country[c]! >= 0 &&
        w.country[c] !== home &&
        [-1, 0, 1].every((dy) =>
          [-1, 0, 1].every((dx) => {
            const v = w.grid.at(w.grid.x(c) + dx, w.grid.y(c) + dy);
            return v < 0 || w.country[v] !== home;
          }),
        ),
    )!;
    const rng = createRngHub(1).stream("fight");
    expect(escortFight(ctx, { org: 0, cell: far, personnel: 20, quality: 1, tick: 0 }, rng)).toBeNull();
    expect(escortFight(ctx, { org: 0, cell, personnel: 20, quality: 1, tick: 0 }, rng)).not.toBeNull();
  });

  it("no escort, no fight: the economy's interdiction decides", () => {
    const { ctx, cell } = context(200, 1);
    const stop = { org: 0, cell, personnel: 20, quality: 1, tick: 0 };
    expect(escortFight(ctx, stop, createRngHub(1).stream("fight"))).toBeNull();
  });

  it("an undefended strike is one violent event with victims and no band losses", () => {
    const { ctx, cell, events } = context(50, 3);
    const attacks = new AttackList();
    attacks.push(ctx.bands.order()[0]!, cell, false);
    strikeDay(ctx, attacks, 5, createRngHub(3).stream("strike"));
    expect(ctx.out.strikes).toBe(1);
    expect(ctx.out.bandLosses).toBe(0);
    expect(events.toJSON().kind.filter((k) => events.kinds[k]!.startsWith("violence/")).length).toBe(1);
  });
});
