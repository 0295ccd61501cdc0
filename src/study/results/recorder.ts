/**
 * Writes a session's finished runs: rows to runs.ndjson and the Parquet parts beside it. Finished
 * runs gather in memory until FLUSH_RUNS of them have come over at least FLUSH_MS, or MAX_WAIT_MS
 * has passed, and are written together: the series part first (so a run recorded in runs.ndjson
 * always has its series on disk), then the lines in one append (a crash can only cut the last
 * line short), then the runs part. Gathering keeps the parts to one pair per write — at most one
 * a second for a fast model, one per MAX_WAIT_MS or FLUSH_RUNS runs for a slow one — whatever
 * the batch size; a kill loses at most the runs gathered since the last write, which a resume
 * runs again.
 */
import type { RunRow } from "../../core/run-row.js";
import { rowLine } from "../run/rows.js";
import type { PartWriter } from "../tables/parts.js";
import { LineAppender } from "./ndjson.js";
import type { SeriesDocument } from "./series.js";

/** The shortest time between two writes, ms (unless MAX_RUNS runs wait). */
export const FLUSH_MS = 1000;
/** Runs that make a write worth it once FLUSH_MS has passed. */
const FLUSH_RUNS = 64;
/** The longest finished runs wait in memory, ms. */
export const MAX_WAIT_MS = 30_000;
/** The most finished runs that wait in memory. */
const MAX_RUNS = 10_000;

/** Appends finished runs to runs.ndjson (from byte `offset` on) and writes their parts. */
export class RunRecorder {
  private rows: RunRow[] = [];
  private docs: SeriesDocument[] = [];
  private last = performance.now();
  /** Time spent writing parts so far, ms (the tables' cost while the study runs). */
  partsMs = 0;
  private readonly appender: LineAppender;

  constructor(
    file: string,
    private offset: number,
    private readonly parts: PartWriter,
    private readonly flushMs?: number,
  ) {
    this.appender = new LineAppender(file);
  }

  /** Take a batch's rows and series; writes what waits when it is time (`flushMs` 0: at once). */
  add(rows: readonly RunRow[], docs: readonly SeriesDocument[]): void {
    this.rows.push(...rows);
    this.docs.push(...docs);
    const waited = performance.now() - this.last;
    const due =
      this.flushMs !== undefined
        ? waited >= this.flushMs
        : (waited >= FLUSH_MS && this.rows.length >= FLUSH_RUNS) || waited >= MAX_WAIT_MS;
    if (due || this.rows.length >= MAX_RUNS) this.flush();
  }

  /** Write what waits: series part, lines, runs part. */
  flush(): void {
    this.last = performance.now();
    if (this.rows.length === 0) return;
    const text = this.rows.map(rowLine).join("");
    const to = this.offset + Buffer.byteLength(text);
    const t0 = performance.now();
    this.parts.series(this.offset, to, this.docs);
    const t1 = performance.now();
    this.appender.append(text);
    const t2 = performance.now();
    this.parts.runs(this.offset, to, this.rows);
    this.partsMs += t1 - t0 + (performance.now() - t2);
    this.offset = to;
    this.rows = [];
    this.docs = [];
  }

  /** Write what waits and close runs.ndjson (idempotent). */
  close(): void {
    this.flush();
    this.appender.close();
  }
}
