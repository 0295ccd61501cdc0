/**
 * The plan of a switch audit: which scenario variants to run and which pairs of them to compare.
 * Each declared switch gives one contrast per pair of its values (boolean: true against false;
 * range: high end against low end; choice: every other value against the scenario's, or against
 * the first when the scenario's is not among them). A variant is the scenario with one switch set
 * to one value; a variant equal to the scenario itself is point 0, shared by every switch, so a
 * switch whose one end is the scenario's value costs one arm of runs, not two. A switch with a
 * `given` setting the scenario does not have gets each contrast a second time with that setting
 * in both arms. Every variant is checked through the model's schema and cross-field check before
 * anything runs.
 */
import type { ModelSwitch } from "../../core/model.js";
import { failure, formatPath, type Problem, problem, type Result } from "../../core/problems.js";
import type { LoadedScenario } from "../../scenario/load.js";
import { canonicalJson } from "../hash.js";
import { factorPathProblem, splitPath } from "../param-path.js";
import { resolvePoint } from "../point.js";

/** One comparison: the scenario with `path` at `a` against it at `b` (differences are a − b). */
export interface Contrast {
  /** The switch it belongs to. */
  switch: ModelSwitch;
  /** Value of the first arm. */
  a: unknown;
  /** Value of the second (reference) arm. */
  b: unknown;
  /** Variant (point) of arm a. */
  pointA: number;
  /** Variant (point) of arm b. */
  pointB: number;
  /** The switch's `given` setting, held in both arms (absent: the scenario as it is). */
  given?: { path: string; value: unknown } | undefined;
}

/** What an audit runs: variants of one scenario (as values at factor paths) and the contrasts between them. */
export interface AuditPlan {
  /** Factor paths (`params.<switch path>`) of the switches, each once. */
  paths: string[];
  /** Values at `paths` of each variant; point 0 is the scenario as it is. */
  points: unknown[][];
  /** The comparisons, in switch order. */
  contrasts: Contrast[];
}

/** The pairs of values a switch is run at: [a, b], differences a − b. */
export function switchPairs(sw: ModelSwitch, current: unknown): [unknown, unknown][] {
  if (sw.kind === "boolean") return [[true, false]];
  if (sw.kind === "range") return [[sw.high, sw.low]];
  const base = sw.values.find((v) => canonicalJson(v) === canonicalJson(current)) ?? sw.values[0];
  return sw.values.filter((v) => canonicalJson(v) !== canonicalJson(base)).map((v) => [v, base]);
}

/** The value at a dotted path of parsed params (undefined where the path is absent). */
export function valueAt(params: unknown, path: string): unknown {
  let cur: unknown = params;
  for (const seg of splitPath(path)) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** Why a declared switch is malformed (its kind's values), or undefined. */
function declarationProblem(sw: ModelSwitch): string | undefined {
  if (sw.claim.trim() === "") return "has no claim";
  if (sw.kind === "choice" && new Set(sw.values.map(canonicalJson)).size < 2)
    return "is a choice with fewer than two distinct values";
  if (sw.kind === "range" && !(Number.isFinite(sw.low) && Number.isFinite(sw.high) && sw.low < sw.high))
    return `is a range whose ends (${sw.low}, ${sw.high}) are not finite with low < high`;
  return undefined;
}

/** A problem with switch `path` of the scenario's model, located by model and path. */
const switchProblem = (sc: LoadedScenario, path: string, message: string): Problem =>
  problem("option", `model ${sc.model.name}, switch ${path}`, message);

/**
 * The plan of auditing `switches` on `sc` (with the horizon `ticks` when given), or every problem
 * with the declarations: a malformed switch, a path the model's params do not have, a value the
 * schema or the model's cross-field check rejects.
 */
export function planAudit(
  sc: LoadedScenario,
  switches: readonly ModelSwitch[],
  ticks: number | undefined,
): Result<AuditPlan> {
  const problems: Problem[] = [];
  for (const sw of switches) {
    const why = declarationProblem(sw) ?? factorPathProblem(`params.${sw.path}`, sc.model.name, sc.raw);
    if (why) problems.push(switchProblem(sc, sw.path, why));
  }
  if (problems.length > 0) return failure(...problems);

  const paths = [
    ...new Set(
      switches.flatMap((s) => [s.path, ...(s.given ? [s.given.path] : [])]).map((p) => `params.${p}`),
    ),
  ];
  for (const sw of switches) {
    const why = sw.given && factorPathProblem(`params.${sw.given.path}`, sc.model.name, sc.raw);
    if (why) problems.push(switchProblem(sc, sw.path, `given ${sw.given!.path}: ${why}`));
  }
  if (problems.length > 0) return failure(...problems);
  const base = paths.map((p) => valueAt(sc.params, p.slice("params.".length)));
  const points: unknown[][] = [base];
  // The scenario with its own values written in must still be the scenario (a path into a list it lacks would not be).
  const baseWhy = variantProblem(sc, paths, base, ticks);
  if (baseWhy)
    problems.push(problem("option", `model ${sc.model.name}, switches`, `the scenario itself: ${baseWhy}`));
  const keys = new Map<string, number>([[canonicalJson(base), 0]]);
  /** The variant with each [path, value] of `set` written over the scenario's values. */
  const pointOf = (sw: ModelSwitch, set: [string, unknown][]): number => {
    const values = [...base];
    for (const [path, value] of set) values[paths.indexOf(`params.${path}`)] = value;
    const key = canonicalJson(values);
    let p = keys.get(key);
    if (p === undefined) {
      p = points.length;
      points.push(values);
      keys.set(key, p);
      const why = variantProblem(sc, paths, values, ticks);
      const at = set.map(([path, v]) =>
        path === sw.path ? canonicalJson(v) : `${path} ${canonicalJson(v)}`,
      );
      if (why) problems.push(switchProblem(sc, sw.path, `at ${at.join(", ")}: ${why}`));
    }
    return p;
  };
  const contrasts: Contrast[] = switches.flatMap((sw) => {
    const pairs = switchPairs(sw, valueAt(sc.params, sw.path));
    const plain = pairs.map(([a, b]) => ({
      switch: sw,
      a,
      b,
      pointA: pointOf(sw, [[sw.path, a]]),
      pointB: pointOf(sw, [[sw.path, b]]),
    }));
    const g = sw.given;
    if (!g || canonicalJson(valueAt(sc.params, g.path)) === canonicalJson(g.value)) return plain;
    const held = pairs.map(([a, b]) => ({
      switch: sw,
      a,
      b,
      pointA: pointOf(sw, [
        [g.path, g.value],
        [sw.path, a],
      ]),
      pointB: pointOf(sw, [
        [g.path, g.value],
        [sw.path, b],
      ]),
      given: g,
    }));
    return [...plain, ...held];
  });
  if (problems.length > 0) return failure(...problems);
  return { ok: true, value: { paths, points, contrasts } };
}

/** Why the scenario with `values` at `paths` cannot run (schema or cross-field check), or undefined. */
function variantProblem(
  sc: LoadedScenario,
  paths: readonly string[],
  values: readonly unknown[],
  ticks: number | undefined,
): string | undefined {
  const r = resolvePoint(sc, paths, values, ticks);
  if (!r.ok) {
    const first = r.issues[0];
    return first ? `${formatPath(first.path)}: ${first.message}` : "the model has no scenario schema";
  }
  const checked = sc.model.check?.(r.params, sc.map) ?? [];
  const first = checked[0];
  return first ? `${formatPath(["params", ...first.path])}: ${first.message}` : undefined;
}
