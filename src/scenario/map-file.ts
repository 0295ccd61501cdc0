/**
 * Scenarios that name a map file (`map: maps/central-asia.json`): the path is relative to the
 * scenario file, the map is loaded and checked by the map loader and handed to the model as a
 * RegionMap. Loads are kept per process, keyed by path, size and modification time, so a study
 * that loads one scenario per run (or per worker) reads and checks the map once.
 */
import { statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { RegionMap } from "../core/model.js";
import { type Problem, problem } from "../core/problems.js";
import { loadCentralAsiaMap, type MapLoadResult } from "../map/file/load.js";
import { regionMapOf } from "../map/file/region-map.js";
import type { CentralAsiaMap } from "../map/file/types.js";

/** A map file loaded for a scenario, or the problems that stopped it, worded for the scenario's `map` entry. */
export type MapFileResult =
  | { ok: true; file: string; map: CentralAsiaMap; region: RegionMap }
  | { ok: false; file: string; problems: Problem[] };

/** The file a scenario's `map:` names: relative paths are taken from the scenario file's directory. */
export function mapFilePath(scenarioFile: string, given: string): string {
  return resolve(dirname(scenarioFile), given);
}

interface Entry {
  stamp: string;
  result: MapLoadResult;
  region?: RegionMap;
}

const cache = new Map<string, Entry>();

/** The map file named `given` in the scenario at `scenarioFile`, loaded (once per file version). */
export function loadScenarioMap(scenarioFile: string, given: string): MapFileResult {
  const file = mapFilePath(scenarioFile, given);
  let stamp: string;
  try {
    const st = statSync(file);
    stamp = `${st.size}:${st.mtimeMs}`;
  } catch {
    // Not cached: the loader gives the precise reason (missing, unreadable, a directory).
    stamp = "";
  }
  let entry = cache.get(file);
  if (!entry || entry.stamp !== stamp || stamp === "") {
    entry = { stamp, result: loadCentralAsiaMap(file) };
    if (stamp !== "") cache.set(file, entry);
  }
  const r = entry.result;
  if (!r.ok) {
    const problems = r.problems.map((e) =>
      problem(
        e.kind,
        "map",
        e.path === "(file)"
          ? `"${given}": ${e.message} (looked for ${file})`
          : `"${given}" ${e.path === "(json)" ? "is not valid JSON:" : `${e.path}:`} ${e.message}`,
      ),
    );
    return { ok: false, file, problems };
  }
  entry.region ??= regionMapOf(r.map);
  return { ok: true, file, map: r.map, region: entry.region };
}
