/**
 * Loading a scenario file: YAML → schema → map (inline, or a map file relative to the scenario)
 * → the model's own checks, every problem in the file reported at once and located at line:col.
 * Bad input is a result value, never an exception, so `pamir validate` can list all problems of
 * all files in one go.
 */
import { basename, extname } from "node:path";
import type { ModelDefinition, RegionMap } from "../core/model.js";
import type { LocatedProblem, Problem, ProblemKind } from "../core/problems.js";
import { readText } from "../core/read-file.js";
import { didYouMean } from "../core/suggest.js";
import { findModel } from "../models/registry.js";
import { type LegendEntry, parseAsciiCells, parseAsciiMap } from "../worlds/ascii.js";
import type { Locator } from "./locate.js";
import { atFileStart, type FileProblems, fileProblems } from "./located.js";
import { loadScenarioMap } from "./map-file.js";
import { describeIssues, type Finding } from "./messages.js";
import {
  mapSchema,
  modelNames,
  type Scenario,
  scenarioOptionFor,
  scenarioSchema,
  unknownModelSchema,
} from "./schema.js";
import { applySettings, type Setting, settingFinding } from "./settings.js";
import { parseYaml } from "./yaml-source.js";

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
export type LoadResult = { ok: true; scenario: LoadedScenario } | { ok: false; problems: LocatedProblem[] };

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

const under = (findings: readonly Finding[], head: string) => findings.some((f) => f.path[0] === head);

/** A loaded scenario, or the problems in its file and, apart, those its `--set` settings caused. */
type Loaded =
  | { ok: true; scenario: LoadedScenario }
  | { ok: false; problems: LocatedProblem[]; settings: Problem[] };

/** Load a scenario from its text; `file` is only used to label problems and name the scenario. */
export function loadScenarioText(text: string, file: string): LoadResult {
  const r = loadWithSettings(text, file, []);
  return r.ok ? r : { ok: false, problems: r.problems };
}

/** Load a scenario from its text with `settings` written into its data before it is checked. */
function loadWithSettings(text: string, file: string, settings: readonly Setting[]): Loaded {
  const found = fileProblems(file);
  const fromSettings: Problem[] = [];
  const fail = (): Loaded => ({ ...found.fail(), settings: fromSettings });
  const source = parseYaml(text);
  for (const p of source.problems) found.report("yaml", p.pos, "(yaml)", p.message);
  if (!source.usable) return fail();
  const { data, locator } = source;

  if (!isRecord(data)) {
    const message =
      data === null || data === undefined
        ? 'is empty (a scenario needs at least a "model:" line)'
        : "must be a mapping (key: value entries)";
    found.place(locator, { path: [], message, at: "value" });
    return fail();
  }
  const written = applySettings(data, settings);
  if (!written.ok) return { ok: false, problems: [], settings: written.problems };
  // A finding a setting caused is the setting's; any other is located in the file.
  const place = (f: Finding, kind?: ProblemKind) => {
    const p = settingFinding(f, written.value);
    if (p) fromSettings.push(p);
    else found.place(locator, f, kind);
  };

  const { model, parsed, findings } = checkSchema(data);
  for (const f of findings) place(f);

  // The map is read only when the model uses one and the schema found nothing wrong with it.
  const mapWanted = data.map !== undefined && (model?.usesMap ?? true);
  const mapOk = mapWanted && !under(findings, "map");
  const inline = mapWanted ? inlineMap(data.map, locator, found, mapOk) : undefined;
  const named = mapOk ? namedMap(file, data.map, locator, found) : undefined;
  const map = inline ?? named?.map;

  // The model's own checks need well-formed params, and the map when the file has one.
  const params = model ? scenarioOptionFor(model.name)?.shape.params.safeParse(data.params) : undefined;
  const mapReady = !mapWanted || map !== undefined;
  if (model?.check && params?.success && mapReady && !under(findings, "params")) {
    for (const f of runCheck(model, params.data, map)) place(f, "check");
  }

  if (found.all.length > 0 || fromSettings.length > 0 || !model || !parsed) return fail();
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
      mapFile: named?.file,
      raw: parsed,
    },
  };
}

/**
 * The schema's findings: against the union option of the named model, or, with no usable model,
 * against the fallback that still checks everything else.
 */
