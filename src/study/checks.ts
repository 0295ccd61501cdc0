/**
 * Cross-field rules of a study file that the schema cannot express, as located problems: one of
 * `scenario`/`scenarios`, each factor either values or a range, labels matching values, a design
 * exactly when there are ranges, and a plan of sensible size.
 */
import type { Finding } from "../scenario/messages.js";
import { checkSensitivityDesign, samplesPerCell } from "./designs/checks.js";
import type { Factor } from "./designs/design.js";
import { SOBOL_MAX_DIMENSIONS } from "./designs/sobol.js";
import type { StudyInput } from "./schema.js";

/** Most runs one study may plan (the done-set costs a byte per planned run). */
export const MAX_RUNS = 50_000_000;

/**
 * Most sampled numbers a design holds (points per cell × range factors, 8 bytes each: 128 MB).
 * A Saltelli design of N = 10⁶ over 8 factors would otherwise hold 80 million.
 */
export const MAX_DESIGN_NUMBERS = 1 << 24;

const key = (path: PropertyKey[], message: string): Finding => ({ path, message, at: "key" });
const value = (path: PropertyKey[], message: string): Finding => ({ path, message, at: "value" });

/** The factors of a parsed study, normalised, plus every problem with them. */
export function checkFactors(study: StudyInput): { factors: Factor[]; problems: Finding[] } {
  const problems: Finding[] = [];
  const factors: Factor[] = [];
  const names = new Map<string, string>();
  for (const [path, f] of Object.entries(study.factors)) {
    const at = ["factors", path];
    const name = f.name ?? path;
    const clash = names.get(name);
    if (clash !== undefined)
      problems.push(value([...at, "name"], `name "${name}" is already used by ${clash}`));
    names.set(name, path);
    const hasRange = f.min !== undefined || f.max !== undefined;
    if (f.values !== undefined && hasRange) {
      problems.push(value(at, "give either values or min and max, not both"));
      continue;
    }
    if (f.values !== undefined) {
      if (f.integer !== undefined) problems.push(key([...at, "integer"], "applies to min/max ranges only"));
      if (f.labels !== undefined) {
        if (f.labels.length !== f.values.length)
          problems.push(value([...at, "labels"], `must have one label per value (${f.values.length})`));
        const seen = new Set<string>();
        f.labels.forEach((l, i) => {
          if (seen.has(l)) problems.push(value([...at, "labels", i], `label "${l}" is used twice`));
          seen.add(l);
        });
      }
      factors.push({ kind: "values", path, name, values: f.values, labels: f.labels });
      continue;
    }
    if (f.min === undefined || f.max === undefined) {
      problems.push(
        value(at, hasRange ? "a range needs both min and max" : "give values: [...] or min and max"),
      );
      continue;
    }
    if (f.labels !== undefined)
      problems.push(key([...at, "labels"], "label explicit values only, not ranges"));
    if (f.max < f.min) problems.push(value([...at, "max"], `must be ≥ min (${f.min})`));
    else if (f.integer && Math.ceil(f.min) > Math.floor(f.max))
      problems.push(value(at, "the range holds no whole number"));
    factors.push({ kind: "range", path, name, min: f.min, max: f.max, integer: f.integer ?? false });
  }
  return { factors, problems };
}

/** Problems with scenario, design and size rules, given the normalised factors. */
export function checkStudy(study: StudyInput, factors: readonly Factor[]): Finding[] {
  const problems: Finding[] = [];
  if (study.scenario === undefined && study.scenarios === undefined)
    problems.push(value(["scenario"], "is required (or scenarios: a list of { key, file })"));
  if (study.scenario !== undefined && study.scenarios !== undefined)
    problems.push(key(["scenarios"], "give scenario or scenarios, not both"));
  const keys = new Set<string>();
  study.scenarios?.forEach((s, i) => {
    if (keys.has(s.key)) problems.push(value(["scenarios", i, "key"], `key "${s.key}" is used twice`));
    keys.add(s.key);
  });

  const ranges = factors.filter((f) => f.kind === "range").length;
  if (ranges > 0 && study.design === undefined)
    problems.push(
      value(["design"], "is required when a factor has a range (lhs, sobol, saltelli or morris)"),
    );
  if (ranges > 0 && study.samples === undefined)
    problems.push(value(["samples"], "is required when a factor has a range"));
  if (ranges === 0 && study.design !== undefined)
    problems.push(key(["design"], "has no range factor (min/max) to sample"));
  if (ranges === 0 && study.samples !== undefined)
    problems.push(key(["samples"], "has no range factor (min/max) to sample"));
  if (study.design === "sobol" && ranges > SOBOL_MAX_DIMENSIONS)
    problems.push(value(["design"], `sobol supports at most ${SOBOL_MAX_DIMENSIONS} range factors`));

  problems.push(...checkSensitivityDesign(study, ranges));

  const perCell = ranges > 0 ? samplesPerCell(study, ranges) : 1;
  if (ranges > 0 && perCell * ranges > MAX_DESIGN_NUMBERS)
    problems.push(
      value(
        ["samples"],
        `the design would hold ${perCell} points × ${ranges} range factors = ${perCell * ranges} numbers; at most ${MAX_DESIGN_NUMBERS} are allowed`,
      ),
    );
  let runs = (study.scenarios?.length ?? 1) * study.replicates * perCell;
  for (const f of factors) if (f.kind === "values") runs *= f.values.length;
  if (runs > MAX_RUNS)
    problems.push(value(["replicates"], `the study plans ${runs} runs; at most ${MAX_RUNS} are allowed`));
  return problems;
}
