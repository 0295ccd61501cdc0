/**
 * The `regret(…)` form of `pamir discover`'s condition: the regret of one arm at a case — how much
 * worse its outcome is than the best arm's in the same scenario, sample and replicate (0 for the
 * best arm, never negative). Written
 *
 *   regret(<outcome>, <factor>=<label>[, …][, lower-is-better | higher-is-better])
 *   regret(<factor>=<label>[, …])      the outcome: the first of REGRET_PREFERENCE in the runs
 *
 * The arms are every combination of the labels of the pinned factors; the direction is the one
 * written, else the outcome's direction in the results folder's catalogue (the caller's
 * `directionOf`; stats/directions.ts for a folder without one), else it must be written.
 * Each form is expanded, before anything else, into the bracket references it stands for —
 * lower is better: (y[f=a] - min(y[f=a], y[f=b], …)); higher: (max(y[f=a], y[f=b], …) - y[f=a]) —
 * so it is compiled and paired exactly like a hand-written condition.
 */
import { didYouMean } from "../../core/suggest.js";
import { OUTCOME_DIRECTIONS, REGRET_PREFERENCE } from "../directions.js";
import type { Direction } from "../regret.js";
import { type Fail, fail, parsePins, type SelectableFactor } from "./pins.js";

const FORM = /(?<![A-Za-z0-9_.])regret\s*\(([^()]*)\)/g;
const DIRECTIONS: readonly string[] = ["lower-is-better", "higher-is-better"];
/** Most arms one regret compares (min and max take at most 64 arguments). */
const ARMS_MAX = 64;

/** Every combination of the pinned factors' labels, as `f=a, g=b` selector texts, in factor order. */
function armSelectors(pinned: readonly SelectableFactor[]): string[] {
  let arms: string[][] = [[]];
  for (const f of pinned) arms = arms.flatMap((a) => f.labels.map((l) => [...a, `${f.name}=${l}`]));
  return arms.map((a) => a.join(", "));
}

/** An outcome's direction, where one is known. */
export type DirectionOf = (outcome: string) => Direction | undefined;

const knownDirection: DirectionOf = (outcome) => OUTCOME_DIRECTIONS[outcome];

/** One `regret(args)` as the bracket expression it stands for. */
function expandOne(
  args: string,
  outcomes: readonly string[],
  factors: readonly SelectableFactor[],
  directionOf: DirectionOf,
): { ok: true; text: string } | Fail {
  const form = `regret(${args.trim()})`;
  const parts = args.split(",").map((p) => p.trim());
  let direction = DIRECTIONS.includes(parts.at(-1) ?? "") ? (parts.pop() as Direction) : undefined;
  let outcome = parts.length > 0 && !parts[0]!.includes("=") ? parts.shift()! : undefined;
  if (parts.length === 0 || parts.some((p) => !p.includes("=")))
    return fail(
      `${form} must be regret(outcome, factor=label, …[, lower-is-better | higher-is-better]) or regret(factor=label, …)`,
    );
  if (outcome === undefined) {
    outcome = REGRET_PREFERENCE.find((o) => outcomes.includes(o));
    if (outcome === undefined)
      return fail(
        `${form} names no outcome and the runs have none of ${REGRET_PREFERENCE.join(", ")}: write regret(outcome, ${parts.join(", ")})`,
      );
  }
  if (!outcomes.includes(outcome))
    return fail(
      `${form}: unknown outcome "${outcome}"${didYouMean(outcome, outcomes)} (outcomes: ${outcomes.join(", ")})`,
    );
  const pins = parsePins(parts.join(","), factors);
  if (!pins.ok) return pins;
  direction ??= directionOf(outcome);
  if (!direction)
    return fail(
      `${form}: say which way ${outcome} is good: regret(${outcome}, ${parts.join(", ")}, lower-is-better) or higher-is-better`,
    );
  const pinned = factors.filter((f) => f.name in pins.pins);
  const arms = armSelectors(pinned);
  if (arms.length > ARMS_MAX) return fail(`${form} would compare ${arms.length} arms; at most ${ARMS_MAX}`);
  const own = `${outcome}[${pinned.map((f) => `${f.name}=${pins.pins[f.name]}`).join(", ")}]`;
  const all = arms.map((a) => `${outcome}[${a}]`).join(", ");
  return {
    ok: true,
    text: direction === "lower-is-better" ? `(${own} - min(${all}))` : `(max(${all}) - ${own})`,
  };
}

/** `source` with every `regret(…)` expanded into bracket references; a bad form is one problem. */
export function expandRegret(
  source: string,
  outcomes: readonly string[],
  factors: readonly SelectableFactor[],
  directionOf: DirectionOf = knownDirection,
): { ok: true; text: string } | Fail {
  let problem: Fail | undefined;
  const text = source.replace(FORM, (whole, args: string) => {
    if (problem) return whole;
    const r = expandOne(args, outcomes, factors, directionOf);
    if (!r.ok) {
      problem = r;
      return whole;
    }
    return r.text;
  });
  if (problem) return problem;
  if (/(?<![A-Za-z0-9_.])regret\s*\(/.test(text))
    return fail("regret(…) takes an outcome, factor=label pins and a direction, with no parentheses inside");
  return { ok: true, text };
}
