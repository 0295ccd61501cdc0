/**
 * Loading a study file: YAML → schema → cross-field rules → its scenarios → factor paths against
 * each model's params → every design point through the model's schema. Like scenario loading,
 * every problem is reported at once, located at line:col: each stage runs on what the stages
 * before it could parse. Bad input is a value, not an exception; problems inside a named
 * scenario file are reported in that file.
 */
import { basename, dirname, extname, isAbsolute, join } from "node:path";
import { isPrototypeKey } from "../core/plain-keys.js";
import type { LocatedProblem } from "../core/problems.js";
import { readText } from "../core/read-file.js";
import { type LoadedScenario, type LoadResult, loadScenarioText } from "../scenario/load.js";
import type { Locator } from "../scenario/locate.js";
import { atFileStart, type FileProblems, fileProblems } from "../scenario/located.js";
import { readMapping } from "../scenario/mapping.js";
import type { Finding } from "../scenario/messages.js";
import { checkFactors, checkStudy } from "./checks.js";
import { buildDesign, type Design } from "./designs/design.js";
import { hashOf } from "./hash.js";
import { keepProblems } from "./keep-check.js";
import { factorPathProblem } from "./param-path.js";
import { type CheckProgress, checkPoints } from "./points-check.js";
import { distrusted, parseSalvaging } from "./salvage.js";
import { SCENARIO_KEY, type StudyInput, studySchema } from "./schema.js";

/** One base scenario of a study. */
export interface StudyScenario {
  /** Key: the first segment of its run ids. */
  key: string;
  /** Its file, resolved against the study file's folder. */
  file: string;
  /** The file's text (workers load from it, so they run exactly what was validated). */
  text: string;
  /** The loaded scenario. */
  scenario: LoadedScenario;
}

/** A study ready to plan and run. */
export interface LoadedStudy {
  /** The study file, as given. */
  file: string;
  /** Its text, as loaded (the results folder keeps a copy). */
  text: string;
  /** `name:` from the file. */
  name: string;
  /** The name as a folder name (default results folder `results/<slug>`). */
  slug: string;
  /** SHA-256 of the canonical parsed study and the parsed scenarios it names. */
  hash: string;
  /** The parsed file, defaults filled. */
  input: StudyInput;
  /** Base scenarios, in file order. */
  scenarios: StudyScenario[];
  /** The design points. */
  design: Design;
}

/** A loaded study, or every located problem that stopped it. */
export type StudyLoadResult = { ok: true; study: LoadedStudy } | { ok: false; problems: LocatedProblem[] };

/** How to load a study. */
export interface StudyLoadOptions {
  /** Told how many design points are checked so far (every few thousand). */
  onProgress?: CheckProgress | undefined;
}

/** A study name as a folder name: lower case, runs of other characters as one dash. */
export function slugOf(name: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s === "" ? "study" : s;
}

/** Read and load one scenario of the study; an unreadable file is its one `(file)` problem. */
function loadScenario(path: string): { text: string } & LoadResult {
  const text = readText(path, { what: "scenario" });
  if (!text.ok) return { text: "", ok: false, problems: atFileStart(text.problems, path) };
  return { text: text.value, ...loadScenarioText(text.value, path) };
}

/** Factors named by a prototype key: the schema's record would drop a `__proto__` key without a word. */
function prototypeFactors(data: object): Finding[] {
  const factors = (data as { factors?: unknown }).factors;
  if (factors === null || typeof factors !== "object" || Array.isArray(factors)) return [];
  return Object.keys(factors)
    .filter(isPrototypeKey)
    .map((k) => ({ path: ["factors", k], message: `must not be named "${k}" (a prototype key)`, at: "key" }));
}

/** Keys whose checks depend on another key's value: when that key is set aside, their findings are held back. */
const DEPENDENTS: Readonly<Record<string, readonly string[]>> = {
  scenario: ["scenarios"],
  scenarios: ["scenario"],
  design: ["samples", "secondOrder", "levels", "candidates"],
  samples: ["design", "candidates", "replicates"],
  // A factor set aside changes how many ranges there are, which the design rules count.
  factors: ["design", "samples", "replicates"],
};

/** The keys that shape the design's sampling. */
const DESIGN_KEYS = ["design", "samples", "secondOrder", "levels", "candidates"];

/**
 * Load a study from its text; `file` labels problems and anchors relative scenario paths. Every
 * stage runs on what the earlier ones could parse (a bad key is set aside, a bad factor left
 * out, a scenario that does not load skipped), so one call reports every problem of the file.
 */
