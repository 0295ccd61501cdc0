/** Small random worlds for property tests, built straight from a RegionMap and a province table. */
import fc from "fast-check";
import type { RegionInfo, RegionMap } from "../../../src/core/region-map.js";
import { buildWorld } from "../../../src/worlds/build.js";
import type { ProvinceAttributes, World } from "../../../src/worlds/types.js";

/** A province row with neutral attributes (tests of geometry do not read them). */
export function plainProvince(name: string, country: string, ruggedness = 0): ProvinceAttributes {
  return {
    name,
    country,
    stateCapacity: 0.5,
    legitimacy: 0.5,
    corruption: 0.5,
    hardship: 0.5,
    ruggedness,
    productionKgPerDay: 0,
  };
}

/** Build or throw (fixtures must be valid). */
export function mustBuild(map: RegionMap, provinces: ProvinceAttributes[]): World {
  const res = buildWorld(map, provinces);
  if (!res.ok) throw new Error(res.problems.map((e) => `${e.path} ${e.message}`).join("; "));
  return res.world;
}

/** A random world: up to 6×6, up to 6 legend entries over 3 countries, blocked cells and crossings. */
export const arbWorld = fc
  .record({
    w: fc.integer({ min: 1, max: 6 }),
    h: fc.integer({ min: 1, max: 6 }),
    torus: fc.boolean(),
    entries: fc.array(
      fc.record({
        country: fc.constantFrom("A", "B", ""),
        blocked: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
        road: fc.boolean(),
        crossing: fc.constantFrom(undefined, undefined, undefined, "official", "informal"),
        ruggedness: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    seed: fc.array(fc.nat(), { minLength: 36, maxLength: 36 }),
  })
  .map(({ w, h, torus, entries, seed }) => {
    const regions: RegionInfo[] = entries.map((e, k) => ({
      char: String.fromCharCode(65 + k),
      province: `p${k}`,
      blocked: e.blocked && e.crossing === undefined,
      road: e.road,
      ...(e.crossing === undefined ? {} : { crossing: e.crossing as "official" | "informal" }),
    }));
    const region = Int32Array.from({ length: w * h }, (_, c) => seed[c]! % entries.length);
    const provinces = entries.map((e, k) => plainProvince(`p${k}`, e.country, e.ruggedness));
    return mustBuild({ width: w, height: h, torus, region, regions }, provinces);
  });

/** Equal route costs: both unreachable, or within a relative 1e-9. */
export const closeCost = (a: number, b: number): boolean =>
  (a === Number.POSITIVE_INFINITY && b === Number.POSITIVE_INFINITY) ||
  Math.abs(a - b) <= 1e-9 * (1 + Math.abs(b));

/** A random world with a risk surcharge per cell and one to three market cells. */
export const arbRouteCase = arbWorld.chain((w) =>
  fc.record({
    world: fc.constant(w),
    surcharge: fc.array(fc.double({ min: 0, max: 500, noNaN: true }), {
      minLength: w.grid.size,
      maxLength: w.grid.size,
    }),
    markets: fc.uniqueArray(fc.nat({ max: w.grid.size - 1 }), { minLength: 1, maxLength: 3 }),
  }),
);
