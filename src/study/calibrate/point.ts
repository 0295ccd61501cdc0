/**
 * The fitted point: the values written as defaults and re-simulated for the fit table. `mean`
 * is the posterior mean. `best` re-simulates the `pointCandidates` particles of the last
 * population nearest the targets, each with the `fitSeeds` seeds of the fit table (the same
 * seeds for every candidate), and keeps the one whose re-simulated means land nearest. The mean
 * of a wide posterior whose parameters trade off against each other (a ridge, or two modes) can
 * fall where no particle fits; the best particle re-simulated with many seeds cannot, and its
 * distance is measured rather than the luck of the two seeds that accepted it.
 */
import { distanceOf, targetMeans } from "./distance.js";
import { type Evaluator, evaluateFit } from "./evaluate.js";
import type { Posterior } from "./generations.js";
import type { FitRow } from "./journal.js";
import type { ParameterSummary, PointCandidate } from "./outputs.js";

/** The fitted point: values in parameter order, the fit rows, and the candidates tried. */
export interface FittedPoint {
  kind: "mean" | "best";
  values: number[];
  rows: FitRow[];
  candidates: PointCandidate[];
}

const round6 = (v: number) => Number(v.toPrecision(6));

/** The distance of the fit rows' means (failed runs make it infinite). */
function refitDistance(ev: Evaluator, rows: readonly FitRow[]): number {
  const t = ev.calibration.targets;
  const runs = rows.map((r) =>
    Object.fromEntries(t.map((x) => [x.outcome, r.outcomes[x.outcome] ?? Number.NaN])),
  );
  return distanceOf(t, targetMeans(t, runs));
}

/** Choose and re-simulate the fitted point; undefined if stopped. */
export async function fitPoint(
  ev: Evaluator,
  posterior: Posterior,
  summary: readonly ParameterSummary[],
): Promise<FittedPoint | undefined> {
  const c = ev.calibration;
  const seeds = c.input.fitSeeds;
  if (c.input.point === "mean") {
    const values = summary.map((p) => p.fitted);
    const rows = await evaluateFit(ev, values, seeds);
    return rows && { kind: "mean", values, rows, candidates: [] };
  }
  const nearest = posterior.rows
    .map((row, k) => ({ row, k }))
    .sort((a, b) => a.row.distance! - b.row.distance! || a.k - b.k)
    .slice(0, c.input.pointCandidates);
  let best: FittedPoint | undefined;
  const candidates: PointCandidate[] = [];
  for (const [i, { row }] of nearest.entries()) {
    const values = c.parameters.map((p) => round6(row.parameters[p.name]!));
    const rows = await evaluateFit(ev, values, seeds, i * seeds);
    if (!rows) return undefined;
    const refit = refitDistance(ev, rows);
    candidates.push({ generation: row.generation, draw: row.draw, accepted: row.distance!, refit });
    if (!best || refit < refitDistance(ev, best.rows)) best = { kind: "best", values, rows, candidates };
  }
  return { ...best!, candidates };
}
