/**
 * Loading a calibration file: YAML → schema → priors and bands → its scenario → parameter paths
 * against the model's params (each prior's two ends through the model's schema) → target outcomes
 * against what the model reports (one probe run of the scenario as written). Like study loading,
 * every problem is reported at once (each stage runs on what the earlier ones could parse),
 * located at line:col, and bad input is a value.
 */
import { dirname, isAbsolute, join } from "node:path";
import { parseDocument } from "yaml";
import type { LocatedProblem } from "../../core/problems.js";
import { readText } from "../../core/read-file.js";
import { splitPath } from "../../core/value-path.js";
import { type LoadedScenario, loadScenarioText } from "../../scenario/load.js";
import type { Locator } from "../../scenario/locate.js";
import { atFileStart, type FileProblems, fileProblems } from "../../scenario/located.js";
import { readMapping } from "../../scenario/mapping.js";
import { hashOf } from "../hash.js";
import { slugOf } from "../load.js";
import { factorPathProblem } from "../param-path.js";
import { distrusted, parseSalvaging } from "../salvage.js";
import { checkParameters, checkTargets, type FreeParameter, type Target } from "./checks.js";
import { priorEndProblems, unknownOutcomes } from "./probe.js";
import { type CalibrationInput, calibrationSchema } from "./schema.js";

/** A calibration ready to run. */
export interface LoadedCalibration {
  /** The calibration file, as given. */
  file: string;
  /** `name:` from the file. */
  name: string;
  /** The name as a folder name (default results folder `results/<slug>`). */
  slug: string;
  /** SHA-256 of the canonical parsed file (but its stop rules and applyTo) and the parsed scenario: the resume key. */
  hash: string;
  /** The parsed file, defaults filled. */
  input: CalibrationInput;
  /** The scenario calibrated: its file, its text (workers load from it) and the loaded scenario. */
  scenario: { file: string; text: string; loaded: LoadedScenario };
  /** Free parameters, in file order. */
  parameters: FreeParameter[];
  /** Targets, in file order. */
  targets: Target[];
  /** The scenarios `--apply` writes the fitted values into: each file and its text as read. */
  applyTo: { file: string; text: string }[];
}

/** A loaded calibration, or every located problem that stopped it. */
export type CalibrationLoadResult =
  | { ok: true; calibration: LoadedCalibration }
  | { ok: false; problems: LocatedProblem[] };

/** Stand-ins for required keys set aside, so the rest is still checked (the scenario is then not loaded). */
const FILLERS = { name: "calibration", scenario: "(set aside)", parameters: {}, targets: {} };

/**
 * Load a calibration from its text; `file` labels problems and anchors the scenario path. Every
 * stage runs on what the earlier ones could parse, so one call reports every problem.
 */
export function loadCalibrationText(text: string, file: string): CalibrationLoadResult {
  const found = fileProblems(file);
  const fail = () => found.fail();
  const opened = readMapping(
    found,
    text,
    "is empty (a calibration needs name, scenario, parameters and targets)",
  );
  if (!opened) return fail();
  const { data, locator, place } = opened;
  const shape = parseSalvaging(calibrationSchema, data, [], FILLERS);
  shape.findings.forEach(place);
  if (!shape.value) return fail();
  const input = shape.value;
  const distrust = distrusted(shape.set);
  const params = checkParameters(input);
  const targets = checkTargets(input);
  [...params.problems, ...targets.problems].filter((f) => !distrust(f.path)).forEach(place);

  const fixedOk = fixedPathProblems(input.fixed).map(place).length === 0;
  const scenario =
    distrust(["scenario"]) || !fixedOk
      ? undefined
      : readScenario(input.scenario, input.fixed, file, found, locator);
  if (!scenario) return fail();
  const sc = scenario.loaded;

  const badPaths = new Set<string>();
  for (const path of Object.keys(input.parameters).filter((p) => p.startsWith("params."))) {
    const why = factorPathProblem(path, sc.model.name, sc.raw);
    if (!why) continue;
    badPaths.add(path);
    place({ path: ["parameters", path], message: why, at: "key" });
  }
  const checked = params.parameters.filter((p) => !badPaths.has(p.path));
  priorEndProblems(sc, checked, input.ticks).forEach(place);
  if (targets.targets.length > 0) unknownOutcomes(sc, targets.targets, input.ticks).forEach(place);
  const applyTo = readApplyTo(input, checked, file, found, locator);
  if (found.all.length > 0) return fail();

  const hash = hashOf({
    calibration: fitDefinition(input),
    model: sc.model.name,
    scenario: sc.raw,
    map: sc.map ? { ...sc.map, region: Array.from(sc.map.region) } : null,
  });
  return {
    ok: true,
    calibration: {
      file,
      name: input.name,
      slug: slugOf(input.name),
      hash,
      input,
      scenario,
      parameters: params.parameters,
      targets: targets.targets,
      applyTo,
    },
  };
}

