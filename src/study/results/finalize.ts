/**
 * Finishing a study's files: runs.ndjson rewritten in plan order (scenario, point, replicate) so
 * it is the same file whatever order runs finished in, and runs.csv made from it. Rows are never
 * all in memory: a first pass records each run's byte offset, a second copies lines in order, a
 * third writes the CSV. Both files are written to temporary names and renamed into place.
 */
import { closeSync, existsSync, openSync, readSync, renameSync, writeSync } from "node:fs";
import { join } from "node:path";
import { type RunRow, upgradeRow } from "../../core/run-row.js";
import { indexOfId, type PlanShape, plannedRuns } from "../plan.js";
import { csvColumns, csvHeader, csvLine } from "./csv.js";
import { forEachLine } from "./ndjson.js";

/** Counts of the finished file, its outcome names (first appearance) and which plan indexes it holds. */
export interface FinalCounts {
  done: number;
  failed: number;
  outcomes: string[];
  /** 1 per plan index with a row. */
  recorded: Uint8Array;
}

/** Buffered whole-file writer (1 MB chunks). */
class ChunkWriter {
  private parts: Buffer[] = [];
  private size = 0;
  private readonly fd: number;
  constructor(path: string) {
    this.fd = openSync(path, "w");
  }
  write(s: string | Buffer): void {
    const b = typeof s === "string" ? Buffer.from(s, "utf8") : s;
    this.parts.push(b);
    this.size += b.length;
    if (this.size >= 1 << 20) this.flush();
  }
  flush(): void {
    if (this.size === 0) return;
    const all = Buffer.concat(this.parts, this.size);
    let off = 0;
    while (off < all.length) off += writeSync(this.fd, all, off, all.length - off);
    this.parts = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/**
 * Rewrite `<dir>/runs.ndjson` sorted by plan index (first copy of an id wins; lines of other
 * plans are dropped) and write `<dir>/runs.csv`; `factorPaths` and `armNames` fix the CSV's
 * factor and arm columns.
 */
export function finalizeRuns(
  dir: string,
  shape: PlanShape,
  factorPaths: string[],
  armNames: string[],
): FinalCounts {
  const path = join(dir, "runs.ndjson");
  const planned = plannedRuns(shape);
  const offset = new Float64Array(planned).fill(-1);
  const length = new Uint32Array(planned);
  if (existsSync(path)) {
    forEachLine(path, (line, at, bytes) => {
      let id: unknown;
      try {
        id = (JSON.parse(line) as { id?: unknown }).id;
      } catch {
        return; // not a row (cannot happen for files this module wrote; resume cuts torn lines)
      }
      const i = typeof id === "string" ? indexOfId(shape, id) : -1;
      if (i >= 0 && offset[i]! < 0) {
        offset[i] = at;
        length[i] = bytes;
      }
    });
  }

  const sortedTmp = join(dir, "runs.ndjson.tmp");
  const out = new ChunkWriter(sortedTmp);
  const outcomes = new Map<string, true>();
  const recorded = new Uint8Array(planned);
  const counts = { done: 0, failed: 0 };
  if (existsSync(path)) {
    const fd = openSync(path, "r");
    try {
      let buf = Buffer.alloc(64 * 1024);
      for (let i = 0; i < planned; i++) {
        if (offset[i]! < 0) continue;
        const n = length[i]!;
        if (n > buf.length) buf = Buffer.alloc(n * 2);
        readSync(fd, buf, 0, n, offset[i]!);
        const line = Buffer.from(buf.subarray(0, n));
        const row = JSON.parse(line.toString("utf8")) as RunRow;
        for (const k of Object.keys(row.outcomes)) outcomes.set(k, true);
        counts.done++;
        recorded[i] = 1;
        if (row.status === "failed") counts.failed++;
        out.write(line);
      }
    } finally {
      closeSync(fd);
    }
  }
  out.close();

  const cols = csvColumns(factorPaths, armNames, [...outcomes.keys()]);
  const csvTmp = join(dir, "runs.csv.tmp");
  const csv = new ChunkWriter(csvTmp);
  csv.write(csvHeader(cols));
  // Rows of an older pamir (resumed here) carry `error` rather than `problems`.
  forEachLine(sortedTmp, (line) => csv.write(csvLine(cols, upgradeRow(JSON.parse(line)) as RunRow)));
  csv.close();
  renameSync(sortedTmp, path);
  renameSync(csvTmp, join(dir, "runs.csv"));
  return { ...counts, outcomes: [...outcomes.keys()], recorded };
}
