/** Bands: money (upkeep, recruitment, tax, escorts), legal movement and incursion counting. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRngHub } from "../../../../src/engine/rng.js";
import { armedParams } from "../../../../src/models/nexus/armed/params.js";
import { escortFighters, payEscorts } from "../../../../src/models/nexus/bands/escorts.js";
import { HopFields, MoveLog, moveBand } from "../../../../src/models/nexus/bands/move.js";
import { BandOutcomes } from "../../../../src/models/nexus/bands/outcomes.js";
import { recruit } from "../../../../src/models/nexus/bands/recruit.js";
import type { BandRules } from "../../../../src/models/nexus/bands/rules.js";
import { bandRulesOf } from "../../../../src/models/nexus/bands/setup.js";
import { type Bands, createBands, stageBand } from "../../../../src/models/nexus/bands/store.js";
import { collectTax, TaxLayer } from "../../../../src/models/nexus/bands/tax.js";
import { prepareDay, prepared } from "../../../../src/models/nexus/bands/tempo.js";
import { payUpkeep } from "../../../../src/models/nexus/bands/upkeep.js";
import { ACT_ESCORT, ACT_IDLE, ACT_TAX } from "../../../../src/models/nexus/motives.js";
import { canStep } from "../../../../src/worlds/build.js";
import { corridorWorld } from "../../../../src/worlds/corridor.js";
import { routeGraph } from "../../../../src/worlds/route-graph.js";
import { arbWorld } from "../../worlds/fixtures.js";

const RULES: BandRules = bandRulesOf(armedParams.parse({}).bandRules);
/** No blocking screen anywhere. */
const NO_SCREEN = new Float64Array(1 << 16);

/** A store with bands of the given fighters and cash, all at cell 0 of country 0. */
function store(...specs: [number, number][]): Bands {
  const bands = createBands();
  for (const [fighters, cashUsd] of specs) {
    stageBand(bands, {
      group: 0,
      motive: 0,
      home: 0,
      homeCountry: 0,
      cell: 0,
      fighters,
      cashUsd,
      weapons: fighters,
    });
  }
  bands.flush();
  return bands;
}

/** Ideological share per motive row: 0, so sponsors pay nothing and upkeep alone is tested. */
const NO_FUNDING = [0];

describe("money", () => {
  it("upkeep never drives cash below 0; unpaid fighters desert; an empty band dissolves", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.nat(),
        (f, cash, seed) => {
          const bands = store([f, cash]);
          const out = new BandOutcomes();
          const rng = createRngHub(seed).stream("u");
          for (let d = 0; d < 30; d++) {
            payUpkeep(bands, { ...RULES, desertionRate: 0.5 }, NO_FUNDING, rng, out);
            bands.flush();
            for (const id of bands.order()) {
              if (bands.col.cash[id]! < 0 || bands.col.fighters[id]! <= 0 || bands.col.weapons[id]! < 0)
                return false;
            }
          }
          return bands.alive === 1 || out.dissolved === 1;
        },
      ),
    );
    const broke = store([400, 0]);
    const out = new BandOutcomes();
    payUpkeep(broke, RULES, NO_FUNDING, createRngHub(1).stream("u"), out);
    expect(out.deserted).toBeGreaterThan(0);
  });

  it("recruitment takes actives at the documented rate, capped by cash, and arms each recruit", () => {
    const rng = createRngHub(2).stream("r");
    const rich = store([100, 1e9]);
    const id = rich.order()[0]!;
    let joined = 0;
    for (let i = 0; i < 200; i++) joined += recruit(rich, id, 1000, RULES, rng);
    expect(joined / 200).toBeCloseTo(1000 * RULES.recruitRate, -0.5);
    expect(rich.col.weapons[id]).toBe(rich.col.fighters[id]);
    const poor = store([100, 1200]);
    const p = poor.order()[0]!;
    expect(recruit(poor, p, 1000, RULES, rng)).toBe(2); // 1200 USD buys two at 500
    expect(poor.col.cash[p]).toBe(200);
  });

  it("tax goes to the band holding the cell (the larger of two), rate × kg", () => {
    const bands = store([100, 0], [300, 0]);
    const [small, large] = bands.order();
    const tax = new TaxLayer(10);
    tax.set(4, small!, 100, 200);
    tax.set(4, large!, 300, 250);
    tax.set(4, small!, 100, 200); // the smaller band cannot take it back
    const out = new BandOutcomes();
    expect(collectTax(tax, bands, 4, 10, out)).toBe(2500);
    expect(bands.col.cash[large!]).toBe(2500);
    expect(collectTax(tax, bands, 5, 10, out)).toBe(0);
    expect(out.taxUsd).toBe(2500);
    tax.clear();
    expect(tax.rate[4]).toBe(0);
    expect(collectTax(tax, bands, 4, 10, out)).toBe(0);
  });

  it("escort contracts pay from capital without driving it negative, and end after their days", () => {
    const bands = store([200, 0]);
    const id = bands.order()[0]!;
    const col = bands.col;
    col.action[id] = ACT_ESCORT;
    col.escortOrg[id] = 1;
    col.escortDays[id] = 3;
    col.escortFee[id] = 1000;
    const capital = Float64Array.from([5000, 1500]);
    expect(escortFighters(bands, new Float64Array(2))[1]).toBe(200);
    payEscorts(bands, capital);
    payEscorts(bands, capital);
    payEscorts(bands, capital);
    expect(capital[1]).toBe(0);
    expect(col.cash[id]).toBe(1500);
    expect(col.action[id]).toBe(ACT_IDLE);
    expect(escortFighters(bands, new Float64Array(2))[1]).toBe(0);
  });
});

