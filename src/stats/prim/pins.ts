/**
 * The arm selectors of `pamir discover`'s condition: `[factor=label, …]` after an outcome, or the
 * pins of a `regret(…)`, parsed against the study's value factors. Problems come back as one-line
 * messages located at `--where`.
 */
import { type Failure, failure, problem } from "../../core/problems.js";
import { didYouMean } from "../../core/suggest.js";

/** A value factor a selector may name: study name, path, and the label of each of its values. */
export interface SelectableFactor {
  name: string;
  path: string;
  labels: string[];
}

/** A condition that does not compile: one problem at `--where`. */
export type Fail = Failure;

/** A problem of the condition, located at `--where`. */
export const fail = (message: string): Failure => failure(problem("option", "--where", message));

/** Parse `f=label, g=label` against the selectable factors. */
export function parsePins(
  text: string,
  factors: readonly SelectableFactor[],
): { ok: true; pins: Record<string, string> } | Fail {
  const pins: Record<string, string> = {};
  for (const part of text.split(",")) {
    const m = /^\s*([^=\s]+)\s*==?\s*(.*?)\s*$/.exec(part);
    if (!m || m[2] === "") return fail(`"[${text}]" must be [factor=label, …]`);
    const f = factors.find((v) => v.name === m[1] || v.path === m[1]);
    if (!f) {
      const names = factors.map((v) => v.name);
      const hint = didYouMean(m[1]!, names);
      return fail(`no value factor "${m[1]}"${hint} (value factors: ${names.join(", ") || "none"})`);
    }
    if (!f.labels.includes(m[2]!))
      return fail(
        `${f.name} has no "${m[2]}"${didYouMean(m[2]!, f.labels)} (${f.name}: ${f.labels.join(", ")})`,
      );
    pins[f.name] = m[2]!;
  }
  return { ok: true, pins };
}
