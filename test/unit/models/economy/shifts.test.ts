/**
 * The shifts of targets.md pattern P7 (`params.shifts`): each moves its direct outcome, over 20
 * paired seeds on the corridor world with a 95 % t interval of the paired difference; the defaults
 * leave the shared world untouched; unknown names are located problems.
 */
import { describe, expect, it } from "vitest";
import { checkEconomy } from "../../../../src/models/economy/model.js";
import { economyParams } from "../../../../src/models/economy/params.js";
import { economyRun } from "../../../../src/models/economy/schedule.js";
import { scaledSecurity, shiftedWorld } from "../../../../src/models/economy/shifts.js";
import type { Economy } from "../../../../src/models/economy/state.js";
import { describeSample } from "../../../../src/stats/describe.js";
import { worldByName } from "../../../../src/worlds/resolve.js";

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const DAYS = 120;

/**
 * Russia on the real map as the route-control scenario has it: one border unit on the sink cells
 * (on the corridor world loads are delivered as they enter Russia, so Russia seizes nothing).
 */
const REAL_MAP = {
  world: "central-asia",
  security: { RU: { units: 1, doctrine: { border: 1, corridor: 0, capital: 0 } } },
};

/** Paired differences (shifted − default) of `measure` over the seeds, after `days` days on `base`. */
function pairedDiffs(shifts: object, measure: (e: Economy) => number, base: object = {}, days = DAYS) {
  return SEEDS.map((seed) => {
    const [a, b] = [base, { ...base, shifts }].map((raw) => {
      const { economy, simulation } = economyRun(economyParams.parse(raw), seed);
      simulation.run(days);
      return measure(economy);
    });
    return b! - a!;
  });
}

/** kg seized by the country `code`. */
const seizedIn = (code: string) => (e: Economy) => e.ledger.seizedByCountry[e.world.countries.indexOf(code)]!;

/** Mean closing price of the market `name` after the warm-up. */
const meanPrice = (name: string) => (e: Economy) => e.priceSum[e.marketNames.indexOf(name)]! / e.priceDays;

describe("shifts of supply, prices and interdiction (pattern P7)", () => {
  it("default shifts return the shared world and security as they are", () => {
    const { world } = worldByName("corridor");
    const p = economyParams.parse({});
    expect(shiftedWorld(world, p.shifts)).toBe(world);
    expect(scaledSecurity(p.security, p.shifts)).toEqual(p.security);
  });

  it("supplyScale scales every producer's supply and leaves the shared world alone", () => {
    const { world } = worldByName("corridor");
    const before = world.provinces.map((q) => q.productionKgPerDay);
    const shifted = shiftedWorld(world, economyParams.parse({ shifts: { supplyScale: 0.5 } }).shifts);
    expect(shifted.provinces.map((q) => q.productionKgPerDay)).toEqual(before.map((kg) => kg * 0.5));
    expect(world.provinces.map((q) => q.productionKgPerDay)).toEqual(before);
  });

  it("supplyScale 0.58 lowers the kg delivered (20 seeds, 95 % interval below 0)", () => {
    const d = describeSample(pairedDiffs({ supplyScale: 0.58 }, (e) => e.ledger.deliveredTotal()));
    expect(d.ciHigh).toBeLessThan(0);
  });

  it("interdictionScale KZ 1.75 raises Kazakh seizures (20 seeds, 95 % interval above 0)", () => {
    const d = describeSample(pairedDiffs({ interdictionScale: { KZ: 1.75 } }, seizedIn("KZ")));
    expect(d.ciLow).toBeGreaterThan(0);
  });

  it("interdictionScale RU 0.29 lowers Russian seizures on the real map (20 seeds, 95 % interval below 0)", () => {
    const d = describeSample(pairedDiffs({ interdictionScale: { RU: 0.29 } }, seizedIn("RU"), REAL_MAP, 150));
    expect(d.ciHigh).toBeLessThan(0);
  });

  it("priceScale Russia 0.875 lowers Russia's mean price (20 seeds, 95 % interval below 0)", () => {
    const d = describeSample(pairedDiffs({ priceScale: { Russia: 0.875 } }, meanPrice("Russia")));
    expect(d.ciHigh).toBeLessThan(0);
  });

  it("demandScale Kazakhstan 1.5 raises Kazakhstan's mean price (20 seeds, 95 % interval above 0)", () => {
    // More buyers at the base price take the same arrivals at a higher clearing price.
    const d = describeSample(pairedDiffs({ demandScale: { Kazakhstan: 1.5 } }, meanPrice("Kazakhstan")));
    expect(d.ciLow).toBeGreaterThan(0);
  });

  it("demandScale scales that market's demand only and leaves the shared world alone", () => {
    const { world } = worldByName("corridor");
    const demand = () => world.provinces.map((q) => q.market?.demandKgPerDay);
    const before = demand();
    const shifted = shiftedWorld(
      world,
      economyParams.parse({ shifts: { demandScale: { Kazakhstan: 2 } } }).shifts,
    );
    expect(shifted.provinces.map((q) => q.market?.demandKgPerDay)).toEqual(
      world.provinces.map((q) =>
        q.market && q.name === "Kazakhstan" ? q.market.demandKgPerDay * 2 : q.market?.demandKgPerDay,
      ),
    );
    expect(shifted.provinces.find((q) => q.name === "Kazakhstan")?.market?.basePriceUsdPerKg).toBe(
      world.provinces.find((q) => q.name === "Kazakhstan")?.market?.basePriceUsdPerKg,
    );
    expect(demand()).toEqual(before);
  });

  it("names a market or country the world lacks as a problem under shifts", () => {
    const p = economyParams.parse({
      shifts: { demandScale: { Tashkent: 2 }, priceScale: { Moscow: 0.8 }, interdictionScale: { XX: 2 } },
    });
    const paths = checkEconomy(p).map((e) => e.path.join("."));
    expect(paths).toEqual([
      "shifts.demandScale.Tashkent",
      "shifts.priceScale.Moscow",
      "shifts.interdictionScale.XX",
    ]);
  });
});
