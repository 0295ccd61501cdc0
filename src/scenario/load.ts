/**
 * Loading a scenario file: YAML → schema → map (inline, or a map file relative to the scenario)
 * → the model's own checks, every problem in the file reported at once and located at line:col.
 * Bad input is a result value, never an exception, so `pamir validate` can list all problems of
 * all files in one go.
 */
import { readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import type { ModelDefinition, RegionMap } from "../core/model.js";
import { findModel } from "../models/registry.js";
import { type LegendEntry, parseAsciiCells, parseAsciiMap } from "../worlds/ascii.js";
import { formatPath, type ScenarioError, sortErrors } from "./errors.js";
import type { Position } from "./locate.js";
import { loadScenarioMap } from "./map-file.js";
import { describeIssues, type Problem } from "./messages.js";
import {
  mapSchema,
  modelNames,
  type Scenario,
  scenarioOptionFor,
  scenarioSchema,
  unknownModelSchema,
} from "./schema.js";
import { didYouMean } from "./suggest.js";
import { parseYaml } from "./yaml-source.js";

/** Re-exported so commands need only this module to load and report. */
export { formatScenarioError, type ScenarioError } from "./errors.js";

/** A scenario ready to run: model resolved, defaults filled, map built. */
export interface LoadedScenario {
  /** The file it came from, as given. */
  file: string;
  /** `name:` from the file, else the file name without extension. */
  name: string;
  /** The model named by `model:`. */
  model: ModelDefinition<unknown>;
  /** Run seed. */
  seed: number;
  /** Horizon in ticks (the model's default when the file gives none). */
  ticks: number;
  /** The model's params, parsed, defaults filled. */
  params: unknown;
  /** The map, when the file has one (inline, or loaded from the file `map:` names). */
  map?: RegionMap | undefined;
  /** The map file's resolved path, when `map:` names one. */
  mapFile?: string | undefined;
  /** The whole validated file (also `description`, …). */
  raw: Scenario;
}

/** A loaded scenario, or every located problem that stopped it. */
export type LoadResult = { ok: true; scenario: LoadedScenario } | { ok: false; errors: ScenarioError[] };

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function startsWith(path: readonly PropertyKey[], head: string): boolean {
  return path[0] === head;
}

/** Load a scenario from its text; `file` is only used to label errors and name the scenario. */
export function loadScenarioText(text: string, file: string): LoadResult {
  const errors: ScenarioError[] = [];
  const report = (pos: Position, path: string, message: string) =>
    errors.push({ file, ...pos, path, message });
  const fail = (): LoadResult => ({ ok: false, errors: sortErrors(errors) });

  const source = parseYaml(text);
  for (const p of source.problems) report(p.pos, "(yaml)", p.message);
  if (!source.usable) return fail();
  const { data, locator } = source;
  const place = (p: Problem) =>
    report(p.at === "key" ? locator.key(p.path) : locator.value(p.path), formatPath(p.path), p.message);

  if (!isRecord(data)) {
    const message =
      data === null || data === undefined
        ? 'is empty (a scenario needs at least a "model:" line)'
        : "must be a mapping (key: value entries)";
    report(locator.value([]), "(root)", message);
    return fail();
  }

  // Schema: the union option for the named model; with no usable model, everything else still gets checked.
  const model = typeof data.model === "string" ? findModel(data.model) : undefined;
  let problems: Problem[];
  let parsed: Scenario | undefined;
  if (model) {
    const r = scenarioSchema.safeParse(data);
    parsed = r.data;
    problems = r.success
      ? []
      : describeIssues(r.error.issues, { root: scenarioOptionFor(model.name)!, data, model });
  } else {
    const given = data.model;
    const names = modelNames();
    const message =
      given === undefined
        ? "is required"
        : `must be one of: ${names.join(", ")}${typeof given === "string" ? didYouMean(given, names) : ""}`;
    problems = [{ path: ["model"], message, at: "value" }];
    const r = unknownModelSchema.safeParse(data);
    if (!r.success) problems.push(...describeIssues(r.error.issues, { root: unknownModelSchema, data }));
  }
  problems.forEach(place);

  // Map: the text is checked once it is a string and the legend a mapping, so problems in legend
  // entries do not hide a bad character; the RegionMap is built only when the whole map is valid.
  const rawMap = data.map;
  const mapWanted = rawMap !== undefined && (model?.usesMap ?? true);
  let map: RegionMap | undefined;
  if (mapWanted && isRecord(rawMap) && typeof rawMap.ascii === "string" && isRecord(rawMap.legend)) {
    // Legend order comes from the file: JS objects put integer-like keys ("1", "2") first.
    const legendKeys = Object.keys(rawMap.legend);
    const chars = [...new Set([...(locator.keysInOrder(["map", "legend"]) ?? []), ...legendKeys])].filter(
      (k) => legendKeys.includes(k),
    );
    const cells = parseAsciiCells(rawMap.ascii, chars);
    if (!cells.ok) {
      for (const p of cells.problems) {
        const at =
          p.row < 0 ? locator.value(["map", "ascii"]) : locator.inString(["map", "ascii"], p.row, p.index);
        report(at, "map.ascii", p.message);
      }
    } else if (!problems.some((p) => startsWith(p.path, "map"))) {
      const m = mapSchema.safeParse(rawMap);
      const res = m.success
        ? parseAsciiMap(
            m.data.ascii,
            chars.map((k): [string, LegendEntry] => [k, m.data.legend[k]!]),
            m.data.torus ?? false,
          )
        : undefined;
      if (res?.ok) map = res.map;
    }
  }

  // A map file: its path is relative to the scenario; its problems are reported at `map`, naming the file.
  let mapFile: string | undefined;
  if (mapWanted && typeof rawMap === "string" && !problems.some((p) => startsWith(p.path, "map"))) {
    const m = loadScenarioMap(file, rawMap);
    if (m.ok) {
      map = m.region;
      mapFile = m.file;
    } else {
      for (const message of m.problems) report(locator.key(["map"]), "map", message);
    }
  }

  // The model's own checks need well-formed params, and the map when the file has one.
  const params = model ? scenarioOptionFor(model.name)?.shape.params.safeParse(data.params) : undefined;
  const mapReady = !mapWanted || map !== undefined;
  if (model?.check && params?.success && mapReady && !problems.some((p) => startsWith(p.path, "params"))) {
    runCheck(model, params.data, map).forEach(place);
  }

  if (errors.length > 0 || !model || !parsed) return fail();
  const name = parsed.name ?? basename(file, extname(file));
  return {
    ok: true,
    scenario: {
      file,
      name,
      model,
      seed: parsed.seed,
      ticks: parsed.ticks,
      params: parsed.params,
      map,
      mapFile,
      raw: parsed,
    },
  };
}

/** The model's cross-field checks as problems; a check that throws is itself reported, not rethrown. */
function runCheck(model: ModelDefinition<unknown>, params: unknown, map: RegionMap | undefined): Problem[] {
  try {
    return (model.check?.(params, map) ?? []).map((c) => ({
      path: ["params", ...c.path],
      message: c.message,
      at: "value",
    }));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return [
      {
        path: ["params"],
        message: `model "${model.name}" could not check these params: ${why}`,
        at: "value",
      },
    ];
  }
}

/** Why a file could not be read, in plain words. */
function readFailure(err: unknown): string {
  const code = (err as { code?: string } | null)?.code;
  if (code === "ENOENT") return "file not found";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a directory, not a file";
  return `cannot be read (${err instanceof Error ? err.message : String(err)})`;
}

/** Load the scenario file at `path`; an unreadable file is one error at 0:0 with path `(file)`. */
export function loadScenarioFile(path: string): LoadResult {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    return {
      ok: false,
      errors: [{ file: path, line: 0, col: 0, path: "(file)", message: readFailure(err) }],
    };
  }
  return loadScenarioText(text, path);
}
