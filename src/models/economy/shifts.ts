/**
 * Shifts of the world's supply, prices and interdiction a scenario can switch on without editing
 * the map or the calibrated settings: `supplyScale` multiplies the heroin entering the map at every
 * producing province (traffickers sourcing elsewhere, a harvest moving south), `priceScale` a
 * market's base price (its buyers' USD purchasing power, e.g. a devaluation), `interdictionScale`
 * a country's unit strength (an agency abolished, a border programme). All default to no change; the
 * out-of-sample check of targets.md pattern P7 (docs/model.md, "Out of sample") switches them on.
 */
import { z } from "zod";
import type { World } from "../../worlds/types.js";

/** The shifts' parameters (`shifts:` in a scenario); the defaults leave the world and its security as they are. */
export const shiftParams = z
  .strictObject({
    supplyScale: z
      .number()
      .positive()
      .max(100)
      .default(1)
      .describe(
        "multiplies the heroin entering the map at every producing province (1: the world table's supply)",
      ),
    priceScale: z
      .record(z.string().min(1), z.number().positive().max(100))
      .default({})
      .describe(
        "per market (by name): multiplies its base price and so its price band (a shift of its buyers' USD purchasing power)",
      ),
    interdictionScale: z
      .record(z.string().min(1), z.number().positive().max(100))
      .default({})
      .describe(
        "per country (code): multiplies the strength of each of its security units, relative to `security.<code>.strength`",
      ),
  })
  .prefault({})
  .describe("shifts of supply, prices and interdiction relative to the scenario (targets.md pattern P7)");

/** The shifts as parsed. */
export type ShiftParams = z.output<typeof shiftParams>;

/** Names in `shifts` that the world does not have: `[key, name, the names it has]` per unknown one. */
export function unknownShiftNames(
  world: World,
  countries: readonly string[],
  s: ShiftParams,
): [key: "priceScale" | "interdictionScale", name: string, known: string[]][] {
  const markets = world.markets.map(([q]) => world.provinces[q]!.name);
  return [
    ...Object.keys(s.priceScale)
      .filter((n) => !markets.includes(n))
      .map((n) => ["priceScale", n, markets] as ["priceScale", string, string[]]),
    ...Object.keys(s.interdictionScale)
      .filter((n) => !countries.includes(n))
      .map((n) => ["interdictionScale", n, [...countries]] as ["interdictionScale", string, string[]]),
  ];
}

/** The security parameters with each country's unit strength times its `interdictionScale`. */
export function scaledSecurity<S extends Record<string, { strength: number }>>(
  security: S,
  s: ShiftParams,
): S {
  const out = { ...security };
  for (const [code, f] of Object.entries(s.interdictionScale)) {
    const c = out[code];
    if (c) (out as Record<string, { strength: number }>)[code] = { ...c, strength: c.strength * f };
  }
  return out;
}

/**
 * The world a run sees: `world` itself when nothing is shifted (the shared world, read-only),
 * else a copy whose province table has the scaled supply and base prices. Only the table is
 * copied: the grid and layers stay shared, so everything keyed on the layout still applies.
 */
export function shiftedWorld(world: World, p: ShiftParams): World {
  const scales = Object.entries(p.priceScale).filter(([, f]) => f !== 1);
  if (p.supplyScale === 1 && scales.length === 0) return world;
  const priceOf = new Map(scales);
  const provinces = world.provinces.map((q) => {
    const f = priceOf.get(q.name);
    return {
      ...q,
      productionKgPerDay: q.productionKgPerDay * p.supplyScale,
      market:
        q.market && f !== undefined
          ? { ...q.market, basePriceUsdPerKg: q.market.basePriceUsdPerKg * f }
          : q.market,
    };
  });
  return { ...world, provinces };
}
