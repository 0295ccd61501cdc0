/**
 * Table parts written as a study runs, in `parts/` of its results folder. Each write of finished
 * runs gives `series-<from>-<to>.parquet` (its runs' thinned series, written before their rows are
 * appended to runs.ndjson, so a recorded run always has its series on disk) and
 * `runs-<from>-<to>.parquet` (its rows, written after they are durable in runs.ndjson, which
 * stays the crash-safe record). `<from>-<to>` is the byte range the batch's lines take in
 * runs.ndjson, so on resume the ranges no runs part covers are the lines to rebuild a part from,
 * without opening any part. A part is written in one go under its name (a temporary and a
 * rename cost more than the write); one a crash cut short does not parse, and a resume deletes
 * it before anything else — a series part is written before its lines, so no recorded run
 * loses its series that way. The session gathers batches for up to a
 * second into one pair of parts (results/recorder.ts). Parts are not compressed (see parquet.ts). `pamir query` reads the parts of a study not yet finished; the
 * end of a study compacts them (compact.ts) and removes them.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseRunLine, type RunRow } from "../../core/run-row.js";
import type { ManifestFactor } from "../results/manifest.js";
import { forEachLine } from "../results/ndjson.js";
import type { SeriesDocument } from "../results/series.js";
import { runsColumns, seriesColumns } from "./columns.js";
import { runsLayout, type SplitOutcome } from "./layout.js";
import { endsWhole, isWhole, writePart } from "./parquet.js";

/** The parts folder of a results folder. */
export const PARTS_DIR = "parts";

const PART = /^(runs|series)-(\d{12})-(\d{12})\.parquet$/;
const pad = (n: number) => String(n).padStart(12, "0");

/** A part file's name. */
export const partName = (kind: "runs" | "series", from: number, to: number) =>
  `${kind}-${pad(from)}-${pad(to)}.parquet`;

/** The parts of `dir` of one kind, in byte order: name and byte range. */
export function listParts(
  dir: string,
  kind: "runs" | "series",
): { name: string; from: number; to: number }[] {
  const p = join(dir, PARTS_DIR);
  if (!existsSync(p)) return [];
  const out: { name: string; from: number; to: number }[] = [];
  for (const name of readdirSync(p)) {
    const m = PART.exec(name);
    if (m?.[1] === kind) out.push({ name, from: Number(m[2]), to: Number(m[3]) });
  }
  return out.sort((a, b) => a.from - b.from || a.to - b.to);
}

/**
 * The parts of `dir` of one kind that a reader can open now: those a write has finished (a
 * study still running is writing one, a killed one may have left one cut short).
 */
export function readableParts(dir: string, kind: "runs" | "series"): string[] {
  return listParts(dir, kind)
    .map((p) => join(dir, PARTS_DIR, p.name))
    .filter(endsWhole);
}

/** What the runs parts of a study need to know. */
export interface PartsLayout {
  factors: readonly ManifestFactor[];
  arms: readonly string[];
  split: SplitOutcome;
}

/** Writes the parts of one session. */
export class PartWriter {
  private readonly dir: string;

  constructor(
    results: string,
    private readonly layout: PartsLayout,
  ) {
    this.dir = join(results, PARTS_DIR);
    mkdirSync(this.dir, { recursive: true });
    // A part a crash cut short, or a temporary of an older pamir's, is not a part.
    for (const name of readdirSync(this.dir)) {
      const part = PART.test(name);
      if ((part && !isWhole(join(this.dir, name))) || (name.endsWith(".tmp") && PART.test(name.slice(0, -4))))
        rmSync(join(this.dir, name));
    }
  }

  /** The series of the lines about to take bytes [from, to) of runs.ndjson (before they are appended). */
  series(from: number, to: number, docs: readonly SeriesDocument[]): void {
    if (docs.length > 0) writePart(join(this.dir, partName("series", from, to)), seriesColumns(docs));
  }

  /** The rows that took bytes [from, to) of runs.ndjson (after they are durable there). */
  runs(from: number, to: number, rows: readonly RunRow[]): void {
    this.write(from, to, rows);
  }

  private write(from: number, to: number, rows: readonly RunRow[]): void {
    const outcomes = new Set<string>();
    for (const r of rows) for (const k of Object.keys(r.outcomes)) outcomes.add(k);
    const l = runsLayout(this.layout.factors, this.layout.arms, [...outcomes], this.layout.split);
    writePart(join(this.dir, partName("runs", from, to)), runsColumns(l, rows));
  }

  /**
   * Rebuild the runs parts a crash left out: the lines of runs.ndjson (its first `end` bytes) no
   * runs part covers, in parts of at most `chunk` rows. Returns the rows rebuilt.
   */
  repair(ndjson: string, end: number, chunk = 10_000): number {
    const covered = listParts(join(this.dir, ".."), "runs");
    let k = 0;
    const isCovered = (at: number) => {
      while (k < covered.length && covered[k]!.to <= at) k++;
      return k < covered.length && covered[k]!.from <= at;
    };
    let rows: RunRow[] = [];
    let from = -1;
    let to = -1;
    let rebuilt = 0;
    const flush = () => {
      this.write(from, to, rows);
      rebuilt += rows.length;
      rows = [];
      from = -1;
    };
    if (!existsSync(ndjson)) return 0;
    forEachLine(ndjson, (line, at, bytes) => {
      if (at + bytes > end) return;
      const r = isCovered(at) ? undefined : parseRunLine(line);
      // A line that is not a row (cannot be, past a resume's scan) or that a part holds ends the stretch.
      if (!r?.ok) {
        if (from >= 0) flush();
        return;
      }
      if (from < 0 || to !== at || rows.length >= chunk) {
        if (from >= 0) flush();
        from = at;
      }
      rows.push(r.value);
      to = at + bytes;
    });
    if (from >= 0) flush();
    return rebuilt;
  }
}

/** Remove the parts of `dir` (after compaction), and the parts folder when nothing else is in it. */
export function removeParts(dir: string): void {
  const p = join(dir, PARTS_DIR);
  if (!existsSync(p)) return;
  for (const name of readdirSync(p))
    if (PART.test(name.replace(/\.tmp$/, ""))) rmSync(join(p, name), { force: true });
  if (readdirSync(p).length === 0) rmSync(p, { recursive: true, force: true });
}

/** Remove the runs parts of `dir` (before runs.ndjson is sorted: their byte ranges name the unsorted file). */
export function removeRunsParts(dir: string): void {
  for (const p of listParts(dir, "runs")) rmSync(join(dir, PARTS_DIR, p.name), { force: true });
}
