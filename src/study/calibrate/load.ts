/**
 * Loading a calibration file: YAML → schema → priors and bands → its scenario → parameter paths
 * against the model's params (each prior's two ends through the model's schema) → target outcomes
 * against what the model reports (one probe run of the scenario as written). Like study loading,
 * every problem is reported at once, located at line:col, and bad input is a value.
 */
import { dirname, isAbsolute, join } from "node:path";
import type { LocatedProblem } from "../../core/problems.js";
import { readText } from "../../core/read-file.js";
import { type LoadedScenario, loadScenarioText } from "../../scenario/load.js";
import { atFileStart, fileProblems } from "../../scenario/located.js";
import { readMapping } from "../../scenario/mapping.js";
import { describeIssues } from "../../scenario/messages.js";
import { hashOf } from "../hash.js";
import { slugOf } from "../load.js";
import { factorPathProblem } from "../param-path.js";
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
  /** SHA-256 of the canonical parsed file and the parsed scenario: the resume key. */
  hash: string;
  /** The parsed file, defaults filled. */
  input: CalibrationInput;
  /** The scenario calibrated: its file, its text (workers load from it) and the loaded scenario. */
  scenario: { file: string; text: string; loaded: LoadedScenario };
  /** Free parameters, in file order. */
  parameters: FreeParameter[];
  /** Targets, in file order. */
  targets: Target[];
}

/** A loaded calibration, or every located problem that stopped it. */
export type CalibrationLoadResult =
  | { ok: true; calibration: LoadedCalibration }
  | { ok: false; problems: LocatedProblem[] };

/** Load a calibration from its text; `file` labels problems and anchors the scenario path. */
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
  const parsed = calibrationSchema.safeParse(data);
  if (!parsed.success) {
    describeIssues(parsed.error.issues, { root: calibrationSchema, data }).forEach(place);
    return fail();
  }
  const input = parsed.data;
  const params = checkParameters(input);
  const targets = checkTargets(input);
  [...params.problems, ...targets.problems].forEach(place);
  if (found.all.length > 0) return fail();

  const path = isAbsolute(input.scenario) ? input.scenario : join(dirname(file), input.scenario);
  const read = readText(path);
  if (!read.ok) {
    const message = `${read.problems[0]!.message}: ${path}`;
    found.place(locator, { path: ["scenario"], message, at: "value" }, "file");
    return fail();
  }
  const loaded = loadScenarioText(read.value, path);
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  const sc = loaded.scenario;

  for (const p of params.parameters) {
    const why = factorPathProblem(p.path, sc.model.name, sc.raw);
    if (why) place({ path: ["parameters", p.path], message: why, at: "key" });
  }
  if (found.all.length > 0) return fail();
  priorEndProblems(sc, params.parameters, input.ticks).forEach(place);
  if (found.all.length > 0) return fail();
  unknownOutcomes(sc, targets.targets, input.ticks).forEach(place);
  if (found.all.length > 0) return fail();

  const hash = hashOf({
    calibration: input,
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
      scenario: { file: path, text: read.value, loaded: sc },
      parameters: params.parameters,
      targets: targets.targets,
    },
  };
}

/** Load the calibration file at `path`; an unreadable file is one problem at 0:0 with path `(file)`. */
export function loadCalibrationFile(path: string): CalibrationLoadResult {
  const text = readText(path);
  if (!text.ok) return { ok: false, problems: atFileStart(text.problems, path) };
  return loadCalibrationText(text.value, path);
}
