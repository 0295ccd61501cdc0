/**
 * One line of `runs.ndjson` per run (its shape: src/core/run-row.ts). Workers return only what
 * the run produced (a record); the main thread adds what the plan knows (id, scenario, point,
 * replicate, seed, factors, arm), so the row is built in one place. Keys are always in the order
 * of the row type, which other tools (`pamir summarize`) and people reading the file rely on.
 */
import type { Problem } from "../../core/problems.js";
import type { RunRow } from "../../core/run-row.js";
import type { PlanShape } from "../plan.js";
import { coordsOf, runId } from "../plan.js";
import type { SeriesDocument } from "../results/series.js";

/** What a worker returns for one run. */
export interface RunRecord {
  /** Plan index of the run. */
  index: number;
  status: "ok" | "failed";
  /** Why a failed run failed. */
  problems?: Problem[] | undefined;
  /** Wall-clock time of check + setup + run, ms (the only field that differs between repeats). */
  durationMs: number;
  /** Ticks actually run (0 for a failed run). */
  ticks: number;
  /** Kept outcomes in the model's order; non-finite values are written as null. */
  outcomes: Record<string, number>;
  /** The run's thinned series, when the study keeps series (see BatchContext.series). */
  series?: SeriesDocument | undefined;
}

/** What the plan knows about a run's point, for building its row. */
export interface PointInfo {
  factors: Record<string, unknown>;
  arm?: Record<string, string> | undefined;
}

/** The full row of `rec` (key order fixed here). */
export function buildRow(shape: PlanShape, seed: number, point: PointInfo, rec: RunRecord): RunRow {
  const c = coordsOf(shape, rec.index);
  // Spreads keep the key order: optional keys sit in their place or are absent, never undefined.
  return {
    id: runId(shape, rec.index),
    scenario: shape.keys[c.scenario]!,
    point: c.point,
    replicate: c.replicate,
    seed,
    factors: point.factors,
    ...(point.arm ? { arm: point.arm } : {}),
    status: rec.status,
    ...(rec.problems ? { problems: rec.problems } : {}),
    durationMs: rec.durationMs,
    ticks: rec.ticks,
    outcomes: rec.outcomes,
  };
}

/** The row as one ndjson line, newline included (non-finite numbers become null, as JSON requires). */
export function rowLine(row: RunRow): string {
  return `${JSON.stringify(row)}\n`;
}
