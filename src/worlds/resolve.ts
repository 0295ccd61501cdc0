/**
 * Which world is this? The one place that answers, for `run` and the study workers (the models
 * look their world up by name here), `pamir map` and the report. A world is named (the stylised
 * 40 × 30 corridor world, the real Central Asia map), or a map file, or a scenario's ASCII map;
 * each resolves to its drawing shapes and, where it has a province table, its built World with
 * named crossings, so a scenario can close or reinforce a crossing by name whichever world it picks.
 */

import type { Problem } from "../core/problems.js";
import type { RegionMap } from "../core/region-map.js";
import { outlineOfCells } from "../map/draw/from-cells.js";
import { outlineOfMapFile } from "../map/draw/from-file.js";
import type { MapOutline } from "../map/draw/outline.js";
import { loadBundledMap } from "../map/file/bundled.js";
import { loadCentralAsiaMap } from "../map/file/load.js";
import type { CentralAsiaMap } from "../map/file/types.js";
import { centralAsiaCrossings, centralAsiaWorld, type MapWorldResult, worldFromMap } from "./central-asia.js";
import { CORRIDOR_PROVINCES, corridorRegionMap, corridorWorld } from "./corridor.js";
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

/** What names a world: a catalogue name, a map file, or a cell map (a scenario's ASCII map). */
export type WorldSource =
  | { kind: "named"; name: WorldName }
  | { kind: "file"; path: string }
  | { kind: "cells"; map: RegionMap; name: string };

/** A world resolved: what it is called, what it is drawn from, and how to build it. */
export interface ResolvedWorld {
  /** The catalogue name, the map file's path, or the scenario's name for a cell map. */
  name: string;
  /** The map file it is drawn from, when it has one (the named Central Asia world: the shipped file). */
  mapFile?: CentralAsiaMap | undefined;
  /** Its drawing shapes (built on first use and kept). */
  outline(): MapOutline;
  /** Its drug-route World with named crossings; absent for a cell map, which has no province table. */
  build?: (() => MapWorldResult) | undefined;
}

/** The parts of a loaded scenario that say which world it runs on. */
export interface ScenarioWorldParts {
  name: string;
  params: unknown;
  mapFile?: string | undefined;
  map?: RegionMap | undefined;
}

/**
 * The world a scenario runs on: the map file `map:` names, else the world `params.world` names,
 * else its ASCII map; undefined when it has none (Schelling on a plain grid).
 */
export function worldSourceOf(sc: ScenarioWorldParts): WorldSource | undefined {
  if (sc.mapFile !== undefined) return { kind: "file", path: sc.mapFile };
  const world = (sc.params as { world?: unknown } | null)?.world;
  if (isWorldName(world)) return { kind: "named", name: world };
  if (sc.map) return { kind: "cells", map: sc.map, name: sc.name };
  return undefined;
}

/** Whether `v` names a world of the catalogue. */
export function isWorldName(v: unknown): v is WorldName {
  return (WORLD_NAMES as readonly unknown[]).includes(v);
}

/** The named worlds, resolved once per process (their shapes and the shipped map are shared). */
const named = new Map<WorldName, ResolvedWorld>();

/** Resolve `source`; a map file that cannot be loaded gives its problems. */
export function resolveWorld(
  source: WorldSource,
): { ok: true; world: ResolvedWorld } | { ok: false; problems: Problem[] } {
  switch (source.kind) {
    case "named":
      return { ok: true, world: namedWorld(source.name) };
    case "file": {
      const r = loadCentralAsiaMap(source.path);
      return r.ok ? { ok: true, world: mapFileWorld(source.path, r.map) } : r;
    }
    case "cells": {
      const { map, name } = source;
      const caption = `${name}: its cell map (${map.width} × ${map.height} cells)`;
      return { ok: true, world: { name, outline: once(() => outlineOfCells(map, { name, caption })) } };
    }
  }
}

/** The catalogue world `name`, resolved. */
export function namedWorld(name: WorldName): ResolvedWorld {
  let w = named.get(name);
  if (!w) {
    // The shipped map's World is built once per process by the catalogue; share it.
    const build = (): MapWorldResult => ({ ok: true, ...worldByName(name) });
    w = name === "corridor" ? corridorResolved(build) : { ...mapFileWorld(name, loadBundledMap()), build };
    named.set(name, w);
  }
  return w;
}

/**
 * When nothing says which world a study ran on (results without a manifest or scenario file):
 * the catalogue world whose provinces hold the most of `names`, with the names it lacks; ties go
 * to the smaller world, which the names fit more tightly. Undefined when no world holds any.
 */
export function guessWorld(
  names: readonly string[],
): { world: ResolvedWorld; unmatched: string[] } | undefined {
  let best: { world: ResolvedWorld; unmatched: string[]; size: number } | undefined;
  for (const key of WORLD_NAMES) {
    const world = namedWorld(key);
    const provinces = world.outline().provinces;
    const have = new Set(provinces.map((p) => p.name));
    const unmatched = names.filter((n) => !have.has(n));
    const matched = names.length - unmatched.length;
    const bestMatched = best ? names.length - best.unmatched.length : 0;
    const better =
      !best || matched > bestMatched || (matched === bestMatched && provinces.length < best.size);
    if (matched > 0 && better) best = { world, unmatched, size: provinces.length };
  }
  return best && { world: best.world, unmatched: best.unmatched };
}

/** The corridor world: its cells, drawn with the countries of its province table. */
function corridorResolved(build: () => MapWorldResult): ResolvedWorld {
  const countryOf = (province: string) => CORRIDOR_PROVINCES.find((q) => q.name === province)?.country;
  const caption = "the stylised Northern Route corridor (40 × 30 cells of about 50 km)";
  return {
    name: "corridor",
    outline: once(() =>
      outlineOfCells(corridorRegionMap(), { name: "the corridor world", caption, countryOf }),
    ),
    build,
  };
}

/** A world drawn from a loaded map file and built with `worldFromMap`. */
function mapFileWorld(name: string, map: CentralAsiaMap): ResolvedWorld {
  return { name, mapFile: map, outline: once(() => outlineOfMapFile(map)), build: () => worldFromMap(map) };
}

/** `make`, called on first use only. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}
