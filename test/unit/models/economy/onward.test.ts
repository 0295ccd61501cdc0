/**
 * Onward trade between markets (onward.ts, Market.passOn): the equalising shift brings two markets
 * to one supply-to-demand ratio and never runs backwards; passing on keeps every kilogram; a glut
 * cascades along a chain in one day; in a run a glutted market's price rises when it can sell on
 * (20 paired seeds, 95 % interval); unknown names are located problems.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Market } from "../../../../src/models/economy/market.js";
import { checkEconomy } from "../../../../src/models/economy/model.js";
import { equalisingShift, tradeOnward, tradingOrder } from "../../../../src/models/economy/onward.js";
import { economyParams } from "../../../../src/models/economy/params.js";
import { economyRun } from "../../../../src/models/economy/schedule.js";
import { describeSample } from "../../../../src/stats/describe.js";

const kgDay = fc.double({ min: 0, max: 1000, noNaN: true });
const demand = fc.double({ min: 0.1, max: 1000, noNaN: true });

/** A market with demand `d` kg/day and base price `p`, whose window holds `supply` kg every day. */
function marketAt(d: number, p: number, supply: number): Market {
  const m = new Market({ demandKgPerDay: d, basePriceUsdPerKg: p, elasticity: 0.3 });
  for (let i = 0; i < m.params.windowDays; i++) {
    m.deliver(supply);
    m.roll();
  }
  return m;
}

describe("equalisingShift", () => {
  it("moves at most what the first market has and equalises the ratios when it moves", () => {
    fc.assert(
      fc.property(kgDay, demand, kgDay, demand, (sa, da, sb, db) => {
        const x = equalisingShift(sa, da, sb, db);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(sa);
        if (sa * db <= sb * da) expect(x).toBe(0);
        else expect((sa - x) / da).toBeCloseTo((sb + x) / db, 6);
      }),
    );
  });
});

describe("Market.passOn", () => {
  it("keeps every kilogram: what leaves one window arrives in the other", () => {
    fc.assert(
      fc.property(kgDay, kgDay, fc.double({ min: 0, max: 1, noNaN: true }), (sa, sb, f) => {
        const a = marketAt(5, 9000, sa);
        const b = marketAt(50, 30000, sb);
        const W = a.params.windowDays;
        const moved = a.passOn(b, sa * f);
        expect(moved).toBeCloseTo(sa * f * W, 6);
        expect((a.smoothedSupply() + b.smoothedSupply()) * W).toBeCloseTo((sa + sb) * W, 6);
        expect(a.smoothedSupply()).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("refuses to pass on more than the market holds", () => {
    const a = marketAt(5, 9000, 2);
    expect(() => a.passOn(marketAt(50, 30000, 50), 3)).toThrow(RangeError);
  });
});

describe("tradeOnward", () => {
  it("cascades a glut along a chain in one day when the links are taken cheapest first", () => {
    const chain = [marketAt(3, 2450, 30), marketAt(3, 8950, 3), marketAt(70, 30000, 70)];
    // Given upstream last: the trading order puts Dushanbe → Osh before Osh → Russia.
    const links = tradingOrder(chain, [
      { from: 1, to: 2 },
      { from: 0, to: 1 },
    ]);
    expect(links.map((l) => l.from)).toEqual([0, 1]);
    const passed = new Float64Array(3);
    tradeOnward(chain, links, 1, passed);
    expect(passed[0]).toBeGreaterThan(0);
    expect(passed[1]).toBeGreaterThan(0);
    const ratios = chain.map((m) => m.smoothedSupply() / m.attrs.demandKgPerDay);
    // Dushanbe and Osh equalised first, then Osh with Russia: Osh and Russia end level, Dushanbe
    // keeps the ratio it reached with Osh (it gets no second pass until tomorrow).
    expect(ratios[1]).toBeCloseTo(ratios[2]!, 9);
    expect(ratios[0]).toBeGreaterThan(ratios[1]!);
    expect(ratios[0]).toBeLessThan(30 / 3);
  });

  it("passes nothing upstream of a glut: a short market does not sell to a glutted one", () => {
    const chain = [marketAt(3, 8950, 1), marketAt(70, 30000, 140)];
    const passed = new Float64Array(2);
    tradeOnward(chain, [{ from: 0, to: 1 }], 1, passed);
    expect([...passed]).toEqual([0, 0]);
  });
});

describe("onward trade in a run (corridor world)", () => {
  it("a glutted Osh selling on to Russia has a higher mean price (20 paired seeds, 95 % interval above 0)", () => {
    const glut = { shifts: { demandScale: { Osh: 0.3 } } };
    const meanOsh = (raw: object, seed: number) => {
      const { economy: e, simulation } = economyRun(economyParams.parse(raw), seed);
      simulation.run(150);
      const m = e.marketNames.indexOf("Osh");
      return { price: e.priceSum[m]! / e.priceDays, passed: e.passedOn[m]! };
    };
    const runs = Array.from({ length: 20 }, (_, i) => {
      const off = meanOsh(glut, i + 1);
      const on = meanOsh({ ...glut, market: { onward: { Osh: "Russia" }, onwardShare: 0.2 } }, i + 1);
      expect(off.passed).toBe(0);
      return { diff: on.price - off.price, passed: on.passed };
    });
    expect(describeSample(runs.map((r) => r.diff)).ciLow).toBeGreaterThan(0);
    expect(runs.every((r) => r.passed > 0)).toBe(true);
  });
});

describe("checkEconomy: onward links", () => {
  it("names an unknown market or a self-link as a problem at its key", () => {
    const p = economyParams.parse({
      market: { onward: { Tashkent: "Russia", Osh: "Moscow", Russia: "Russia" } },
    });
    expect(checkEconomy(p).map((e) => `${e.path.join(".")}: ${e.message.split(" (")[0]}`)).toEqual([
      "market.onward.Tashkent: unknown from market Tashkent",
      "market.onward.Osh: unknown to market Moscow",
      "market.onward.Russia: a market cannot trade with itself",
    ]);
  });
});
