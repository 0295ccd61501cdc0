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
import { type Column, forEachRow, ROW_GROUP, readTable, TableStream } from "./parquet.js";
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
    const ids = await readTable(file, ["id"]);
    const s: Source = { file, lo: Number.POSITIVE_INFINITY, hi: -1 };
    const k = sources.length;
    for (const { id } of ids) {
      const i = indexOfId(shape, id as string);
      if (i < 0 || !recorded[i] || (owner[i] !== -1 && owner[i] !== k)) continue;
      owner[i] = k;
      s.lo = Math.min(s.lo, i);
      s.hi = Math.max(s.hi, i);
      rows++;
    }
    sources.push(s);
  }
  return { owner, sources, rows };
}

/** The series of the runs in plan indexes [a, b) whose chosen copy is in `sources`, or in a legacy file. */
async function windowDocs(
  dir: string,
  shape: PlanShape,
  owner: Int32Array,
  sources: Source[],
  a: number,
  b: number,
): Promise<SeriesDocument[]> {
  const docs = new Map<number, SeriesDocument>();
  for (const [k, s] of sources.entries()) {
    if (s.hi < a || s.lo >= b) continue;
    for (const r of await readTable(s.file)) {
      const i = indexOfId(shape, r.id as string);
      if (i < a || i >= b || owner[i] !== k) continue;
      let d = docs.get(i);
      if (!d) {
        d = { id: r.id as string, every: 0, ticks: [], series: {} };
        docs.set(i, d);
      }
      const name = r.series as string;
      // Rows of a run come series by series, tick by tick (columns.ts): ticks repeat per series.
      if (!d.series[name]) d.series[name] = [];
      if (Object.keys(d.series).length === 1) d.ticks.push(r.tick as number);
      d.series[name].push((r.value as number | null) ?? Number.NaN);
    }
  }
  for (let i = a; i < b; i++) {
    const legacy = join(dir, "series", `${runId(shape, i)}.json`);
    if (owner[i] === -1 && existsSync(legacy)) docs.set(i, JSON.parse(readFileSync(legacy, "utf8")));
  }
  return [...docs.keys()].sort((x, y) => x - y).map((i) => docs.get(i)!);
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
        const docs = await windowDocs(dir, shape, owner, sources, a, Math.min(recorded.length, a + step));
        for (const d of docs) for (const n of Object.keys(d.series)) names.add(n);
        if (docs.length > 0) out.write(seriesColumns(docs));
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
