/**
 * `pamir discover` without the files: a study's runs and a `--where` condition in, PRIM's
 * peeling and pasting trajectory and a chosen box with quasi-p-values out. The chosen box is the
 * step with the largest coverage × density (the two quantities scenario discovery trades off;
 * ties to the earlier, larger box), or the step the user names. Bad input comes back as an
 * error value; nothing here throws or touches the disk.
 */
import { type Failure, failure, problem } from "../../core/problems.js";
import type { RunRow } from "../../core/run-row.js";
import { initialBox } from "./box.js";
import { buildCases, type CaseSpace } from "./cases.js";
import { compileCondition, type SelectableFactor } from "./condition.js";
import { type PrimOptions, primTrajectory, type TrajectoryStep } from "./peel.js";
import { quasiPValues } from "./quasi-p.js";
import type { DirectionOf } from "./regret-form.js";

/** How to discover. */
export interface DiscoverOptions extends PrimOptions {
  /** Step of the trajectory to report as the box (default: the best coverage × density). */
  step?: number | undefined;
}

/** One step of the trajectory as reported: statistics and the limits of every factor. */
export interface ReportedStep {
  step: number;
  phase: TrajectoryStep["phase"];
  coverage: number;
  density: number;
  mass: number;
  n: number;
  k: number;
  restricted: number;
  /** Factor name → [lower, upper]. */
  limits: Record<string, [number, number]>;
}

/** A restricted dimension of the chosen box. */
export interface Restriction {
  factor: string;
  min: number;
  max: number;
  /** Quasi-p-value of the lower limit (null where the lower end is not restricted). */
  pLower: number | null;
  /** Quasi-p-value of the upper limit (null where not restricted). */
  pUpper: number | null;
}

/** What `pamir discover` reports. */
export interface DiscoverReport {
  where: string;
  cases: number;
  casesOfInterest: number;
  /** Cases left out (a missing or failed run, a non-finite value). */
  dropped: number;
  /** Replicates are separate cases. */
  replicates: string;
  options: { peel: number; paste: number; minSupport: number; objective: string };
  /** The range factors and the range of their values in the cases. */
  factors: { name: string; path: string; min: number; max: number }[];
  trajectory: ReportedStep[];
  chosen: ReportedStep & { rule: string; restrictions: Restriction[]; unrestricted: string[] };
}

/** What the condition and cases are built over. */
export interface DiscoverSpace extends CaseSpace {
  outcomes: readonly string[];
  /** Value factors with their labels, for selectors. */
  selectable: readonly SelectableFactor[];
  /** Which way each outcome is good, for `regret(…)` without a direction (default: stats/directions.ts). */
  directionOf?: DirectionOf | undefined;
}

const nullable = (v: number) => (Number.isNaN(v) ? null : v);

/** A trajectory step with its limits by factor name. */
function reportStep(s: TrajectoryStep, step: number, names: readonly string[]): ReportedStep {
  const { phase, coverage, density, mass, n, k, restricted } = s;
  const limits = Object.fromEntries(
    names.map((name, j): [string, [number, number]] => [name, [s.box.lower[j]!, s.box.upper[j]!]]),
  );
  return { step, phase, coverage, density, mass, n, k, restricted, limits };
}

/** The step with the largest coverage × density; ties to the earlier (larger) box. */
function bestStep(steps: readonly ReportedStep[]): number {
  let pick = 0;
  steps.forEach((s, i) => {
    if (s.coverage * s.density > steps[pick]!.coverage * steps[pick]!.density) pick = i;
  });
  return pick;
}

/** Find the box where `where` holds, over the range factors of `space`. */
export function discoverBox(
  rows: readonly RunRow[],
  where: string,
  space: DiscoverSpace,
  opts: DiscoverOptions,
): { ok: true; value: DiscoverReport } | Failure {
  if (space.ranges.length === 0)
    return failure(problem("option", "", "the study has no range factors (min/max) to find a box over"));
  const cond = compileCondition(where, space.outcomes, space.selectable, space.directionOf);
  if (!cond.ok) return cond;
  const { data, dropped } = buildCases(rows, cond.value, space);
  if (data.y.length === 0)
    return failure(problem("option", "", `no case has every run the condition reads (${dropped} left out)`));
  const steps = primTrajectory(data, opts);
  const names = space.ranges.map((f) => f.name);
  const reported = steps.map((s, step) => reportStep(s, step, names));
  let pick = bestStep(reported);
  if (opts.step !== undefined) {
    if (opts.step >= steps.length)
      return failure(
        problem("option", "", `--box ${opts.step}: the trajectory has steps 0 to ${steps.length - 1}`),
      );
    pick = opts.step;
  }
  const init = initialBox(data);
  const box = steps[pick]!.box;
  const qp = quasiPValues(data, box, init);
  const restrictions: Restriction[] = [];
  const unrestricted: string[] = [];
  names.forEach((factor, j) => {
    if (box.lower[j] === init.lower[j] && box.upper[j] === init.upper[j]) unrestricted.push(factor);
    else
      restrictions.push({
        factor,
        min: box.lower[j]!,
        max: box.upper[j]!,
        pLower: nullable(qp[j]![0]),
        pUpper: nullable(qp[j]![1]),
      });
  });
  const rule = opts.step !== undefined ? "the step named by --box" : "largest coverage × density";
  const k = steps[0]!.k;
  return {
    ok: true,
    value: {
      where,
      cases: data.y.length,
      casesOfInterest: k,
      dropped,
      replicates: "each replicate is its own case",
      options: {
        peel: opts.peelAlpha,
        paste: opts.pasteAlpha,
        minSupport: opts.massMin,
        objective: "lenient1 (gain in mean per case removed)",
      },
      factors: space.ranges.map((f, j) => ({ ...f, min: init.lower[j]!, max: init.upper[j]! })),
      trajectory: reported,
      chosen: { ...reported[pick]!, rule, restrictions, unrestricted },
    },
  };
}
