/**
 * Shifts of the world's supply, demand, prices and interdiction a scenario can set without editing
 * the map: `supplyScale` multiplies the heroin entering the map at every producing province
 * (traffickers sourcing elsewhere, a harvest moving south), `demandScale` a market's demand (the
 * map's split of local consumption is an assumption; the real-map scenarios carry a fitted one),
 * `priceScale` a market's base price (its buyers' USD purchasing power, e.g. a devaluation),
 * `interdictionScale` a country's unit strength (an agency abolished, a border programme). All
 * default to no change; the out-of-sample check of targets.md pattern P7 (docs/model.md, "Out of
 * sample") switches the supply, price and interdiction shifts on.
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
    demandScale: z
      .record(z.string().min(1), z.number().positive().max(100))
      .default({})
      .describe(
        "per market (by name): multiplies its demand, the kg a day its buyers take at the base price (1: the world table's)",
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
  .describe(
    "shifts of supply, demand, prices and interdiction relative to the world table (targets.md pattern P7)",
  );

/** The shifts as parsed. */
export type ShiftParams = z.output<typeof shiftParams>;

/** Names in `shifts` that the world does not have: `[key, name, the names it has]` per unknown one. */
export function unknownShiftNames(
  world: World,
  countries: readonly string[],
  s: ShiftParams,
): [key: "demandScale" | "priceScale" | "interdictionScale", name: string, known: string[]][] {
  const markets = world.markets.map(([q]) => world.provinces[q]!.name);
  const unknownMarkets = (key: "demandScale" | "priceScale") =>
    Object.keys(s[key])
      .filter((n) => !markets.includes(n))
      .map((n) => [key, n, markets] as [typeof key, string, string[]]);
  return [
    ...unknownMarkets("demandScale"),
    ...unknownMarkets("priceScale"),
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
 * else a copy whose province table has the scaled supply, demands and base prices. Only the table
 * is copied: the grid and layers stay shared, so everything keyed on the layout still applies.
 */
export function shiftedWorld(world: World, p: ShiftParams): World {
  const changed = (r: Record<string, number>) => new Map(Object.entries(r).filter(([, f]) => f !== 1));
  const priceOf = changed(p.priceScale);
  const demandOf = changed(p.demandScale);
  if (p.supplyScale === 1 && priceOf.size === 0 && demandOf.size === 0) return world;
  const provinces = world.provinces.map((q) => {
    const price = priceOf.get(q.name) ?? 1;
    const demand = demandOf.get(q.name) ?? 1;
    return {
      ...q,
      productionKgPerDay: q.productionKgPerDay * p.supplyScale,
      market:
        q.market && (price !== 1 || demand !== 1)
          ? {
              ...q.market,
              basePriceUsdPerKg: q.market.basePriceUsdPerKg * price,
              demandKgPerDay: q.market.demandKgPerDay * demand,
            }
          : q.market,
    };
  });
  return { ...world, provinces };
}
