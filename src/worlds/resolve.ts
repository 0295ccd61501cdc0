/**
 * The worlds a model can run on, by name: the stylised 40 × 30 corridor world and the real
 * Central Asia map. Each comes with its named crossings, so a scenario can close or reinforce a
 * crossing by name whichever world it picks.
 */
import { centralAsiaCrossings, centralAsiaWorld } from "./central-asia.js";
import { corridorWorld } from "./corridor.js";
import { corridorCrossings, type NamedCrossing } from "./crossings.js";
import type { World } from "./types.js";

/** Names of the worlds in the catalog. */
export const WORLD_NAMES = ["corridor", "central-asia"] as const;

/** A world's name. */
export type WorldName = (typeof WORLD_NAMES)[number];

/** A world and its named crossings. */
export interface CatalogWorld {
  /** The built world (the Central Asia one is shared per process: read-only). */
  world: World;
  /** Its crossings, by legend character or id and by name. */
  crossings: NamedCrossing[];
}

/** The world called `name` with its crossings. */
export function worldByName(name: WorldName): CatalogWorld {
  switch (name) {
    case "corridor":
      return { world: corridorWorld(), crossings: corridorCrossings() };
    case "central-asia":
      return { world: centralAsiaWorld(), crossings: centralAsiaCrossings() };
  }
}

/** Names of the provinces where heroin enters the world (production > 0), in table order. */
export function producersOf(world: World): string[] {
  return world.provinces.filter((q) => q.productionKgPerDay > 0).map((q) => q.name);
}
