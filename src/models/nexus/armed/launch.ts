/**
 * Where trafficking organisations' loads set out, as the armed side sees them: each
 * organisation's launch cell (where an escort joins its loads) and the kg it ships a day (what
 * its escort fee offer scales with, and what the nexus seeds its first flow with).
 */
import type { World } from "../../../worlds/types.js";
import { centreOf } from "../bands/targets.js";

/** Where each trafficking organisation launches its loads and how much it ships a day. */
export interface OrgLaunch {
  /** Launch cell per organisation (its home province's centre). */
  cell: Int32Array;
  /** Expected kg shipped per day per organisation (its share of its home's supply). */
  kgPerDay: Float64Array;
}

/** Launch cells and daily supply of organisations homed at `homes` (province indices). */
export function orgLaunch(world: World, homes: ArrayLike<number>): OrgLaunch {
  const n = homes.length;
  const perHome = new Map<number, number>();
  for (let o = 0; o < n; o++) perHome.set(homes[o]!, (perHome.get(homes[o]!) ?? 0) + 1);
  return {
    cell: Int32Array.from({ length: n }, (_, o) => centreOf(world, world.cellsOf[homes[o]!]!)),
    kgPerDay: Float64Array.from(
      { length: n },
      (_, o) => world.provinces[homes[o]!]!.productionKgPerDay / perHome.get(homes[o]!)!,
    ),
  };
}