/**
 * The applyTo scenarios as read, each checked to load and to have every applied parameter
 * (problems located at its entry; a scenario's own problems in its file).
 */
function readApplyTo(
  input: CalibrationInput,
  parameters: readonly FreeParameter[],
  file: string,
  found: FileProblems,
  locator: Locator,
): LoadedCalibration["applyTo"] {
  const out: LoadedCalibration["applyTo"] = [];
  for (const [i, rel] of input.applyTo.entries()) {
    const path = isAbsolute(rel) ? rel : join(dirname(file), rel);
    const at = { path: ["applyTo", i], at: "value" as const };
    const read = readText(path);
    if (!read.ok) {
      found.place(locator, { ...at, message: `${read.problems[0]!.message}: ${path}` }, "file");
      continue;
    }
    const loaded = loadScenarioText(read.value, path);
    if (!loaded.ok) {
      found.all.push(...loaded.problems);
      continue;
    }
    for (const p of parameters.filter((q) => q.apply)) {
      const why = factorPathProblem(p.path, loaded.scenario.model.name, loaded.scenario.raw);
      if (why) found.place(locator, { ...at, message: `${path}: ${p.path}: ${why}` });
    }
    out.push({ file: path, text: read.value });
  }
  return out;
}

/**
 * The part of a parsed file that decides the runs: all of it but where the fitted values are
 * written (`applyTo`, each parameter's `apply`), how the fitted point is chosen (`point`,
 * `pointCandidates`: fit runs of other values run again) and when the generations stop (`generations`,
 * `budget`, `minTolerance`: each generation's draws depend only on the ones before it). So
 * choosing the scenarios to update, or cutting a calibration short or extending it by
 * generations, does not make it a different one: its journal's runs are reused.
 */
function fitDefinition(input: CalibrationInput): unknown {
  const { applyTo: _applyTo, point: _point, pointCandidates: _k, parameters, method, ...rest } = input;
  const priors = Object.fromEntries(
    Object.entries(parameters).map(([path, { apply: _apply, ...prior }]) => [path, prior]),
  );
  const { generations: _g, budget: _b, minTolerance: _t, ...runs } = method;
  return { ...rest, method: runs, parameters: priors };
}

/** `fixed:` keys that are not a scenario parameter path (params.…), located at the key. */
function fixedPathProblems(fixed: Record<string, unknown>) {
  return Object.keys(fixed)
    .filter((k) => {
      const s = splitPath(k);
      return s[0] !== "params" || s.length < 2 || s.some((x) => x === "");
    })
    .map((k) => ({
      path: ["fixed", k],
      message: "must be a scenario parameter path (params.…)",
      at: "key" as const,
    }));
}

/**
 * The scenario's text with the `fixed:` values written in (comments kept), so the workers, which
 * load from the text, run the configuration the targets were observed in.
 */
function withFixed(text: string, fixed: Record<string, unknown>): string {
  if (Object.keys(fixed).length === 0) return text;
  const doc = parseDocument(text);
  for (const [path, value] of Object.entries(fixed)) doc.setIn(splitPath(path), value);
  return doc.toString();
}

/** The calibrated scenario, or undefined with its problems reported (a missing file at `scenario:`, others in its own file). */
function readScenario(
  rel: string,
  fixed: Record<string, unknown>,
  file: string,
  found: FileProblems,
  locator: Locator,
): LoadedCalibration["scenario"] | undefined {
  const path = isAbsolute(rel) ? rel : join(dirname(file), rel);
  const read = readText(path);
  if (!read.ok) {
    const message = `${read.problems[0]!.message}: ${path}`;
    found.place(locator, { path: ["scenario"], message, at: "value" }, "file");
    return undefined;
  }
  const text = withFixed(read.value, fixed);
  const loaded = loadScenarioText(text, path);
  if (!loaded.ok) {
    // A value `fixed:` wrote is that key's problem, not a line of the scenario file.
    const keys = Object.keys(fixed);
    for (const p of loaded.problems) {
      const key = keys.find((k) => p.path === k || p.path.startsWith(`${k}.`));
      if (key) found.place(locator, { path: ["fixed", key], message: p.message, at: "value" });
      else found.all.push(p);
    }
    return undefined;
  }
  return { file: path, text, loaded: loaded.scenario };
}

/** Load the calibration file at `path`; an unreadable file is one problem at 0:0 with path `(file)`. */
export function loadCalibrationFile(path: string): CalibrationLoadResult {
  const text = readText(path);
  if (!text.ok) return { ok: false, problems: atFileStart(text.problems, path) };
  return loadCalibrationText(text.value, path);
}
