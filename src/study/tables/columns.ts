/**
 * Rows as table columns: runs of runs.ndjson as the columns of runs.parquet and the long rows of
 * outcomes.parquet (see layout.ts), and thinned series as the long rows of series.parquet (id,
 * tick, series, value). Non-finite numbers are nulls, as in runs.ndjson.
 */
import type { RunRow } from "../../core/run-row.js";
import { errorCell } from "../results/csv.js";
import type { SeriesDocument } from "../results/series.js";
import { cellOf, FIXED_COLUMNS, leafValue, type RunsLayout } from "./layout.js";
import type { Column } from "./parquet.js";

/** The columns of runs.parquet for `rows`. */
export function runsColumns(layout: RunsLayout, rows: readonly RunRow[]): Column[] {
  const fixed: Record<string, (r: RunRow) => unknown> = {
    id: (r) => r.id,
    scenario: (r) => r.scenario,
    point: (r) => r.point,
    replicate: (r) => r.replicate,
    seed: (r) => r.seed ?? null,
    status: (r) => r.status,
    error: (r) => errorCell(r.problems) ?? null,
    ticks: (r) => r.ticks ?? null,
  };
  return [
    ...FIXED_COLUMNS.map((c) => ({ ...c, data: rows.map((r) => cellOf(fixed[c.name]!(r), c.type)) })),
    ...layout.factors.map((f) => ({
      name: f.name,
      type: f.type,
      data: rows.map((r) => cellOf(leafValue(r.factors[f.path], f.leaf), f.type)),
    })),
    ...layout.arms.map((a) => ({
      name: a.name,
      type: "STRING" as const,
      data: rows.map((r) => r.arm?.[a.factor] ?? null),
    })),
    ...layout.outcomes.map((o) => ({
      name: o.name,
      type: "DOUBLE" as const,
      data: rows.map((r) => cellOf(r.outcomes[o.outcome], "DOUBLE")),
    })),
  ];
}

/** A dimension's column name in outcomes.parquet (one that would clash with a fixed column gets `dim_`). */
export const dimColumn = (d: string) => (["id", "outcome", "value"].includes(d) ? `dim_${d}` : d);

/** The columns of outcomes.parquet for `rows`: one row per run and dimensioned outcome. */
export function outcomesColumns(layout: RunsLayout, rows: readonly RunRow[]): Column[] {
  const id: string[] = [];
  const outcome: string[] = [];
  const value: (number | null)[] = [];
  const dims = layout.dims.map(() => [] as (string | null)[]);
  for (const r of rows) {
    for (const [name, v] of Object.entries(r.outcomes)) {
      const s = layout.split(name);
      if (!s) continue;
      id.push(r.id);
      outcome.push(s.outcome);
      value.push(cellOf(v, "DOUBLE") as number | null);
      layout.dims.forEach((d, k) => {
        dims[k]!.push(s.dims.find(([n]) => n === d)?.[1] ?? null);
      });
    }
  }
  return [
    { name: "id", type: "STRING", data: id },
    { name: "outcome", type: "STRING", data: outcome },
    ...layout.dims.map((d, k) => ({ name: dimColumn(d), type: "STRING" as const, data: dims[k]! })),
    { name: "value", type: "DOUBLE", data: value },
  ];
}

/** The columns of series.parquet for `docs`: one row per run, series and kept tick, in that order. */
export function seriesColumns(docs: readonly SeriesDocument[]): Column[] {
  let n = 0;
  for (const d of docs) n += Object.keys(d.series).length * d.ticks.length;
  const id = new Array<string>(n);
  const tick = new Array<number>(n);
  const series = new Array<string>(n);
  const value = new Array<number | null>(n);
  let r = 0;
  for (const d of docs) {
    for (const name of Object.keys(d.series)) {
      const values = d.series[name]!;
      for (let i = 0; i < d.ticks.length; i++, r++) {
        id[r] = d.id;
        tick[r] = d.ticks[i]!;
        series[r] = name;
        const v = values[i];
        value[r] = typeof v === "number" && Number.isFinite(v) ? v : null;
      }
    }
  }
  return [
    { name: "id", type: "STRING", data: id },
    { name: "tick", type: "INT32", data: tick },
    { name: "series", type: "STRING", data: series },
    { name: "value", type: "DOUBLE", data: value },
  ];
}
