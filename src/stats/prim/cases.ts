/**
 * The cases PRIM searches, from a study's runs and a condition. A case is one scenario, design
 * sample (point mod samples: the range factors' values) and replicate, within one combination of
 * the value factors the condition does not pair; its runs are the arms of the paired factors
 * (all one run when nothing is paired). Its x are the range factors' values, its y whether the
 * condition holds. Replicates stay separate cases (the condition is about runs, and a sample
 * whose replicates disagree should lower the density). A case missing a run, or with a failed
 * run or a non-finite outcome the condition reads, is left out and counted.
 */

import type { RunRow } from "../../core/run-row.js";
import { labelOf } from "../labels.js";
import type { PrimData } from "./box.js";
import type { Condition } from "./condition.js";

/** What the cases are built over. */
export interface CaseSpace {
  /** Samples per factorial cell of the design. */
  samples: number;
  /** Range factors (PRIM's dimensions): name and path. */
  ranges: { name: string; path: string }[];
  /** Value factors: name and path. */
  values: { name: string; path: string }[];
}

/** PRIM's data and what was left out. */
export interface Cases {
  data: PrimData;
  /** Cases left out: a missing or failed run, or a non-finite value. */
  dropped: number;
}

/** Label of `row` under factor `f` (arm label by name, else its value by path). */
const labelIn = (row: RunRow, f: { name: string; path: string }) =>
  labelOf(row, f.name) ?? labelOf(row, f.path) ?? "";

/** The runs of each case, keyed by the labels of the paired factors. */
function groupCases(
  rows: readonly RunRow[],
  cond: Condition,
  space: CaseSpace,
): Map<string, Map<string, RunRow>> {
  const paired = space.values.filter((f) => cond.paired.includes(f.name));
  const unpaired = space.values.filter((f) => !cond.paired.includes(f.name));
  const groups = new Map<string, Map<string, RunRow>>();
  for (const row of rows) {
    const key = JSON.stringify([
      row.scenario,
      row.point % space.samples,
      row.replicate,
      ...unpaired.map((f) => labelIn(row, f)),
    ]);
    let g = groups.get(key);
    if (!g) {
      g = new Map();
      groups.set(key, g);
    }
    g.set(JSON.stringify(paired.map((f) => labelIn(row, f))), row);
  }
  return groups;
}

/** The cases of `rows` under `cond`, in the order their first run appears. */
export function buildCases(rows: readonly RunRow[], cond: Condition, space: CaseSpace): Cases {
  const paired = space.values.filter((f) => cond.paired.includes(f.name));
  const armKeys = cond.refs.map((r) => JSON.stringify(paired.map((f) => r.pins[f.name])));
  const xs: number[][] = space.ranges.map(() => []);
  const ys: number[] = [];
  const inputs = new Float64Array(cond.refs.length);
  let dropped = 0;
  for (const arms of groupCases(rows, cond, space).values()) {
    let ok = true;
    cond.refs.forEach((ref, i) => {
      const row = arms.get(armKeys[i]!);
      const v = row?.status === "ok" ? row.outcomes[ref.outcome] : undefined;
      if (typeof v === "number" && Number.isFinite(v)) inputs[i] = v;
      else ok = false;
    });
    const holds = ok ? cond.formula.evaluate(inputs) : undefined;
    const first = arms.values().next().value!;
    const x = space.ranges.map((f) => first.factors[f.path]);
    if (!holds?.ok || x.some((v) => typeof v !== "number" || !Number.isFinite(v))) {
      dropped++;
      continue;
    }
    for (let j = 0; j < x.length; j++) xs[j]!.push(x[j] as number);
    ys.push(holds.value !== 0 ? 1 : 0);
  }
  return { data: { x: xs.map((c) => Float64Array.from(c)), y: Uint8Array.from(ys) }, dropped };
}
