/**
 * The end of a study: its tables compacted. runs.parquet and outcomes.parquet are written from
 * runs.ndjson once it is sorted into plan order (the rows' one record, so the tables hold
 * exactly its values); series.parquet from the series parts, in plan order of the runs, one copy
 * per run (a batch done again after a crash wrote its series twice). Memory holds one window of
 * runs at a time: each part is read when the window reaches the runs it holds. Series of a
 * folder an older pamir started (one `series/<run id>.json` per run) are taken in for runs no
 * part holds.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type RunRow, upgradeRow } from "../../core/run-row.js";
import { indexOfId, type PlanShape, runId } from "../plan.js";
import { forEachLine } from "../results/ndjson.js";
import type { SeriesDocument } from "../results/series.js";
import { outcomesColumns, runsColumns, seriesColumns } from "./columns.js";
import { type RunsLayout, runsLayout } from "./layout.js";
import { type Column, forEachRow, ROW_GROUP, readColumns, TableStream } from "./parquet.js";
import type { PartsLayout } from "./parts.js";
import { listParts, PARTS_DIR, removeParts } from "./parts.js";

/** The table files of a finished study. */
export const TABLES = {
  runs: "runs.parquet",
  outcomes: "outcomes.parquet",
  series: "series.parquet",
} as const;

/** Write runs.parquet and outcomes.parquet from the sorted runs.ndjson of `dir`. */
export function compactRuns(dir: string, parts: PartsLayout, outcomeNames: readonly string[]): RunsLayout {
  const layout = runsLayout(parts.factors, parts.arms, outcomeNames, parts.split);
  const runs = new TableStream(join(dir, TABLES.runs));
  const outcomes = new TableStream(join(dir, TABLES.outcomes));
  let rows: RunRow[] = [];
  const flush = () => {
    runs.write(runsColumns(layout, rows));
    outcomes.write(outcomesColumns(layout, rows));
    rows = [];
  };
  try {
    forEachLine(join(dir, "runs.ndjson"), (line) => {
      rows.push(upgradeRow(JSON.parse(line)) as RunRow);
      if (rows.length >= ROW_GROUP) flush();
    });
    flush();
    runs.close(runsColumns(layout, []));
    outcomes.close(outcomesColumns(layout, []));
  } catch (err) {
    runs.abort();
    outcomes.abort();
    throw err;
  }
  return layout;
}

/** A series source: a part, with the plan indexes it is the chosen copy for. */
interface Source {
  file: string;
  lo: number;
  hi: number;
}

/** Which part holds the chosen copy of each recorded run's series (first part in byte order). */
async function chooseSources(dir: string, shape: PlanShape, recorded: Uint8Array) {
  const owner = new Int32Array(recorded.length).fill(-1);
  const sources: Source[] = [];
  let rows = 0;
  for (const p of listParts(dir, "series")) {
    const file = join(dir, PARTS_DIR, p.name);
    const ids = (await readColumns(file, ["id"])).id!;
    const s: Source = { file, lo: Number.POSITIVE_INFINITY, hi: -1 };
    const k = sources.length;
    let last = "";
    let i = -1;
    for (let r = 0; r < ids.length; r++) {
      const id = ids[r] as string;
      // A run's rows are together: look its plan index up once.
      if (id !== last) {
        last = id;
        i = indexOfId(shape, id);
        if (i >= 0 && recorded[i] && owner[i] === -1) owner[i] = k;
      }
      if (i < 0 || owner[i] !== k) continue;
      s.lo = Math.min(s.lo, i);
      s.hi = Math.max(s.hi, i);
      rows++;
    }
    sources.push(s);
  }
  return { owner, sources, rows };
}

