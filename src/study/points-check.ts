/**
 * Every design point of every scenario validated by the model's schema before anything runs. A
 * bad point is a mistake in the study file, so its problem is located there: at the offending
 * value of a value factor, at a range factor, or at `ticks`, with the parameter path and the
 * schema's own words ("params.security.TJ.corruption must be a number between 0 and 1").
 */
import { formatPath } from "../core/problems.js";
import type { LoadedScenario } from "../scenario/load.js";
import { describeIssues, type Finding } from "../scenario/messages.js";
import { scenarioOptionFor } from "../scenario/schema.js";
import { type Design, pointValues, valueIndexes } from "./designs/design.js";
import { splitPath } from "./param-path.js";
import { resolvePoint } from "./point.js";

/** Whether one path is a prefix of the other (the issue is in the factor's value, or above it). */
function related(a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (String(a[i]) !== String(b[i])) return false;
  return true;
}

/**
 * Most design points checked one by one per scenario. A larger design (a 10⁶-sample Sobol design
 * takes minutes to check on the nexus model) has every k-th point checked, and every value of
 * every value factor and both ends of every range with the other factors at point 0; a point
 * left unchecked that the schema refuses fails as a run, recorded with its problems.
 */
export const MAX_CHECKED_POINTS = 100_000;

/**
 * The candidate value lists to check: every design point (or every k-th of a large design, and
 * then each value of each value factor), plus each range factor at its two ends.
 */
function* candidates(design: Design): Generator<{ values: unknown[]; point: number }> {
  const stride = Math.ceil(design.points / MAX_CHECKED_POINTS);
  for (let p = 0; p < design.points; p += stride) yield { values: pointValues(design, p), point: p };
  if (stride > 1) {
    // The point of each value of each value factor with the others at their first value (mixed radix, first slowest).
    const lengths = design.factors.flatMap((f) => (f.kind === "values" ? [f.values.length] : []));
    let weight = design.samples * lengths.reduce((a, n) => a * n, 1);
    for (const n of lengths) {
      weight /= n;
      for (let j = 1; j < n; j++) yield { values: pointValues(design, j * weight), point: j * weight };
    }
  }
  const base = pointValues(design, 0);
  for (const [i, f] of design.factors.entries()) {
    if (f.kind !== "range") continue;
    for (const end of [f.min, f.max]) {
      const values = [...base];
      values[i] = f.integer ? (end === f.min ? Math.ceil(end) : Math.floor(end)) : end;
      yield { values, point: 0 };
    }
  }
}

/** How many candidates `candidates(design)` yields. */
function candidateCount(design: Design): number {
  const stride = Math.ceil(design.points / MAX_CHECKED_POINTS);
  let n = Math.ceil(design.points / stride);
  for (const f of design.factors) n += f.kind === "range" ? 2 : stride > 1 ? f.values.length - 1 : 0;
  return n;
}

/** Called with the points checked so far and the total, every few thousand points. */
export type CheckProgress = (checked: number, total: number) => void;

/**
 * Problems (located in the study file) of every point of `design` on each scenario; `tag`
 * names the scenario in messages when a study has several. A million-point design takes minutes
 * on a large model, hence `onProgress`.
 */
export function checkPoints(
  scenarios: readonly { key: string; scenario: LoadedScenario }[],
  design: Design,
  ticks: number | undefined,
  onProgress?: CheckProgress,
): Finding[] {
  const total = scenarios.length * candidateCount(design);
  let checked = 0;
  const out: Finding[] = [];
  const paths = design.factors.map((f) => f.path);
  const segs = paths.map(splitPath);
  const seen = new Set<string>();
  for (const { key, scenario } of scenarios) {
    const root = scenarioOptionFor(scenario.model.name)!;
    const tag = scenarios.length > 1 ? ` (scenario ${key})` : "";
    for (const { values, point } of candidates(design)) {
      if (onProgress && ++checked % 4096 === 0) onProgress(checked, total);
      const r = resolvePoint(scenario, paths, values, ticks);
      if (r.ok) continue;
      for (const p of describeIssues(r.issues, { root, data: r.data, model: scenario.model })) {
        const i = segs.findIndex((s) => related(s, p.path));
        const f = design.factors[i];
        let at: PropertyKey[];
        if (f?.kind === "values") {
          const v = design.factors.slice(0, i).filter((g) => g.kind === "values").length;
          at = ["factors", f.path, "values", valueIndexes(design, point)[v]!];
        } else if (f) at = ["factors", f.path];
        else at = p.path[0] === "ticks" && ticks !== undefined ? ["ticks"] : ["factors"];
        // One message per place: a bad value repeats in every point it is crossed into.
        const message = `${formatPath(p.path)} ${p.message}${tag}`;
        const id = `${formatPath(at)} ${message}`;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push({ path: at, message, at: "value" });
      }
    }
  }
  return out;
}
