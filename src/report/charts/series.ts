/**
 * Per-tick series of a study, aggregated per cell: the mean and the 5th/95th percentiles (type 7)
 * over runs at each kept tick. Read from series.parquet a chunk of rows at a time, or from a
 * folder written before it (one `series/<run id>.json` per run, read one at a time); only the
 * wanted series are kept, so memory grows with cells × ticks × runs of those series.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { quantiles } from "../../stats/describe.js";
import { TABLES } from "../../study/tables/compact.js";
import { forEachRow } from "../../study/tables/parquet.js";
import type { Cell } from "../arms.js";
import type { BandRow } from "./specs.js";

/** Aggregated series: band rows per series name, and how many runs had no series. */
export interface SeriesBands {
  /** Series name → rows over cells and ticks. */
  bands: Map<string, BandRow[]>;
  /** Series names present in at least one run. */
  present: string[];
  /** Finished runs with no series (no rows in series.parquet, or a missing or unreadable file). */
  missingFiles: number;
  /** The first few of them: files relative to the results folder, or run ids in series.parquet. */
  missingNames: string[];
  /** Where the missing ones were looked for, for the report's note. */
  source: "series.parquet" | "series file";
  /** Finished runs whose series were read: what the bands rest on. */
  usedRuns: number;
}

/** tick → series → values over runs, of one cell. */
type CellValues = Map<number, Map<string, number[]>>;

function add(byTick: CellValues, t: number, name: string, v: unknown): void {
  if (typeof v !== "number" || !Number.isFinite(v)) return;
  let s = byTick.get(t);
  if (!s) {
    s = new Map();
    byTick.set(t, s);
  }
  let vs = s.get(name);
  if (!vs) {
    vs = [];
    s.set(name, vs);
  }
  vs.push(v);
}

/** Fill one CellValues per cell from series.parquet; returns the ids of finished runs it holds. */
async function fromTable(file: string, cells: Cell[], names: readonly string[], out: CellValues[]) {
  const cellOf = new Map<string, number>();
  cells.forEach((c, k) => {
    for (const r of c.rows) if (r.status === "ok") cellOf.set(r.id, k);
  });
  const wanted = new Set(names);
  const seen = new Set<string>();
  await forEachRow(file, ["id", "tick", "series", "value"], (r) => {
    const k = cellOf.get(r.id as string);
    if (k === undefined) return;
    seen.add(r.id as string);
    if (wanted.has(r.series as string)) add(out[k]!, r.tick as number, r.series as string, r.value);
  });
  return seen;
}

/** Fill one CellValues per cell from series/<run id>.json files; returns the ids read. */
function fromFiles(dir: string, cells: Cell[], names: readonly string[], out: CellValues[]) {
  const seen = new Set<string>();
  cells.forEach((cell, k) => {
    for (const r of cell.rows) {
      if (r.status !== "ok") continue;
      let doc: { ticks?: unknown; series?: Record<string, unknown> };
      try {
        doc = JSON.parse(readFileSync(join(dir, "series", `${r.id}.json`), "utf8"));
      } catch {
        continue;
      }
      seen.add(r.id);
      const ticks = Array.isArray(doc.ticks) ? (doc.ticks as number[]) : [];
      for (const name of names) {
        const values = doc.series?.[name];
        if (Array.isArray(values)) for (const [i, t] of ticks.entries()) add(out[k]!, t, name, values[i]);
      }
    }
  });
  return seen;
}

/** Read the series of every finished run in `cells`, keeping `names`. */
export async function loadSeriesBands(
  dir: string,
  cells: Cell[],
  names: readonly string[],
): Promise<SeriesBands> {
  const perCell: CellValues[] = cells.map(() => new Map());
  const table = join(dir, TABLES.series);
  const parquet = existsSync(table);
  const seen = parquet
    ? await fromTable(table, cells, names, perCell)
    : fromFiles(dir, cells, names, perCell);
  let missingFiles = 0;
  const missingNames: string[] = [];
  for (const c of cells)
    for (const r of c.rows) {
      if (r.status !== "ok" || seen.has(r.id)) continue;
      missingFiles++;
      if (missingNames.length < 5) missingNames.push(parquet ? r.id : `series/${r.id}.json`);
    }
  const present = new Set<string>();
  const bands = new Map<string, BandRow[]>();
  cells.forEach((cell, k) => {
    const byTick = perCell[k]!;
    for (const t of [...byTick.keys()].sort((a, b) => a - b)) {
      for (const [name, vs] of byTick.get(t)!) {
        present.add(name);
        const [lo, hi] = quantiles(vs, [0.05, 0.95]) as [number, number];
        let mean = 0;
        for (const v of vs) mean += v;
        mean /= vs.length;
        let rows = bands.get(name);
        if (!rows) {
          rows = [];
          bands.set(name, rows);
        }
        rows.push({ tick: t, level: cell.level, arm: cell.label, mean, lo, hi });
      }
    }
  });
  const source = parquet ? ("series.parquet" as const) : ("series file" as const);
  return {
    bands,
    present: names.filter((n) => present.has(n)),
    missingFiles,
    missingNames,
    source,
    usedRuns: seen.size,
  };
}
