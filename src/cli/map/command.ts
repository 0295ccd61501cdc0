/**
 * `pamir map <scenario-or-map> --svg out.svg`: draw a map file, or the map file a scenario names
 * in `map:`, as SVG; `--metric` colours provinces by an attribute of the map, or by values from a
 * `--values` JSON file (`{ "<ISO code>": number }`, or `{ "<metric>": { "<ISO code>": number } }`).
 */
import { writeFileSync } from "node:fs";
import { extname } from "node:path";
import { readText } from "../../core/read-file.js";
import { renderMapSvg } from "../../map/draw/svg.js";
import type { ValueLayer } from "../../map/draw/values.js";
import type { CentralAsiaMap } from "../../map/file/types.js";
import { loadScenarioFile } from "../../scenario/load.js";
import { type ResolvedWorld, resolveWorld, type WorldSource, worldSourceOf } from "../../worlds/resolve.js";
import { CliError, EXIT } from "../errors.js";
import { fileProblemsError } from "../problems.js";
import { MAP_METRICS } from "./metrics.js";

export interface MapArgs {
  file: string;
  svg: string;
  metric?: string | undefined;
  values?: string | undefined;
}

/**
 * The world a command argument stands for: a map file when JSON; for a scenario, the world it
 * runs on (its map file, its `params.world`, or its ASCII map), as the world resolver decides.
 */
export function worldSourceOfArgument(file: string): WorldSource {
  if (extname(file).toLowerCase() === ".json") return { kind: "file", path: file };
  const res = loadScenarioFile(file);
  if (!res.ok) throw fileProblemsError(file, res.problems);
  const source = worldSourceOf(res.scenario);
  if (!source) throw new CliError(`${file}: has no map or world to draw`, EXIT.badInput);
  return source;
}

/** The resolved world of a command argument; a map file that does not load is exit 2 with its problems. */
function worldOfArgument(file: string): ResolvedWorld {
  const source = worldSourceOfArgument(file);
  const r = resolveWorld(source);
  if (r.ok) return r.world;
  throw fileProblemsError(source.kind === "file" ? source.path : file, r.problems);
}

/** The choropleth for `--metric` (and `--values`), or undefined for country colours. */
function choropleth(
  map: CentralAsiaMap,
  metric: string | undefined,
  valuesFile: string | undefined,
): ValueLayer | undefined {
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
  const text = readText(valuesFile);
  if (!text.ok) throw new CliError(`${valuesFile}: ${text.problems[0]!.message}`, EXIT.badInput);
  let data: unknown;
  try {
    data = JSON.parse(text.value);
  } catch (err) {
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
  const world = worldOfArgument(args.file);
  const outline = world.outline();
  const m = world.mapFile;
  if (!m) {
    if (args.metric !== undefined || args.values !== undefined)
      throw new CliError(
        "--metric and --values need a map file (a cell map has no province data)",
        EXIT.badInput,
      );
    writeFileSync(args.svg, renderMapSvg(outline));
    const crossings = outline.crossings.length;
    print(`${args.svg}: ${outline.provinces.length} provinces, ${crossings} crossing cells (cell map)`);
    return;
  }
  const ch = choropleth(m, args.metric, args.values);
  const svg = renderMapSvg(
    outline,
    ch ? { choropleth: ch, title: `${m.name}: ${ch.label} by province` } : {},
  );
  writeFileSync(args.svg, svg);
  print(
    `${args.svg}: ${m.provinces.length} provinces, ${m.crossings.length} crossings, ${m.roads.length} roads`,
  );
}
