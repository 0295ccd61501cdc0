/**
 * The paired cases a flip-point fit reads: one per scenario, design sample (point mod samples),
 * replicate and combination of the other value factors, holding the two arms' runs of the same
 * sampled parameters. A case's x is the value of the factor the flip is sought along (the same in
 * both arms: it is a range factor of the sample); its d is the outcome in arm A minus arm B. A case
 * missing an arm, with a failed run or a non-finite outcome is left out and counted.
 */
import type { RunRow } from "../../core/run-row.js";
import { labelOf } from "../labels.js";

/** A factor by its study name and parameter path. */
export interface NamedFactor {
  name: string;
  path: string;
}

/** What the cases are built over. */
export interface FlipSpace {
  /** Samples per factorial cell of the design (1 for a full factorial). */
  samples: number;
  /** The factor whose arms are compared (e.g. posture). */
  by: NamedFactor;
  /** The two labels compared: d = outcome(A) − outcome(B). */
  arms: readonly [string, string];
  /** The range factor the flip is sought along (e.g. the threat's criminal share). */
  along: NamedFactor;
  /** The other value factors: cases are kept apart by their labels and pooled in the fit. */
  others: readonly NamedFactor[];
}

/** The cases' x and d, in the order their first run appears, and how many were left out. */
export interface FlipCases {
  x: number[];
  d: number[];
  /** The two arms' outcomes (d = a − b). */
  a: number[];
  b: number[];
  dropped: number;
}

const labelIn = (row: RunRow, f: NamedFactor) => labelOf(row, f.name) ?? labelOf(row, f.path) ?? "";

/** Arm A's and B's run of each case, keyed by scenario, sample, replicate and the other factors' labels. */
function groupByCase(rows: readonly RunRow[], space: FlipSpace): Map<string, (RunRow | undefined)[]> {
  const groups = new Map<string, (RunRow | undefined)[]>();
  for (const row of rows) {
    const arm = space.arms.indexOf(labelIn(row, space.by));
    if (arm < 0) continue;
    const key = JSON.stringify([
      row.scenario,
      row.point % space.samples,
      row.replicate,
      ...space.others.map((f) => labelIn(row, f)),
    ]);
    let g = groups.get(key);
    if (!g) {
      g = [undefined, undefined];
      groups.set(key, g);
    }
    g[arm] = row;
  }
  return groups;
}

/** The finite value of `outcome` in `row` if it finished, else undefined. */
function finiteOutcome(row: RunRow | undefined, outcome: string): number | undefined {
  const v = row?.status === "ok" ? row.outcomes[outcome] : undefined;
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** The paired cases of `rows` for `outcome` under `space`. */
export function flipCases(rows: readonly RunRow[], outcome: string, space: FlipSpace): FlipCases {
  const out: FlipCases = { x: [], d: [], a: [], b: [], dropped: 0 };
  for (const [a, b] of groupByCase(rows, space).values()) {
    const ya = finiteOutcome(a, outcome);
    const yb = finiteOutcome(b, outcome);
    const x = a?.factors[space.along.path];
    if (ya === undefined || yb === undefined || typeof x !== "number" || !Number.isFinite(x)) {
      out.dropped++;
      continue;
    }
    out.x.push(x);
    out.d.push(ya - yb);
    out.a.push(ya);
    out.b.push(yb);
  }
  return out;
}
