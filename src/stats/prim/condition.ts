/**
 * The `--where` condition of `pamir discover`: an expression over a run's outcomes, compiled by
 * the restricted formula compiler (src/core/formula.ts: numbers, arithmetic, comparisons,
 * and/or/not, an allow-list of math functions). On top of it, an outcome may be taken from
 * another arm of the same design point: `violent_events[posture=drill]` is the outcome of the
 * run whose factor `posture` has label `drill` (a value factor, named by its study name or path;
 * the label is its arm label, or its value as text), in the same scenario, sample and replicate.
 * `regret(outcome, factor=label)` is the regret of that arm among the factor's arms, expanded into
 * such references first (regret-form.ts). Every reference is rewritten to an input name before
 * compiling, so the compiler never sees outcome names (which may hold dots) or selectors.
 * Problems come back as one-line messages.
 */

import {
  type CompiledFormula,
  compileFormula,
  FORMULA_CONSTANTS,
  FORMULA_FUNCTIONS,
} from "../../core/formula.js";
import { didYouMean } from "../../core/suggest.js";
import { type Fail, fail, parsePins, type SelectableFactor } from "./pins.js";
import { type DirectionOf, expandRegret } from "./regret-form.js";

export type { SelectableFactor };

/** One outcome reference of a condition. */
export interface ConditionRef {
  /** The input name it was rewritten to. */
  input: string;
  outcome: string;
  /** Factor name → label this reference takes its run from ({} for the case's own run). */
  pins: Record<string, string>;
}

/** A compiled condition. */
export interface Condition {
  source: string;
  refs: ConditionRef[];
  /** The factors the selectors pin (the same for every reference), in factor order. */
  paired: string[];
  formula: CompiledFormula;
}

const WORDS = new Set(["and", "or", "xor", "not", "mod"]);
const TOKEN = /(?<![A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)(\s*\[([^\]]*)\])?/g;

/** A reference as the user wrote it (normalised): `outcome` or `outcome[f=label, …]`. */
function refText(r: ConditionRef): string {
  const pins = Object.entries(r.pins).map(([k, v]) => `${k}=${v}`);
  return pins.length > 0 ? `${r.outcome}[${pins.join(", ")}]` : r.outcome;
}

/** Compile `source` over `outcomes`, with selectors over `factors` (`directionOf`: regret's default directions). */
export function compileCondition(
  source: string,
  outcomes: readonly string[],
  factors: readonly SelectableFactor[],
  directionOf?: DirectionOf,
): { ok: true; value: Condition } | Fail {
  const expanded = expandRegret(source, outcomes, factors, directionOf);
  if (!expanded.ok) return expanded;
  const text = expanded.text;
  const refs: ConditionRef[] = [];
  let failure: Fail | undefined;
  const rewritten = text.replace(
    TOKEN,
    (whole, name: string, sel: string | undefined, inner: string | undefined, at: number) => {
      if (failure) return whole;
      const rest = text.slice(at + whole.length);
      if (!sel && (/^\s*\(/.test(rest) || WORDS.has(name) || FORMULA_CONSTANTS.includes(name))) return whole;
      if (!outcomes.includes(name)) {
        const fn = Object.hasOwn(FORMULA_FUNCTIONS, name) ? ` (${name} is a function: call it)` : "";
        failure = fail(
          `unknown outcome "${name}"${didYouMean(name, outcomes)}${fn} (outcomes: ${outcomes.join(", ")})`,
        );
        return whole;
      }
      const parsed = sel ? parsePins(inner!, factors) : { ok: true as const, pins: {} };
      if (!parsed.ok) {
        failure = parsed;
        return whole;
      }
      const key = JSON.stringify([name, parsed.pins]);
      let ref = refs.find((r) => JSON.stringify([r.outcome, r.pins]) === key);
      if (!ref) {
        ref = { input: `_ref${refs.length}`, outcome: name, pins: parsed.pins };
        refs.push(ref);
      }
      return ` ${ref.input} `;
    },
  );
  if (failure) return failure;
  if (refs.length === 0) return fail("names no outcome");
  const pinned = refs.map((r) => Object.keys(r.pins).sort().join(","));
  if (new Set(pinned).size > 1) {
    const shown = refs.map((r) => refText(r));
    return fail(`every outcome must pick its run by the same factors (${shown.join(" vs ")})`);
  }
  const c = compileFormula(
    rewritten,
    refs.map((r) => r.input),
  );
  if (!c.ok) {
    // Positions ("char 7") count in the rewritten text, so only the token is kept.
    const back = (s: string) =>
      s.replace(/\s*\(char \d+\)/g, "").replace(/_ref(\d+)/g, (_, i: string) => refText(refs[Number(i)]!));
    return fail(
      `${back(c.problems[0]!.message)}${c.problems[0]!.path ? ` (at "${back(c.problems[0]!.path.trim())}")` : ""}`,
    );
  }
  const paired = factors.map((f) => f.name).filter((n) => n in refs[0]!.pins);
  return { ok: true, value: { source, refs, paired, formula: c.value } };
}
