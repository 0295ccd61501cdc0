/** Blocking at the border: detection, halting at a screened crossing, turning back or breaking through. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventTable } from "../../../../src/engine/recorder.js";
import { createRngHub } from "../../../../src/engine/rng.js";
import { createContingents } from "../../../../src/models/nexus/alliance/contingents.js";
import { AllianceLayers } from "../../../../src/models/nexus/alliance/layers.js";
import { armedParams } from "../../../../src/models/nexus/armed/params.js";
import { Attribution } from "../../../../src/models/nexus/attribution.js";
import { HopFields, MoveLog, type Mover, moveBand } from "../../../../src/models/nexus/bands/move.js";
import { BandOutcomes } from "../../../../src/models/nexus/bands/outcomes.js";
import { bandRulesOf } from "../../../../src/models/nexus/bands/setup.js";
import { createBands, stageBand } from "../../../../src/models/nexus/bands/store.js";
import {
  type BlockingRules,
  CrossingOutcomes,
  columnAttacks,
  crossingDay,
  detectionChance,
} from "../../../../src/models/nexus/clashes/crossings.js";
import type { ClashContext } from "../../../../src/models/nexus/clashes/encounters.js";
import { ClashOutcomes, clashRulesOf, Hostiles } from "../../../../src/models/nexus/clashes/hostiles.js";
import { ACT_CROSS } from "../../../../src/models/nexus/motives.js";
import { canStep } from "../../../../src/worlds/build.js";
import { corridorWorld } from "../../../../src/worlds/corridor.js";
import { routeGraph } from "../../../../src/worlds/route-graph.js";

const world = corridorWorld();
const params = armedParams.parse({});
const RULES: BlockingRules = params.alliance.blocking;

/** The first legal step from Afghanistan into Tajikistan on the corridor world: [AF cell, TJ cell]. */
function crossing(): [number, number] {
  const af = world.countries.indexOf("AF");
  const tj = world.countries.indexOf("TJ");
  const g = world.grid;
  for (let c = 0; c < g.size; c++) {
    if (world.country[c] !== af || world.blocked[c]) continue;
    for (let d = 0; d < 8; d++) {
      const n = g.at(g.x(c) + [1, 1, 0, -1, -1, -1, 0, 1][d]!, g.y(c) + [0, 1, 1, 1, 0, -1, -1, -1][d]!);
      if (n >= 0 && world.country[n] === tj && canStep(world, c, n)) return [c, n];
    }
  }
  throw new Error("no Afghan–Tajik crossing on the corridor world");
}
const [FROM, TO] = crossing();

/** One band of `fighters` in Afghanistan heading for the Tajik bank, a screen of `troops` there. */
function setup(fighters: number, troops: number) {
  const bands = createBands();
  stageBand(bands, {
    group: 0,
    motive: 0,
    home: world.province[FROM]!,
    homeCountry: world.country[FROM]!,
    cell: FROM,
    fighters,
    cashUsd: 0,
    weapons: fighters,
  });
  bands.flush();
  const id = bands.order()[0]!;
  bands.col.action[id] = ACT_CROSS;
  bands.col.target[id] = TO;
  const layers = new AllianceLayers(world.grid.size);
  layers.block[TO] = troops;
  layers.blockQuality[TO] = troops * 1.5;
  const ctx: ClashContext = {
    world,
    bands,
    hostiles: new Hostiles(world.grid.size),
    contingents: createContingents([]),
    layers,
    attribution: new Attribution(world, new EventTable(), params.attribution),
    motiveClassOf: Uint8Array.from([0]),
    ideological: [1],
    rules: clashRulesOf(params.clashes),
    out: new ClashOutcomes(),
    labelRng: createRngHub(1).stream("labels"),
  };
  const mover: Mover = {
    bands,
    world,
    fields: new HopFields(routeGraph(world)),
    rules: { ...bandRulesOf(params.bandRules), speedCellsPerDay: 5 },
    log: new MoveLog(),
    out: new BandOutcomes(),
    block: layers.block,
    attempts: new MoveLog(),
  };
  return { id, ctx, mover };
}