export function loadStudyText(text: string, file: string, opts: StudyLoadOptions = {}): StudyLoadResult {
  const found = fileProblems(file);
  const opened = readMapping(found, text, "is empty (a study needs name, scenario and factors)");
  if (!opened) return found.fail();
  const { data, locator, place } = opened;

  const prototypes = prototypeFactors(data);
  prototypes.forEach(place);
  const shape = parseSalvaging(
    studySchema,
    data,
    prototypes.map((f) => f.path),
    { name: "study" },
  );
  shape.findings.forEach(place);
  if (!shape.value) return found.fail();
  const input = shape.value;
  const distrust = distrusted(shape.set, DEPENDENTS);

  const { factors, problems } = checkFactors(input);
  const rules = [...problems, ...checkStudy(input, factors)].filter((f) => !distrust(f.path));
  rules.forEach(place);

  const single = input.scenario !== undefined;
  const scenarios =
    distrust(["scenario"]) || single === (input.scenarios !== undefined)
      ? []
      : loadScenarios(input, file, found, locator);

  const badPaths = new Set<string>();
  for (const path of Object.keys(input.factors)) {
    for (const s of scenarios) {
      const why = factorPathProblem(path, s.scenario.model.name, s.scenario.raw);
      if (!why) continue;
      badPaths.add(path);
      place({ path: ["factors", path], message: why, at: "key" });
    }
  }
  keepProblems(
    input,
    scenarios.map((s) => s.scenario.model),
  ).forEach(place);

  // Points of the design as written when its keys and factor paths passed, else of a one-sample
  // Latin hypercube over the good factors: every value and range end is checked either way.
  const trusted = DESIGN_KEYS.every((k) => !distrust([k]) && !rules.some((f) => f.path[0] === k));
  const checked = factors.filter((f) => !badPaths.has(f.path));
  const full = trusted && checked.length === factors.length;
  const design = full
    ? buildDesign(factors, input.design, input.samples ?? 1, input.seed, input)
    : buildDesign(checked, "lhs", 1, input.seed);
  checkPoints(scenarios, design, input.ticks, opts.onProgress).forEach(place);
  if (found.all.length > 0) return found.fail();

  // The built map is hashed too: a scenario may name a map file, whose content raw does not hold.
  const hash = hashOf({
    study: input,
    scenarios: scenarios.map((s) => ({
      key: s.key,
      model: s.scenario.model.name,
      scenario: s.scenario.raw,
      map: s.scenario.map ? { ...s.scenario.map, region: Array.from(s.scenario.map.region) } : null,
    })),
  });
  return {
    ok: true,
    study: { file, text, name: input.name, slug: slugOf(input.name), hash, input, scenarios, design },
  };
}

/** Load the study's base scenarios; problems inside one are reported in its own file, a missing one at its reference. */
function loadScenarios(
  input: StudyInput,
  file: string,
  found: FileProblems,
  locator: Locator,
): StudyScenario[] {
  const refs = input.scenarios
    ? input.scenarios.map((s, i) => ({ key: s.key, rel: s.file, at: ["scenarios", i, "file"] }))
    : [{ key: keyOf(input.scenario!), rel: input.scenario!, at: ["scenario"] }];
  const scenarios: StudyScenario[] = [];
  for (const ref of refs) {
    const path = isAbsolute(ref.rel) ? ref.rel : join(dirname(file), ref.rel);
    const res = loadScenario(path);
    if (res.ok) scenarios.push({ key: ref.key, file: path, text: res.text, scenario: res.scenario });
    else if (res.problems.length === 1 && res.problems[0]!.path === "(file)")
      found.place(
        locator,
        { path: ref.at, message: `${res.problems[0]!.message}: ${path}`, at: "value" },
        "file",
      );
    else found.all.push(...res.problems);
  }
  return scenarios;
}

/** The key of a single `scenario:` file: its base name, made safe for run ids. */
function keyOf(rel: string): string {
  const base = basename(rel, extname(rel));
  const key = SCENARIO_KEY.test(base) ? base : base.replace(/[^A-Za-z0-9_.-]+/g, "-");
  // "." and ".." would put series next to or above the results folder.
  return key === "" || key === "." || key === ".." ? "scenario" : key;
}

/** Load the study file at `path`; an unreadable file is one problem at 0:0 with path `(file)`. */
export function loadStudyFile(path: string, opts: StudyLoadOptions = {}): StudyLoadResult {
  const text = readText(path, { what: "study" });
  if (!text.ok) return { ok: false, problems: atFileStart(text.problems, path) };
  return loadStudyText(text.value, path, opts);
}
