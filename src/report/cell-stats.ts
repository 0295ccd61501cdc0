/**
 * Statistics of one outcome in one cell, computed once and shared by tables, maps and charts. A
 * cell that is one design point takes its numbers from the study summary (summary.json, or the
 * same computation when that file is missing), so they are summary.csv's by construction; a cell
 * pooling several points is described by the same function over its runs.
 */
import { describeSample, quantiles, type SampleStats } from "../stats/describe.js";
import { outcomeValues, type PointSummary, type StudySummary } from "../stats/points.js";
import type { Cell } from "./arms.js";

/** A cell's statistics of one outcome, with its quartiles for box plots. */
export interface CellStats extends SampleStats {
  /** Finished runs without a finite value. */
  missing: number;
  /** Failed runs of the cell. */
  failed: number;
  /** First and third quartiles (type 7). */
  q1: number;
  q3: number;
}

const pointKey = (scenario: string, point: number) => `${scenario}\u0000${point}`;

/** Memoised statistics per cell and outcome. */
export class StatsCache {
  private readonly cache = new Map<Cell, Map<string, { stats: CellStats; values: number[] }>>();
  private readonly points: Map<string, PointSummary>;

  constructor(summary: StudySummary) {
    this.points = new Map(summary.points.map((p) => [pointKey(p.scenario, p.point), p]));
  }

  /** The finite values of `outcome` over the cell's finished runs, in run order. */
  values(cell: Cell, outcome: string): number[] {
    return this.entry(cell, outcome).values;
  }

  /** The statistics of `outcome` in `cell`. */
  stats(cell: Cell, outcome: string): CellStats {
    return this.entry(cell, outcome).stats;
  }

  private entry(cell: Cell, outcome: string): { stats: CellStats; values: number[] } {
    let byOutcome = this.cache.get(cell);
    if (!byOutcome) {
      byOutcome = new Map();
      this.cache.set(cell, byOutcome);
    }
    let e = byOutcome.get(outcome);
    if (!e) {
      const values = outcomeValues(cell.rows, outcome);
      const ok = cell.rows.filter((r) => r.status === "ok").length;
      const first = cell.rows[0];
      const point =
        cell.points === 1 && first ? this.points.get(pointKey(first.scenario, first.point)) : undefined;
      const known = point?.outcomes[outcome];
      const [q1, q3] = quantiles(values, [0.25, 0.75]) as [number, number];
      const base: SampleStats = known && known.n === values.length ? known : describeSample(values);
      e = { values, stats: { ...base, missing: ok - values.length, failed: cell.rows.length - ok, q1, q3 } };
      byOutcome.set(outcome, e);
    }
    return e;
  }
}
