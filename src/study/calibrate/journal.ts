/**
 * evaluations.ndjson: one line per evaluated candidate (its generation, draw index, parameter
 * values, target means over its seeds, distance) and one per run of the fit re-simulation,
 * appended a batch at a time in whole lines (study/results/ndjson.ts), so a kill -9 can only cut
 * the last line short. A rerun reads the file back, cuts a torn line off, and replays the
 * calibration from it: a candidate already in the file is not run again. At the end the file is
 * rewritten in (generation, draw) order, the same bytes whatever order the batches finished in.
 */
import { existsSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { forEachLine, LineAppender, truncateTo } from "../results/ndjson.js";

/** An evaluated candidate. */
export interface DrawRow {
  generation: number;
  draw: number;
  /** Parameter name → value. */
  parameters: Record<string, number>;
  status: "ok" | "failed";
  /** Why a run of a failed candidate failed. */
  problems?: string[];
  /** Target outcome → mean over the candidate's seeds (null when a run failed or lacks it). */
  means: Record<string, number | null>;
  /** Distance to the targets (null: infinite, never accepted). */
  distance: number | null;
}

/** One run of the re-simulation at the fitted values. */
export interface FitRow {
  fit: number;
  seed: number;
  parameters: Record<string, number>;
  status: "ok" | "failed";
  problems?: string[];
  /** Target outcome → value (null when the run failed or lacks it). */
  outcomes: Record<string, number | null>;
}

/** A line of the journal. */
export type JournalRow = DrawRow | FitRow;

/** The journal's key of a row: `g<generation>/d<draw>` or `fit/r<run>`. */
export function rowKey(row: JournalRow): string {
  return "fit" in row ? `fit/r${row.fit}` : `g${row.generation}/d${row.draw}`;
}

/** The journal of a results folder: rows found at start, and appending. */
export interface Journal {
  /** Rows by key (the first copy of a key wins). */
  readonly rows: Map<string, JournalRow>;
  /** Rows found when it was opened. */
  readonly resumed: number;
  /** Whether a torn last line was cut off. */
  readonly tornLine: boolean;
  /** Append rows (one write) and remember them. */
  append(rows: readonly JournalRow[]): void;
  close(): void;
}

/** Open `<dir>/evaluations.ndjson`, reading what it holds and cutting a torn last line off. */
export function openJournal(dir: string): Journal {
  const path = join(dir, "evaluations.ndjson");
  const rows = new Map<string, JournalRow>();
  let tornLine = false;
  if (existsSync(path)) {
    let goodEnd = 0;
    forEachLine(path, (line, at, bytes) => {
      let row: JournalRow;
      try {
        row = JSON.parse(line) as JournalRow;
      } catch {
        return;
      }
      goodEnd = at + bytes;
      const k = rowKey(row);
      if (!rows.has(k)) rows.set(k, row);
    });
    if (statSync(path).size > goodEnd) {
      truncateTo(path, goodEnd);
      tornLine = true;
    }
  }
  const resumed = rows.size;
  const appender = new LineAppender(path);
  return {
    rows,
    resumed,
    tornLine,
    append(list) {
      let text = "";
      for (const r of list) {
        const k = rowKey(r);
        if (rows.has(k)) continue;
        rows.set(k, r);
        text += `${JSON.stringify(r)}\n`;
      }
      if (text !== "") appender.append(text);
    },
    close: () => appender.close(),
  };
}

/** Draw rows first by generation then draw, fit rows last by run. */
function order(a: JournalRow, b: JournalRow): number {
  const fa = "fit" in a;
  const fb = "fit" in b;
  if (fa !== fb) return fa ? 1 : -1;
  if (fa && fb) return a.fit - b.fit;
  const da = a as DrawRow;
  const db = b as DrawRow;
  return da.generation - db.generation || da.draw - db.draw;
}

/** Rewrite the journal with `rows` (the ones the calibration used) in order, atomically. */
export function finalizeJournal(dir: string, rows: Iterable<JournalRow>): void {
  const path = join(dir, "evaluations.ndjson");
  const text = [...rows]
    .sort(order)
    .map((r) => `${JSON.stringify(r)}\n`)
    .join("");
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}
