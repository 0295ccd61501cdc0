/**
 * Group a study's runs into arms by factor labels — e.g. by posture within motive. Design points
 * that share the labels are pooled: an arm is every finished run whose `by` and `within` labels
 * match, whatever its other factors.
 */
import { failure, type Problem, problem, type Result } from "../core/problems.js";
import type { RunRow } from "../core/run-row.js";
import { didYouMeanAny } from "../core/suggest.js";
import { factorNames, labelOf, outcomeNames } from "./labels.js";

/** Label of the single level used when no `within` factor is given. */
export const ALL_LEVEL = "(all)";

/** One arm: runs sharing a `by` label within one `within` level. */
export interface Arm {
  /** The `by` label. */
  label: string;
  /** Finite outcome values of its finished runs, in run order. */
  values: number[];
  /** Runs of the arm that failed. */
  failed: number;
}

/** Arms of one `within` level, sorted by label. */
export interface Level {
  /** The `within` label (ALL_LEVEL without a `within` factor). */
  label: string;
  /** Its arms. */
  arms: Arm[];
}

/** Runs grouped by arm. */
export interface ArmGroups {
  /** Levels sorted by label. */
  levels: Level[];
  /** Every `by` label seen, sorted. */
  byLabels: string[];
  /** Runs left out because they carry no `by` or `within` label. */
  unlabelled: number;
}

/** What to group: the outcome, the factor whose arms are compared, the factor to compare within. */
export interface GroupSpec {
  outcome: string;
  by: string;
  within?: string | undefined;
}

/** Check that the outcome and factor names exist in the runs; the problem lists what does. */
export function checkNames(rows: readonly RunRow[], spec: GroupSpec): Problem | undefined {
  if (rows.length === 0) return problem("results", "", "no runs recorded");
  const outcomes = outcomeNames(rows);
  if (!outcomes.includes(spec.outcome)) {
    const near = didYouMeanAny(spec.outcome, outcomes);
    // Nexus runs have hundreds of outcomes: name the near ones, or a few, never all of them.
    const some =
      outcomes.length > 12
        ? `${outcomes.slice(0, 12).join(", ")}, … (${outcomes.length} in all)`
        : outcomes.join(", ");
    return problem(
      "option",
      "",
      `no outcome "${spec.outcome}" in the runs${near || `; outcomes: ${some || "(none)"}`}`,
    );
  }
  const factors = factorNames(rows);
  for (const name of [spec.by, spec.within]) {
    if (name !== undefined && !factors.includes(name)) {
      return problem(
        "option",
        "",
        `no factor "${name}" in the runs; factors: ${factors.join(", ") || "(none)"}`,
      );
    }
  }
  if (spec.within !== undefined && spec.within === spec.by) {
    return problem("option", "", `--by and --within name the same factor "${spec.by}"`);
  }
  return undefined;
}

/** Group rows into arms; returns a problem for unknown names. */
export function groupArms(rows: readonly RunRow[], spec: GroupSpec): Result<ArmGroups> {
  const bad = checkNames(rows, spec);
  if (bad) return failure(bad);
  const levels = new Map<string, Map<string, Arm>>();
  const byLabels = new Set<string>();
  let unlabelled = 0;
  for (const r of rows) {
    const byLabel = labelOf(r, spec.by);
    const level = spec.within === undefined ? ALL_LEVEL : labelOf(r, spec.within);
    if (byLabel === undefined || level === undefined) {
      unlabelled++;
      continue;
    }
    byLabels.add(byLabel);
    let arms = levels.get(level);
    if (!arms) {
      arms = new Map();
      levels.set(level, arms);
    }
    let arm = arms.get(byLabel);
    if (!arm) {
      arm = { label: byLabel, values: [], failed: 0 };
      arms.set(byLabel, arm);
    }
    if (r.status !== "ok") {
      arm.failed++;
      continue;
    }
    const v = r.outcomes[spec.outcome];
    if (typeof v === "number" && Number.isFinite(v)) arm.values.push(v);
  }
  const sorted = [...levels.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([label, arms]) => ({
      label,
      arms: [...arms.values()].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)),
    }));
  return { ok: true, value: { levels: sorted, byLabels: [...byLabels].sort(), unlabelled } };
}
