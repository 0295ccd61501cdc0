/**
 * A sensitivity study's runs as one output value per design sample. Each scenario and factorial
 * cell (the value factors' combination, design point ⌊p / samples⌋) is its own design; within
 * it, the replicates of a sample are averaged (mean of the finite outcome values of its finished
 * runs) before any estimator sees them — the estimators then measure what drives the expected
 * outcome, and replicate noise only widens their intervals. A sample without a finite value is NaN.
 */

import type { RunRow } from "../../core/run-row.js";
import { labelOf } from "../labels.js";

/** A value factor, to label cells: its study name and parameter path. */
export interface CellFactor {
  name: string;
  path: string;
}

/** The runs of one scenario and factorial cell. */
export interface DesignGroup {
  scenario: string;
  /** Cell index ⌊point / samples⌋. */
  cell: number;
  /** Value factor name → label of this cell ({} without value factors). */
  labels: Record<string, string>;
  /** Its runs, in row order. */
  rows: RunRow[];
}

/** The rows grouped by scenario and cell, in scenario then cell order. */
export function designGroups(
  rows: readonly RunRow[],
  samples: number,
  cellFactors: readonly CellFactor[],
): DesignGroup[] {
  const groups = new Map<string, DesignGroup>();
  for (const row of rows) {
    const cell = Math.floor(row.point / samples);
    const key = `${row.scenario}\u0000${cell}`;
    let g = groups.get(key);
    if (!g) {
      const labels: Record<string, string> = {};
      for (const f of cellFactors) labels[f.name] = labelOf(row, f.name) ?? labelOf(row, f.path) ?? "";
      g = { scenario: row.scenario, cell, labels, rows: [] };
      groups.set(key, g);
    }
    g.rows.push(row);
  }
  return [...groups.values()].sort((a, b) =>
    a.scenario !== b.scenario ? (a.scenario < b.scenario ? -1 : 1) : a.cell - b.cell,
  );
}

/**
 * Mean of `outcome` per sample (index point mod samples) over the group's finished runs, NaN where
 * none; and the replicate noise left in those means: the average over samples with two or more
 * values of (variance of the values, n − 1 denominator) / n — NaN when no sample has two.
 */
export function sampleMeans(
  group: DesignGroup,
  outcome: string,
  samples: number,
): { means: Float64Array; noise: number } {
  const sum = new Float64Array(samples);
  const sumSq = new Float64Array(samples);
  const count = new Int32Array(samples);
  for (const row of group.rows) {
    if (row.status !== "ok") continue;
    const v = row.outcomes[outcome];
    if (typeof v !== "number" || !Number.isFinite(v)) continue;
    const s = row.point % samples;
    sum[s] = sum[s]! + v;
    sumSq[s] = sumSq[s]! + v * v;
    count[s] = count[s]! + 1;
  }
  const means = new Float64Array(samples);
  let noise = 0;
  let noisy = 0;
  for (let s = 0; s < samples; s++) {
    const n = count[s]!;
    means[s] = n > 0 ? sum[s]! / n : Number.NaN;
    if (n < 2) continue;
    // Sum of squares about the mean, floored at 0 against rounding.
    const ss = Math.max(0, sumSq[s]! - n * means[s]! * means[s]!);
    noise += ss / (n - 1) / n;
    noisy++;
  }
  return { means, noise: noisy > 0 ? noise / noisy : Number.NaN };
}

/** The label of a cell for messages and tables: "name=label, …", or "(all)" without value factors. */
export function cellText(labels: Record<string, string>): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
  return parts.length > 0 ? parts.join(", ") : "(all)";
}
