/**
 * Cross-field rules of a calibration file the schema cannot express, as findings the loader
 * locates: at least one parameter and one target, a prior with support (min < max; a log-uniform
 * one above zero), parameter names used once, and a target band that holds its observed value.
 */
import type { Finding } from "../../scenario/messages.js";
import type { CalibrationInput } from "./schema.js";

/** A free parameter, normalised. */
export interface FreeParameter {
  /** Scenario parameter path (`params.…`). */
  path: string;
  /** Short name for tables (default: the path). */
  name: string;
  prior: "uniform" | "log-uniform";
  min: number;
  max: number;
  /** Whether `--apply` writes its fitted value into the applyTo scenarios. */
  apply: boolean;
}

/** A target, normalised: the band is always explicit. */
export interface Target {
  /** Outcome name. */
  outcome: string;
  observed: number;
  lo: number;
  hi: number;
  weight: number;
  source: string;
}

const key = (path: PropertyKey[], message: string): Finding => ({ path, message, at: "key" });
const value = (path: PropertyKey[], message: string): Finding => ({ path, message, at: "value" });

/** The free parameters of a parsed file, and every problem with their priors. */
export function checkParameters(input: CalibrationInput): {
  parameters: FreeParameter[];
  problems: Finding[];
} {
  const problems: Finding[] = [];
  const parameters: FreeParameter[] = [];
  const names = new Map<string, string>();
  const entries = Object.entries(input.parameters);
  if (entries.length === 0) problems.push(value(["parameters"], "needs at least one free parameter"));
  for (const [path, p] of entries) {
    const at = ["parameters", path];
    const name = p.name ?? path;
    const clash = names.get(name);
    if (clash !== undefined)
      problems.push(value([...at, "name"], `name "${name}" is already used by ${clash}`));
    names.set(name, path);
    if (!path.startsWith("params.")) {
      problems.push(key(at, 'must be a parameter path under "params." (e.g. params.detection.officialBase)'));
      continue;
    }
    if (!(p.max > p.min)) {
      problems.push(value([...at, "max"], `must be greater than min (${p.min}): the prior has no support`));
      continue;
    }
    if (p.prior === "log-uniform" && !(p.min > 0)) {
      problems.push(
        value(
          [...at, "min"],
          "must be > 0 for a log-uniform prior (the logarithm of 0 or less is undefined)",
        ),
      );
      continue;
    }
    parameters.push({ path, name, prior: p.prior, min: p.min, max: p.max, apply: p.apply });
  }
  return { parameters, problems };
}

/** The targets of a parsed file, bands made explicit, and every problem with them. */
export function checkTargets(input: CalibrationInput): { targets: Target[]; problems: Finding[] } {
  const problems: Finding[] = [];
  const targets: Target[] = [];
  const entries = Object.entries(input.targets);
  if (entries.length === 0) problems.push(value(["targets"], "needs at least one target"));
  for (const [outcome, t] of entries) {
    const at = ["targets", outcome];
    if ((t.band === undefined) === (t.tolerance === undefined)) {
      problems.push(
        value(at, "give either band: [lo, hi] or tolerance (observed ± tolerance), not both or neither"),
      );
      continue;
    }
    const [lo, hi] = t.band ?? [t.observed - t.tolerance!, t.observed + t.tolerance!];
    if (!(hi > lo)) {
      problems.push(value([...at, "band"], `must be [lo, hi] with hi > lo (got [${lo}, ${hi}])`));
      continue;
    }
    if (t.observed < lo || t.observed > hi) {
      problems.push(
        value([...at, "band"], `must hold the observed value ${t.observed} (got [${lo}, ${hi}])`),
      );
      continue;
    }
    targets.push({ outcome, observed: t.observed, lo, hi, weight: t.weight, source: t.source });
  }
  return { targets, problems };
}
