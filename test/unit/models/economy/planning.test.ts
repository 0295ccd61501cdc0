/**
 * Re-planning pieces: searches that stop once the cells that matter are settled give the same
 * routes there; lots split after losses past tolerance and re-merge after calm reviews; priors
 * split base detection by corruption; expected prices adapt toward the market price.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Market } from "../../../../src/models/economy/market.js";
import { Organisations } from "../../../../src/models/economy/organisations.js";
import { economyParams } from "../../../../src/models/economy/params.js";
import { priorLayers } from "../../../../src/models/economy/priors.js";
import { crossingDetection, transportCost } from "../../../../src/models/economy/transport.js";
import { corridorWorld } from "../../../../src/worlds/corridor.js";
import { graphField, routeGraph } from "../../../../src/worlds/route-graph.js";
import { arbWorld } from "../../worlds/fixtures.js";

describe("graphField with stop cells", () => {
  it("is exact on the stop cells, on the nearest of the any-cells, and on their routes", () => {
    fc.assert(
      fc.property(
        arbWorld,
        fc.nat(),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        (w, k, picks, anyPicks) => {
          const cost = transportCost(w);
          const gr = routeGraph(w);
          const src = [k % w.grid.size];
          const full = graphField(gr, cost, src);
          const cells = Int32Array.from(picks, (p) => p % w.grid.size);
          const any = Int32Array.from(anyPicks, (p) => p % w.grid.size);
          const mark = new Uint8Array(w.grid.size);
          const part = graphField(gr, cost, src, undefined, { cells, n: cells.length, any, mark });
          expect(mark.every((x) => x === 0)).toBe(true);
          const exactFrom = (c: number) => {
            for (let a = c, steps = 0; a >= 0 && steps <= w.grid.size; a = part.next[a]!, steps++) {
              expect(part.dist[a]).toBe(full.dist[a]);
              expect(part.next[a]).toBe(full.next[a]);
            }
          };
          for (const c of cells) exactFrom(c);
          if (any.length > 0) {
            // The launch cell a re-plan picks: the least-cost any-cell (first on ties).
            let best = any[0]!;
            for (const c of any) if (part.dist[c]! < part.dist[best]!) best = c;
            expect(part.dist[best]).toBe(Math.min(...Array.from(any, (c) => full.dist[c]!)));
            exactFrom(best);
            for (const c of any) expect(part.dist[c]!).toBeGreaterThanOrEqual(full.dist[c]!);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("lot splitting", () => {
  const orgs = () => new Organisations([{ capitalUsd: 1e6, riskTolerance: 0.1, lotKg: 20, home: 0 }], 4);

  it("halves the lot past tolerance down to the floor, and regrows it to the base lot", () => {
    const o = orgs();
    o.valueSincePlan[0] = 1000;
    o.lossSincePlan[0] = 200; // 20 % lost, tolerance 10 %
    o.resizeLot(0, 0.5, 5);
    expect(o.lotKg[0]).toBe(10);
    o.resizeLot(0, 0.5, 5);
    o.resizeLot(0, 0.5, 5);
    expect(o.lotKg[0]).toBe(5);
    o.lossSincePlan[0] = 50; // 5 %: within tolerance
    o.resizeLot(0, 0.5, 5);
    expect(o.lotKg[0]).toBe(10);
    for (let i = 0; i < 4; i++) o.resizeLot(0, 0.5, 5);
    expect(o.lotKg[0]).toBe(20);
  });

  it("counts losses against the value sent, not against capital", () => {
    const o = orgs();
    o.lossSincePlan[0] = 1;
    expect(o.pastTolerance(0)).toBe(true); // a loss with nothing sent since the plan
    o.valueSincePlan[0] = 100;
    expect(o.pastTolerance(0)).toBe(false);
  });
});

describe("priors", () => {
  it("split base detection into bribe (× corruption) and seizure (× 1 − corruption)", () => {
    const w = corridorWorld();
    const base = crossingDetection(w);
    const p = economyParams.parse({ security: { TJ: { corruption: 0.3 }, KG: { corruption: 0.95 } } });
    const { seize, bribe } = priorLayers(w, base, p);
    let checked = 0;
    for (let c = 0; c < base.length; c++) {
      expect(seize[c]! + bribe[c]!).toBeCloseTo(base[c]!, 12);
      const code = w.countries[w.country[c]!];
      if (base[c]! > 0 && code === "TJ") {
        expect(bribe[c]).toBeCloseTo(0.3 * base[c]!, 12);
        checked++;
      }
      // At or above the collusion level every detection is bought off.
      if (base[c]! > 0 && code === "KG") expect(seize[c]).toBe(0);
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe("expected price", () => {
  it("moves a share 1 − exp(−1/τ) of the way to each day's price", () => {
    const attrs = { demandKgPerDay: 10, basePriceUsdPerKg: 1000, elasticity: 0.3 };
    const m = new Market(attrs, { windowDays: 5, band: 3, expectationDays: 20 });
    const before = m.expected;
    m.closeDay(); // nothing delivered: the price jumps
    const a = 1 - Math.exp(-1 / 20);
    expect(m.price).toBeGreaterThan(before);
    expect(m.expected).toBeCloseTo(before + a * (m.price - before), 9);
    const spot = new Market(attrs, { windowDays: 5, band: 3 });
    spot.closeDay();
    expect(spot.expected).toBe(spot.price);
  });
});
