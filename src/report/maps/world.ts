/**
 * Which world a study's maps are drawn on. The results say it: a `params.world` factor in the
 * runs, else the scenarios the manifest names (loaded, and asked which world they run on). Only
 * when neither answers (results copied without their manifest, scenario files moved) does the
 * world resolver guess from the province names the runs carry.
 */
import { loadScenarioFile } from "../../scenario/load.js";
import {
  guessWorld,
  isWorldName,
  type ResolvedWorld,
  resolveWorld,
  type WorldSource,
  worldSourceOf,
} from "../../worlds/resolve.js";
import type { ResultsData } from "../load.js";

/** A study's world, the province names it lacks, and whether the results said it or it was guessed. */
export interface StudyWorld {
  world: ResolvedWorld;
  unmatched: string[];
  guessed: boolean;
}

/** The parameter path of the world choice, as factors name it. */
const WORLD_PARAM = "params.world";

/** The worlds the results name, one entry per distinct world (key → source). */
function namedSources(data: ResultsData): Map<string, WorldSource> {
  const sources = new Map<string, WorldSource>();
  for (const row of data.rows) {
    const w = row.factors[WORLD_PARAM];
    if (isWorldName(w)) sources.set(`named:${w}`, { kind: "named", name: w });
  }
  if (sources.size > 0 || data.rows.some((r) => Object.hasOwn(r.factors, WORLD_PARAM))) return sources;
  for (const s of data.manifest?.scenarios ?? []) {
    const loaded = loadScenarioFile(s.file);
    const source = loaded.ok ? worldSourceOf(loaded.scenario) : undefined;
    if (!source) continue;
    const key =
      source.kind === "named"
        ? `named:${source.name}`
        : source.kind === "file"
          ? `file:${source.path}`
          : `cells:${s.file}`;
    sources.set(key, source);
  }
  return sources;
}

/**
 * The world to draw the study's provinces `names` on: the one world its results name, else the
 * resolver's guess; undefined when it names none and no catalogue world holds any of the names.
 */
export function studyWorld(data: ResultsData, names: readonly string[]): StudyWorld | undefined {
  const sources = [...namedSources(data).values()];
  if (sources.length === 1) {
    const r = resolveWorld(sources[0]!);
    if (r.ok) {
      const have = new Set(r.world.outline().provinces.map((p) => p.name));
      return { world: r.world, unmatched: names.filter((n) => !have.has(n)), guessed: false };
    }
  }
  const guess = guessWorld(names);
  return guess && { ...guess, guessed: true };
}