describe("movement", () => {
  it("hop fields lead to the target in exactly `hops` legal steps, and are symmetric", () => {
    fc.assert(
      fc.property(arbWorld, fc.nat(), fc.nat(), (w, ta, tb) => {
        const fields = new HopFields(routeGraph(w));
        const a = ta % w.grid.size;
        const b = tb % w.grid.size;
        if (fields.field(a).hops[b] !== fields.field(b).hops[a]) return false;
        const f = fields.field(a);
        for (let c = 0; c < w.grid.size; c++) {
          let h = f.hops[c]!;
          if (h < 0) continue;
          let at = c;
          while (at !== a) {
            const nx = f.next[at]!;
            if (!canStep(w, at, nx)) return false;
            at = nx;
            h--;
          }
          if (h !== 0) return false;
        }
        return true;
      }),
    );
  });

  it("with countries, a hop field keeps to the target's country wherever a path inside it exists", () => {
    fc.assert(
      fc.property(arbWorld, fc.nat(), (w, ta) => {
        const g = routeGraph(w);
        const fields = new HopFields(g, 16, w.country);
        const t = ta % w.grid.size;
        const k = w.country[t]!;
        // Cells that reach t without leaving its country: a breadth-first search of our own.
        const inside = new Uint8Array(w.grid.size);
        const queue = [t];
        inside[t] = g.blocked[t] === 0 ? 1 : 0;
        for (let i = 0; i < queue.length && inside[t]; i++) {
          const u = queue[i]!;
          for (let j = 0; j < 8; j++) {
            const v = g.into[u * 8 + j]!;
            if (v >= 0 && !inside[v] && w.country[v] === k) {
              inside[v] = 1;
              queue.push(v);
            }
          }
        }
        const f = fields.field(t);
        for (let c = 0; c < w.grid.size; c++) {
          if (!inside[c]) continue;
          for (let at = c; at !== t; at = f.next[at]!) if (w.country[at] !== k) return false;
        }
        return true;
      }),
    );
  });

  it("operational tempo: a band strikes only after its preparation, and crosses only after a campaign's", () => {
    const bands = store([50, 0]);
    const id = bands.order()[0]!;
    const r = { ...RULES, operationPrepDays: 10, incursionPrepDays: 30 };
    const rng = createRngHub(1).stream("t");
    prepareDay(bands, id, r, rng); // first day: both counts drawn below their preparation
    expect(bands.col.sinceOp[id]).toBeLessThan(10);
    expect(bands.col.sinceCampaign[id]).toBeLessThan(30);
    bands.col.sinceOp[id] = 0;
    bands.col.sinceCampaign[id] = 0;
    const ready: [boolean, boolean][] = [];
    for (let d = 1; d <= 30; d++) {
      prepareDay(bands, id, r, rng);
      ready.push([prepared(bands, id, r, false), prepared(bands, id, r, true)]);
    }
    expect(ready.findIndex(([s]) => s) + 1).toBe(10);
    expect(ready.findIndex(([, c]) => c) + 1).toBe(30);
  });

  it("a band marching from Takhar to Dushanbe crosses the Panj at a crossing, and counts one incursion", () => {
    const world = corridorWorld();
    const fields = new HopFields(routeGraph(world));
    const bands = createBands();
    const start = 26 * 40 + 21; // Takhar road
    const dushanbe = 18 * 40 + 11;
    stageBand(bands, {
      group: 0,
      motive: 0,
      home: world.province[start]!,
      homeCountry: world.country[start]!,
      cell: start,
      fighters: 50,
      cashUsd: 0,
      weapons: 50,
    });
    bands.flush();
    const id = bands.order()[0]!;
    bands.col.action[id] = ACT_TAX;
    bands.col.target[id] = dushanbe;
    const log = new MoveLog();
    const out = new BandOutcomes();
    for (let d = 0; d < 60 && bands.col.cell[id] !== dushanbe; d++) {
      expect(
        moveBand(
          { bands, world, fields, rules: RULES, log, out, block: NO_SCREEN, attempts: new MoveLog() },
          id,
          2,
        ),
      ).toBe(true);
    }
    expect(bands.col.cell[id]).toBe(dushanbe);
    for (let i = 0; i < log.length; i++) expect(canStep(world, log.from[i]!, log.to[i]!)).toBe(true);
    expect(out.incursions[2]).toBe(1);
    expect(out.fightersCrossed[2]).toBe(50);
  });
});
