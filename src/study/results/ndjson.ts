/**
 * runs.ndjson on disk: read back line by line in fixed-size chunks (memory bounded by the longest
 * line, not the file), and appended to with whole lines only. Each append is one write call of
 * complete lines on a file opened for appending, so a crash can cut at most the last line short;
 * a resume finds that torn line (no newline, or not JSON) and cuts it off before appending.
 */
import { closeSync, ftruncateSync, openSync, readSync, writeSync } from "node:fs";

const CHUNK = 1 << 20;

/** Call `onLine(text, offset, bytes)` for each complete line of `path`; returns the bytes up to the last complete line. */
export function forEachLine(
  path: string,
  onLine: (line: string, offset: number, bytes: number) => void,
): number {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    let carry: Buffer = Buffer.alloc(0);
    let carryStart = 0;
    let pos = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, pos);
      if (n === 0) break;
      let data = buf.subarray(0, n);
      let base = pos;
      if (carry.length > 0) {
        data = Buffer.concat([carry, data]);
        base = carryStart;
      }
      pos += n;
      let start = 0;
      for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
        onLine(data.toString("utf8", start, nl), base + start, nl + 1 - start);
        start = nl + 1;
      }
      // Copy the unfinished tail: `buf` is reused by the next read.
      carry = Buffer.from(data.subarray(start));
      carryStart = base + start;
    }
    return carryStart;
  } finally {
    closeSync(fd);
  }
}

/** Cut `path` to `bytes` (dropping a torn last line). */
export function truncateTo(path: string, bytes: number): void {
  const fd = openSync(path, "r+");
  try {
    ftruncateSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
}

/** Appends whole lines to a file. */
export class LineAppender {
  private fd: number;

  constructor(path: string) {
    this.fd = openSync(path, "a");
  }

  /** Append `text` (one or more complete lines) in one write call. */
  append(text: string): void {
    const data = Buffer.from(text, "utf8");
    let off = 0;
    // writeSync on a regular file writes everything in practice; loop in case the OS says otherwise.
    while (off < data.length) off += writeSync(this.fd, data, off, data.length - off);
  }

  /** Close the file. */
  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}
