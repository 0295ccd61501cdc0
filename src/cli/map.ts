/**
 * `pamir map <scenario-or-map> --svg out.svg`: draw a map file, or the map file a scenario names
 * in `map:`, as SVG; `--metric` colours provinces by an attribute of the map, or by values from a
 * `--values` JSON file (`{ "<ISO code>": number }`, or `{ "<metric>": { "<ISO code>": number } }`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { extname } from "node:path";
import { parse } from "yaml";
import type { Argv } from "yargs";
import { formatMapError, loadCentralAsiaMap } from "../map/load.js";
import { type Choropleth, renderMapSvg } from "../map/svg.js";
import type { CentralAsiaMap } from "../map/types.js";
import { mapFilePath } from "../scenario/map-file.js";
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

/** The map file a command argument stands for: itself when JSON, else the scenario's `map:` path. */
export function mapFileOf(file: string): string {
  if (extname(file).toLowerCase() === ".json") return file;
  let data: unknown;
  try {
    data = parse(readText(file, "the scenario"));
  } catch (err) {
    throw new CliError(`${file}: not valid YAML (${(err as Error).message})`, EXIT.badInput);
  }
  const map = (data as { map?: unknown } | null)?.map;
  if (typeof map !== "string") {
    throw new CliError(
      `${file}: has no "map: <file>.json" line to draw (ASCII maps are not drawn)`,
      EXIT.badInput,
    );
  }
  // A scenario names its map relative to its own directory, like `map: maps/central-asia.json`.
  return mapFilePath(file, map);
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
  const file = mapFileOf(args.file);
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
    "Draw a map file (or the map a scenario names) as SVG",
    (c) =>
      c
        .positional("file", {
          type: "string",
          demandOption: true,
          describe: "map JSON, or scenario YAML with map: <file>.json",
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
