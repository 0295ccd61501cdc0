/**
 * Mechanisms of the economy, each over 20 seeds and asserting directions only: security on a
 * corridor raises perceived risk there and moves flow off it; corruption trades seizures for
 * bribes; a seizure shock at a market raises its price; closing official crossings shifts flow
 * to informal ones; more losses split shipments into smaller lots.
 */
import { describe, expect, it } from "vitest";
import { economyParams } from "../../../../src/models/economy/params.js";
import { economyRun } from "../../../../src/models/economy/schedule.js";
import { findCrossing } from "../../../../src/worlds/crossings.js";

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const make = (raw: object, seed: number) => economyRun(economyParams.parse(raw), seed);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe("economy mechanisms (20 seeds each)", () => {
  it("raising security on a corridor raises perceived risk there and moves later loads elsewhere", () => {
    const risk: number[][] = [[], []];
    const share: number[][] = [[], []];
    SEEDS.forEach((seed) => {
      [0, 1].forEach((arm) => {
        const raw = arm
          ? { reinforcements: [{ crossing: "4", units: 3, agency: "drugs", fromDay: 20 }] }
          : {};
        const { economy: e, simulation } = make(raw, seed);
        const k = e.crossings.indexOf(findCrossing(e.crossings, "4")!);
        simulation.run(60);
        const before = e.ledger.throughCrossing[k]!;
        const beforeAll = e.ledger.crossedOfficial + e.ledger.crossedInformal;
        simulation.run(120);
        const cells = e.crossings[k]!.cells;
        let r = 0;
        for (let o = 0; o < e.orgs.n; o++) for (const c of cells) r += e.orgs.risk(o, c, e.prior, 5);
        risk[arm]!.push(r);
        const all = e.ledger.crossedOfficial + e.ledger.crossedInformal - beforeAll;
        share[arm]!.push((e.ledger.throughCrossing[k]! - before) / Math.max(1, all));
      });
    });
    expect(mean(risk[1]!)).toBeGreaterThan(mean(risk[0]!));
    expect(mean(share[1]!)).toBeLessThan(mean(share[0]!));
  });

  it("higher corruption lowers seizures and raises bribes paid", () => {
    const seized: number[][] = [[], []];
    const bribes: number[][] = [[], []];
    const all = (c: number) =>
      Object.fromEntries(["TJ", "UZ", "KG", "KZ", "RU", "CN"].map((k) => [k, { corruption: c }]));
    SEEDS.forEach((seed) => {
      [0.2, 0.8].forEach((c, arm) => {
        const { economy: e, simulation } = make({ security: all(c) }, seed);
        simulation.run(90);
        seized[arm]!.push(e.ledger.seizedTotal());
        bribes[arm]!.push(e.ledger.bribesUsd);
      });
    });
    expect(mean(seized[1]!)).toBeLessThan(mean(seized[0]!));
    expect(mean(bribes[1]!)).toBeGreaterThan(mean(bribes[0]!));
  });

  it("a seizure shock at a market raises its price", () => {
    const price: number[][] = [[], []];
    SEEDS.forEach((seed) => {
      [0, 1].forEach((arm) => {
        // Police at every way into Russia seize loads bound for its market.
        const shock = ["+", "-"].map((crossing) => ({ crossing, units: 5, agency: "police", fromDay: 150 }));
        const raw = { reinforcements: arm ? shock : [] };
        const { economy: e, simulation } = make(raw, seed);
        const m = e.marketNames.indexOf("Russia");
        let sum = 0;
        // Loads take months to reach Russia, so the shock comes after the first deliveries settle.
        for (let t = 0; t < 270; t++) {
          simulation.step();
          if (t >= 180) sum += e.markets[m]!.price;
        }
        price[arm]!.push(sum / 90);
      });
    });
    expect(mean(price[1]!)).toBeGreaterThan(mean(price[0]!));
  });

  it("more losses make organisations split shipments: smaller mean lots, more shipments per kg", () => {
    const lot: number[][] = [[], []];
    const lost: number[][] = [[], []];
    // Every unit four times as strong: more detections, so more seizures and bribes.
    const strong = Object.fromEntries(["TJ", "UZ", "KG", "KZ", "RU", "CN"].map((k) => [k, { strength: 4 }]));
    SEEDS.forEach((seed) => {
      [0, 1].forEach((arm) => {
        const { economy: e, simulation } = make(arm ? { security: strong } : {}, seed);
        simulation.run(60);
        const l = e.ledger;
        lot[arm]!.push(l.dispatched / l.shipments);
        lost[arm]!.push(l.seizedTotal() + l.bribes);
      });
    });
    expect(mean(lost[1]!)).toBeGreaterThan(mean(lost[0]!));
    expect(mean(lot[1]!)).toBeLessThan(mean(lot[0]!));
  });

  it("closing the official Afghan-border crossings shifts flow to informal ones", () => {
    const informal: number[][] = [[], []];
    SEEDS.forEach((seed) => {
      [0, 1].forEach((arm) => {
        const closed = arm ? ["1", "2", "3"].map((crossing) => ({ crossing })) : [];
        const { economy: e, simulation } = make({ closedCrossings: closed }, seed);
        simulation.run(90);
        const l = e.ledger;
        informal[arm]!.push(l.crossedInformal / Math.max(1, l.crossedInformal + l.crossedOfficial));
      });
    });
    expect(mean(informal[1]!)).toBeGreaterThan(mean(informal[0]!));
  });
});
