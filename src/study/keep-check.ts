/**
 * A study's `keep:` and `series.keep:` globs against the outcome catalogues of the models its
 * scenarios run: a glob that can match no name the catalogue declares would keep nothing, which
 * is a typo far more often than a wish, so it is a located problem with the nearest name.
 */
import type { ModelDefinition } from "../core/model.js";
import { type OutcomeSpec, patternGlob, specGlobs } from "../core/outcomes.js";
import { closest } from "../core/suggest.js";
import type { Finding } from "../scenario/messages.js";
import { globsOverlap } from "./run/glob.js";
import type { StudyInput } from "./schema.js";

/** A model a study runs: its name and catalogue (the study's scenarios give them). */
export type KeepModel = Pick<ModelDefinition, "name" | "outcomes">;

/** Whether `glob` can match a name some spec of `specs` declares. */
function meetsAny(glob: string, specs: readonly OutcomeSpec[]): boolean {
  return specs.some((s) => specGlobs(s).some((g) => globsOverlap(glob, g)));
}

/** The problem of one glob that matches nothing, with the closest declared name (as a glob for patterns). */
function noMatch(
  path: PropertyKey[],
  glob: string,
  what: string,
  specs: readonly OutcomeSpec[],
  models: string,
): Finding {
  const names = specs.map(patternGlob);
  const near = closest(glob, names);
  const hint =
    near === undefined
      ? `; \`pamir outcomes ${models.split(", ")[0]}\` lists them`
      : ` (did you mean "${near}"?)`;
  return { path, message: `"${glob}" matches no ${what} of ${models}${hint}`, at: "value" };
}

/** Every keep glob of `input` that matches no outcome (or series) of `models`. */
export function keepProblems(input: StudyInput, models: readonly KeepModel[]): Finding[] {
  const unique = [...new Map(models.map((m) => [m.name, m])).values()];
  const names = unique.map((m) => m.name).join(", ");
  const outcomes = unique.flatMap((m) => m.outcomes.outcomes);
  const series = unique.flatMap((m) => m.outcomes.series);
  const problems: Finding[] = [];
  input.keep?.forEach((g, i) => {
    if (!meetsAny(g, outcomes)) problems.push(noMatch(["keep", i], g, "outcome", outcomes, names));
  });
  input.series?.keep?.forEach((g, i) => {
    if (!meetsAny(g, series)) problems.push(noMatch(["series", "keep", i], g, "series", series, names));
  });
  return problems;
}
