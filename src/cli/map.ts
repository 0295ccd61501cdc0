/**
 * `pamir map <scenario-or-map> --svg out.svg`: draw a map file, or the map file a scenario names
 * in `map:`, as SVG; `--metric` colours provinces by an attribute of the map, or by values from a
 * `--values` JSON file (`{ "<ISO code>": number }`, or `{ "<metric>": { "<ISO code>": number } }`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { extname } from "node:path";
import type { Argv } from "yargs";
import type { RegionMap } from "../core/region-map.js";
import { renderGridSvg } from "../map/draw/grid-svg.js";
import { type Choropleth, renderMapSvg } from "../map/draw/svg.js";
import { bundledMapFile } from "../map/file/bundled.js";
import { formatMapError, loadCentralAsiaMap } from "../map/file/load.js";
import type { CentralAsiaMap } from "../map/file/types.js";
import { formatScenarioError, loadScenarioFile } from "../scenario/load.js";
import { CORRIDOR_PROVINCES, corridorRegionMap } from "../worlds/corridor.js";
import { CliError, EXIT } from "./errors.js";

/** Province attributes `--metric` can draw without a values file. */
export const MAP_METRICS = [
  "population",
  "stateCapacity",
  "legitimacy",
  "corruption",
  "hardship",
  "ruggedness",
  "heroinSource",
  "cells",
] as const;

interface MapArgs {
  file: string;
  svg: string;
  metric?: string | undefined;
  values?: string | undefined;
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (err) {
    throw new CliError(`${file}: cannot read ${what} (${(err as Error).message})`, EXIT.badInput);
  }
}

/** The corridor world's country of a province (its province table holds them, its legend does not). */
const corridorCountry = (province: string) => CORRIDOR_PROVINCES.find((q) => q.name === province)?.country;

/** What a command argument draws: a map file, or a cell map (an ASCII map or a built-in world). */
export type MapSource =
  | { kind: "file"; path: string }
  | {
      kind: "grid";
      map: RegionMap;
      title: string;
      countryOf?: ((province: string) => string | undefined) | undefined;
    };

/**
 * The map a command argument stands for: itself when JSON; for a scenario, the map file `map:`
 * names, else the world `params.world` names (the Central Asia map's file, or the corridor
 * world's cells), else its ASCII map.
 */
export function mapSourceOf(file: string): MapSource {
  if (extname(file).toLowerCase() === ".json") return { kind: "file", path: file };
  const res = loadScenarioFile(file);
  if (!res.ok) {
    const n = res.errors.length;
    throw new CliError(
      `${file}: ${n} problem${n === 1 ? "" : "s"}`,
      EXIT.badInput,
      res.errors.map(formatScenarioError),
    );
  }
  const sc = res.scenario;
  if (sc.mapFile !== undefined) return { kind: "file", path: sc.mapFile };
  const world = (sc.params as { world?: unknown } | null)?.world;
  if (world === "central-asia") return { kind: "file", path: bundledMapFile() };
  if (world === "corridor")
    return {
      kind: "grid",
      map: corridorRegionMap(),
      title: `${sc.name}: the stylised corridor world`,
      countryOf: corridorCountry,
    };
  if (sc.map) return { kind: "grid", map: sc.map, title: `${sc.name}: its map` };
  throw new CliError(`${file}: has no map or world to draw`, EXIT.badInput);
}

/** The choropleth for `--metric` (and `--values`), or undefined for country colours. */
function choropleth(
  map: CentralAsiaMap,
  metric: string | undefined,
  valuesFile: string | undefined,
): Choropleth | undefined {
  if (valuesFile === undefined) {
    if (metric === undefined) return undefined;
    if (!(MAP_METRICS as readonly string[]).includes(metric)) {
      throw new CliError(
        `--metric must be one of ${MAP_METRICS.join(", ")} (or come with --values)`,
        EXIT.badInput,
      );
    }
    const key = metric as (typeof MAP_METRICS)[number];
    const values = map.provinces.map((p) => (key === "population" ? p.population.value : p[key]));
    return { label: metric, values };
  }
  let data: unknown;
  try {
    data = JSON.parse(readText(valuesFile, "the values"));
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${valuesFile}: not valid JSON (${(err as Error).message})`, EXIT.badInput);
  }
  const table = metric !== undefined ? (data as Record<string, unknown>)?.[metric] : data;
  if (table === null || typeof table !== "object") {
    throw new CliError(
      `${valuesFile}: no ${metric ? `"${metric}" ` : ""}object of ISO code → number`,
      EXIT.badInput,
    );
  }
  const rec = table as Record<string, unknown>;
  const values = map.provinces.map((p) =>
    typeof rec[p.iso] === "number" ? (rec[p.iso] as number) : undefined,
  );
  if (values.every((v) => v === undefined)) {
    throw new CliError(`${valuesFile}: none of its keys is a province ISO code of the map`, EXIT.badInput);
  }
  return { label: metric ?? "value", values };
}

/** Execute `pamir map`. */
export function mapCommand(args: MapArgs, print: (s: string) => void): void {
  const source = mapSourceOf(args.file);
  if (source.kind === "grid") {
    if (args.metric !== undefined || args.values !== undefined)
      throw new CliError(
        "--metric and --values need a map file (a cell map has no province data)",
        EXIT.badInput,
      );
    const { svg, summary } = renderGridSvg(source.map, source.title, source.countryOf);
    writeFileSync(args.svg, svg);
    print(`${args.svg}: ${summary.provinces} provinces, ${summary.crossings} crossing cells (cell map)`);
    return;
  }
  const file = source.path;
  const r = loadCentralAsiaMap(file);
  if (!r.ok) {
    const n = r.errors.length;
    throw new CliError(
      `${file}: ${n} problem${n === 1 ? "" : "s"}`,
      EXIT.badInput,
      r.errors.map(formatMapError),
    );
  }
  const ch = choropleth(r.map, args.metric, args.values);
  const svg = renderMapSvg(
    r.map,
    ch ? { choropleth: ch, title: `${r.map.name}: ${ch.label} by province` } : {},
  );
  writeFileSync(args.svg, svg);
  const m = r.map;
  print(
    `${args.svg}: ${m.provinces.length} provinces, ${m.crossings.length} crossings, ${m.roads.length} roads`,
  );
}

/** Register `map` on a yargs instance. */
export function registerMap(y: Argv, print: (s: string) => void): Argv {
  return y.command(
    "map <file>",
    "Draw a map file, or the map or world a scenario runs on, as SVG",
    (c) =>
      c
        .positional("file", {
          type: "string",
          demandOption: true,
          describe: "map JSON, or a scenario (its map file, its world, or its ASCII map)",
        })
        .option("svg", { type: "string", demandOption: true, describe: "SVG file to write" })
        .option("metric", {
          type: "string",
          describe: `colour provinces by ${MAP_METRICS.join(" | ")}, or a --values key`,
        })
        .option("values", {
          type: "string",
          describe: "JSON of province values: { ISO: number } or { metric: { ISO: number } }",
        }),
    (a) => mapCommand(a as MapArgs, print),
  );
}
