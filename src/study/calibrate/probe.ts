/**
 * What a calibration file asks of its model, checked before anything runs: each prior's two ends
 * are values the model's schema accepts (with the other parameters as the scenario sets them),
 * and each target names an outcome the model reports — read from one probe run of the scenario
 * as written (its seed, the calibration's horizon), since outcome names depend on the world.
 */
import { formatPath } from "../../core/problems.js";
import { runModel } from "../../core/run.js";
import { didYouMean } from "../../core/suggest.js";
import type { LoadedScenario } from "../../scenario/load.js";
import { describeIssues, type Finding } from "../../scenario/messages.js";
import { scenarioOptionFor } from "../../scenario/schema.js";
import { resolvePoint } from "../point.js";
import type { FreeParameter, Target } from "./checks.js";

/** Problems of each prior end the model's schema (or its cross-field check) rejects, at that end. */
export function priorEndProblems(
  sc: LoadedScenario,
  parameters: readonly FreeParameter[],
  ticks: number | undefined,
): Finding[] {
  const out: Finding[] = [];
  const root = scenarioOptionFor(sc.model.name)!;
  for (const p of parameters) {
    for (const end of ["min", "max"] as const) {
      const r = resolvePoint(sc, [p.path], [p[end]], ticks);
      const at = ["parameters", p.path, end];
      if (!r.ok) {
        for (const f of describeIssues(r.issues, { root, data: r.data, model: sc.model }))
          out.push({ path: at, message: `${formatPath(f.path)} ${f.message}`, at: "value" });
        continue;
      }
      for (const c of sc.model.check?.(r.params, sc.map) ?? [])
        out.push({ path: at, message: `${formatPath(["params", ...c.path])} ${c.message}`, at: "value" });
    }
  }
  return out;
}

/** A target naming no outcome of the probe run, located at its key with the closest name. */
export function unknownOutcomes(
  sc: LoadedScenario,
  targets: readonly Target[],
  ticks: number | undefined,
): Finding[] {
  const r = resolvePoint(sc, [], [], ticks);
  if (!r.ok) return [{ path: ["ticks"], message: "is not a horizon the model accepts", at: "value" }];
  const run = runModel(sc.model, r.params, { seed: sc.seed, ticks: r.ticks, map: sc.map });
  if (!run.ok)
    return [
      { path: ["scenario"], message: `the probe run failed: ${run.problems[0]!.message}`, at: "value" },
    ];
  const names = Object.keys(run.result.outcomes);
  return targets
    .filter((t) => !(t.outcome in run.result.outcomes))
    .map((t) => ({
      path: ["targets", t.outcome],
      message: `is not an outcome of model "${sc.model.name}"${didYouMean(t.outcome, names)}`,
      at: "key" as const,
    }));
}
