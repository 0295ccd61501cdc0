/**
 * Writes a session's finished runs: rows to runs.ndjson and the Parquet parts beside it. Rows and
 * series of the batches that arrive within FLUSH_MS are written together: the series part first
 * (so a run recorded in runs.ndjson always has its series on disk), then the lines in one append
 * (a crash can only cut the last line short), then the runs part. Gathering batches keeps the
 * parts to about one pair a second however small the batches; a kill loses at most the runs of
 * that last second, which a resume runs again.
 */
import type { RunRow } from "../../core/run-row.js";
import { rowLine } from "../run/rows.js";
import type { PartWriter } from "../tables/parts.js";
import { LineAppender } from "./ndjson.js";
import type { SeriesDocument } from "./series.js";

/** The longest finished runs wait in memory before they are written, ms. */
export const FLUSH_MS = 1000;
/** The most finished runs that wait in memory. */
const FLUSH_RUNS = 10_000;

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
    private readonly flushMs = FLUSH_MS,
  ) {
    this.appender = new LineAppender(file);
  }

  /** Take a batch's rows and series; writes them with the batches before when `flushMs` has passed. */
  add(rows: readonly RunRow[], docs: readonly SeriesDocument[]): void {
    this.rows.push(...rows);
    this.docs.push(...docs);
    if (performance.now() - this.last >= this.flushMs || this.rows.length >= FLUSH_RUNS) this.flush();
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