/** Series columns of the runs in plan indexes [a, b) whose chosen copy is in `sources`, in plan order. */
async function windowColumns(
  shape: PlanShape,
  owner: Int32Array,
  sources: Source[],
  a: number,
  b: number,
): Promise<Column[]> {
  // Per plan index, the (part columns, first row, row count) of its rows.
  const at = new Map<number, { cols: Record<string, ArrayLike<unknown>>; from: number; to: number }>();
  for (const [k, s] of sources.entries()) {
    if (s.hi < a || s.lo >= b) continue;
    const cols = await readColumns(s.file, ["id", "tick", "series", "value"]);
    const ids = cols.id!;
    let r = 0;
    while (r < ids.length) {
      const id = ids[r] as string;
      let end = r + 1;
      while (end < ids.length && ids[end] === id) end++;
      const i = indexOfId(shape, id);
      if (i >= a && i < b && owner[i] === k) at.set(i, { cols, from: r, to: end });
      r = end;
    }
  }
  const out: Column[] = [
    { name: "id", type: "STRING", data: [] },
    { name: "tick", type: "INT32", data: [] },
    { name: "series", type: "STRING", data: [] },
    { name: "value", type: "DOUBLE", data: [] },
  ];
  for (const i of [...at.keys()].sort((x, y) => x - y)) {
    const { cols, from, to } = at.get(i)!;
    for (const c of out) {
      const src = cols[c.name]!;
      for (let r = from; r < to; r++) c.data.push(src[r]);
    }
  }
  return out;
}

/** Series columns of the runs in [a, b) that no part holds but a series/<run id>.json of an older pamir does. */
function legacyColumns(
  dir: string,
  shape: PlanShape,
  owner: Int32Array,
  a: number,
  b: number,
): Column[] | undefined {
  const docs: SeriesDocument[] = [];
  for (let i = a; i < b; i++) {
    const legacy = join(dir, "series", `${runId(shape, i)}.json`);
    if (owner[i] === -1 && existsSync(legacy)) docs.push(JSON.parse(readFileSync(legacy, "utf8")));
  }
  return docs.length > 0 ? seriesColumns(docs) : undefined;
}

/**
 * Write series.parquet from the series parts of `dir` (runs `recorded` in runs.ndjson only) and
 * remove the parts. A series.parquet already there is the whole study's (it is only renamed
 * into place when every run is done): the parts beside it are leftovers of a crash. Returns the
 * series names, in order of first appearance.
 */
export async function compactSeries(dir: string, shape: PlanShape, recorded: Uint8Array): Promise<string[]> {
  const target = join(dir, TABLES.series);
  const names = new Set<string>();
  if (existsSync(target)) await forEachRow(target, ["series"], (r) => names.add(r.series as string));
  else {
    const { owner, sources, rows } = await chooseSources(dir, shape, recorded);
    const runs = Math.max(
      1,
      recorded.reduce((n, x) => n + x, 0),
    );
    // Windows of about ROW_GROUP rows, whatever the series per run.
    const step = Math.max(1, Math.floor(ROW_GROUP / Math.max(1, rows / runs)));
    const out = new TableStream(target);
    try {
      for (let a = 0; a < recorded.length; a += step) {
        const b = Math.min(recorded.length, a + step);
        // Folders of an older pamir: their runs' series files (a study resumed across versions).
        const legacy = legacyColumns(dir, shape, owner, a, b);
        const cols = legacy
          ? mergeByPlan(shape, await windowColumns(shape, owner, sources, a, b), legacy)
          : await windowColumns(shape, owner, sources, a, b);
        for (const n of cols[2]!.data) names.add(n as string);
        if (cols[0]!.data.length > 0) out.write(cols);
      }
      out.close(seriesColumns([]) as Column[]);
    } catch (err) {
      out.abort();
      throw err;
    }
  }
  removeParts(dir);
  return [...names];
}

/** Two sets of series columns merged into plan order of their runs (each set is in plan order). */
function mergeByPlan(shape: PlanShape, x: Column[], y: Column[]): Column[] {
  const rows = (cols: Column[]) =>
    cols[0]!.data.map((id, r) => ({ i: indexOfId(shape, id as string), r, cols }));
  const all = [...rows(x), ...rows(y)].sort((p, q) => p.i - q.i);
  return x.map((c, k) => ({ ...c, data: all.map((e) => e.cols[k]!.data[e.r]) }));
}