/** Over seeds 1–20: how many bands crossed and how many were turned back. */
function tally(fighters: number, troops: number, rules = RULES) {
  let crossed = 0;
  let turned = 0;
  for (let seed = 1; seed <= 20; seed++) {
    const { id, ctx, mover } = setup(fighters, troops);
    moveBand(mover, id, 0);
    const out = new CrossingOutcomes();
    crossingDay(ctx, mover, mover.attempts, rules, 1, 0, createRngHub(seed).stream("x"), out);
    if (ctx.bands.has(id) && ctx.bands.col.cell[id] === TO) crossed++;
    turned += out.turnedBack;
    expect(mover.out.incursions[0]).toBe(ctx.bands.has(id) && ctx.bands.col.cell[id] === TO ? 1 : 0);
  }
  return { crossed, turned };
}

describe("blocking at the border", () => {
  it("detects more with more troops and less in broken ground", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (troops, rug) => {
          const p = detectionChance(troops, rug, RULES);
          return (
            p >= 0 &&
            p <= 1 &&
            detectionChance(troops * 2, rug, RULES) >= p &&
            detectionChance(troops, Math.min(1, rug + 0.2), RULES) <= p
          );
        },
      ),
    );
    expect(detectionChance(0, 0, RULES)).toBe(0);
  });

  it("halts a band at a screened border instead of letting it step across", () => {
    const { id, mover } = setup(100, 250);
    expect(moveBand(mover, id, 0)).toBe(true);
    expect(mover.bands.col.cell[id]).toBe(FROM);
    expect(mover.attempts.length).toBe(1);
    expect(mover.out.incursions[0]).toBe(0);
  });

  it("turns back a small band a strong screen detects, and lets it through an undetecting one (20 seeds)", () => {
    const strong = tally(50, 1000);
    expect(strong.crossed).toBeLessThanOrEqual(2);
    expect(strong.turned).toBeGreaterThanOrEqual(15); // beaten, broke off, went home (not wiped out)
    const blind = tally(50, 1000, { detectionPer100: 0, concealment: 2 });
    expect(blind.crossed).toBe(20);
    expect(blind.turned).toBe(0);
  });

  it("lets a band far larger than the screen break through more often than a small one (20 seeds)", () => {
    expect(tally(3000, 250).crossed).toBeGreaterThan(tally(100, 250).crossed);
  });

  it("a detected column storms the screen only when its Lanchester strength is the larger", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (f, troops, rug) => {
          const attacks = columnAttacks(f, 0.8, troops, 1, rug, 0.5);
          const more = columnAttacks(f + 100, 0.8, troops, 1, rug, 0.5);
          const rougher = columnAttacks(f, 0.8, troops, 1, Math.min(1, rug + 0.5), 0.5);
          // More fighters never make a column less willing; rougher ground never more.
          return (!attacks || more) && (!rougher || attacks);
        },
      ),
    );
    expect(columnAttacks(500, 0.8, 100, 1, 0, 0.5)).toBe(true);
    expect(columnAttacks(100, 0.8, 500, 1, 0, 0.5)).toBe(false);
  });

  it("a screen massed to outweigh a column turns it back where one company lets it through (20 seeds each, 95 % intervals)", () => {
    // Share turned back and its 95 % half-width (normal approximation, floored at one in 20).
    const share = (x: number) => ({
      p: x / 20,
      hw: Math.max(1.96 * Math.sqrt(((x / 20) * (1 - x / 20)) / 20), 0.05),
    });
    const single = share(tally(600, 250).turned);
    const massed = share(tally(600, 750).turned);
    expect(massed.p - massed.hw).toBeGreaterThan(single.p + single.hw);
  });
});