function checkSchema(data: Record<string, unknown>): {
  model: ModelDefinition<unknown> | undefined;
  parsed: Scenario | undefined;
  findings: Finding[];
} {
  const model = typeof data.model === "string" ? findModel(data.model) : undefined;
  if (model) {
    const r = scenarioSchema.safeParse(data);
    const findings = r.success
      ? []
      : describeIssues(r.error.issues, { root: scenarioOptionFor(model.name)!, data, model });
    return { model, parsed: r.data, findings };
  }
  const given = data.model;
  const names = modelNames();
  const message =
    given === undefined
      ? "is required"
      : `must be one of: ${names.join(", ")}${typeof given === "string" ? didYouMean(given, names) : ""}`;
  const findings: Finding[] = [{ path: ["model"], message, at: "value" }];
  const r = unknownModelSchema.safeParse(data);
  if (!r.success) findings.push(...describeIssues(r.error.issues, { root: unknownModelSchema, data }));
  return { model: undefined, parsed: undefined, findings };
}

/**
 * An inline ASCII map. The text is checked once it is a string and the legend a mapping, so
 * problems in legend entries do not hide a bad character; the RegionMap is built only when the
 * whole map is valid (`build`: the schema found nothing wrong under `map`).
 */
function inlineMap(
  rawMap: unknown,
  locator: Locator,
  found: FileProblems,
  build: boolean,
): RegionMap | undefined {
  if (!isRecord(rawMap) || typeof rawMap.ascii !== "string" || !isRecord(rawMap.legend)) return undefined;
  // Legend order comes from the file: JS objects put integer-like keys ("1", "2") first.
  const legendKeys = Object.keys(rawMap.legend);
  const chars = [...new Set([...(locator.keysInOrder(["map", "legend"]) ?? []), ...legendKeys])].filter((k) =>
    legendKeys.includes(k),
  );
  const cells = parseAsciiCells(rawMap.ascii, chars);
  if (!cells.ok) {
    for (const p of cells.problems) {
      const { row, index } = p.data ?? { row: -1, index: 0 };
      const at = row < 0 ? locator.value(["map", "ascii"]) : locator.inString(["map", "ascii"], row, index);
      found.report(p.kind, at, "map.ascii", p.message);
    }
    return undefined;
  }
  if (!build) return undefined;
  const m = mapSchema.safeParse(rawMap);
  if (!m.success) return undefined;
  const res = parseAsciiMap(
    m.data.ascii,
    chars.map((k): [string, LegendEntry] => [k, m.data.legend[k]!]),
    m.data.torus ?? false,
  );
  return res.ok ? res.map : undefined;
}

/** A map file named by `map:`: its path is relative to the scenario; its problems are reported at `map`. */
function namedMap(
  file: string,
  rawMap: unknown,
  locator: Locator,
  found: FileProblems,
): { map: RegionMap; file: string } | undefined {
  if (typeof rawMap !== "string") return undefined;
  const m = loadScenarioMap(file, rawMap);
  if (m.ok) return { map: m.region, file: m.file };
  for (const p of m.problems) found.report(p.kind, locator.key(["map"]), "map", p.message);
  return undefined;
}

/** The model's cross-field checks as findings; a check that throws is itself reported, not rethrown. */
function runCheck(model: ModelDefinition<unknown>, params: unknown, map: RegionMap | undefined): Finding[] {
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

/** Load the scenario file at `path`; an unreadable file is one problem at 0:0 with path `(file)`. */
export function loadScenarioFile(path: string): LoadResult {
  const text = readText(path, { what: "scenario" });
  if (!text.ok) return { ok: false, problems: atFileStart(text.problems, path) };
  return loadScenarioText(text.value, path);
}

/**
 * Load the scenario file at `path` with `--set` settings written in, checked as if they were in
 * the file; the problems they cause come first, each naming its `--set` argument.
 */
export function loadScenarioFileWith(
  path: string,
  settings: readonly Setting[],
): { ok: true; scenario: LoadedScenario } | { ok: false; problems: Problem[] } {
  const text = readText(path, { what: "scenario" });
  if (!text.ok) return { ok: false, problems: atFileStart(text.problems, path) };
  const r = loadWithSettings(text.value, path, settings);
  return r.ok ? r : { ok: false, problems: [...r.settings, ...r.problems] };
}
