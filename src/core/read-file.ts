/**
 * Reading a file or saying why not, in one wording everywhere: a missing file, a denied one, a
 * folder given for a file, a device or pipe, a file over its size cap and anything else each
 * have one plain-words message, as a problem of kind `file` located in that file with path
 * `(file)`. Only regular files are read: a FIFO would block forever waiting for a writer and
 * /dev/zero never ends, so both are refused before a byte is read.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { failure, type ProblemOf, problem, type Result } from "./problems.js";

/** The kinds of input file that have a size cap. */
export type InputKind = "scenario" | "study" | "map";

/** Default caps, bytes: far above any real file (the Central Asia map is 41 KB), far below harm. */
export const DEFAULT_MAX_BYTES: Record<InputKind, number> = {
  scenario: 4 << 20,
  study: 1 << 20,
  map: 64 << 20,
};

/** The environment variable that overrides the cap of each kind. */
export const MAX_BYTES_ENV: Record<InputKind, string> = {
  scenario: "PAMIR_MAX_SCENARIO_BYTES",
  study: "PAMIR_MAX_STUDY_BYTES",
  map: "PAMIR_MAX_MAP_BYTES",
};

/** The cap for `kind`: its environment variable when that is a positive whole number, else the default. */
export function maxBytesOf(kind: InputKind): number {
  const given = Number(process.env[MAX_BYTES_ENV[kind]]);
  return Number.isSafeInteger(given) && given > 0 ? given : DEFAULT_MAX_BYTES[kind];
}

/** Why `file` cannot be read, as a located problem; `err` is what the read threw. */
export function unreadable(file: string, err: unknown): ProblemOf<"file"> {
  const code = (err as { code?: unknown } | null)?.code;
  const known = typeof code === "string" ? code : undefined;
  const message =
    known === "ENOENT"
      ? "file not found"
      : known === "EACCES" || known === "EPERM"
        ? "permission denied"
        : known === "EISDIR"
          ? "is a directory, not a file"
          : `cannot be read (${err instanceof Error ? err.message : String(err)})`;
  return { ...problem("file", "(file)", message, known === undefined ? undefined : { code: known }), file };
}

/** How to read: the kind of file (for its size cap), or an explicit cap. */
export interface ReadOptions {
  /** What the file is, naming the cap in messages (and its default, when `maxBytes` is not given). */
  what?: InputKind | undefined;
  /** Most bytes to read; default the cap of `what`, or no cap. */
  maxBytes?: number | undefined;
}

function refused(file: string, message: string): ProblemOf<"file"> {
  return { ...problem("file", "(file)", message), file };
}

/** The UTF-8 text of `file`, or the one problem that stopped reading it. */
export function readText(file: string, opts: ReadOptions = {}): Result<string> {
  const max = opts.maxBytes ?? (opts.what ? maxBytesOf(opts.what) : Number.POSITIVE_INFINITY);
  let fd: number;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return failure(unreadable(file, err));
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return failure(unreadable(file, { code: "EISDIR" }));
    if (!st.isFile()) return failure(refused(file, "is not a regular file (a device, pipe or socket)"));
    const tooBig = (size: number) => {
      const env = opts.what ? ` (set ${MAX_BYTES_ENV[opts.what]} to allow more)` : "";
      return failure(
        refused(file, `is ${size} bytes; a ${opts.what ?? "input"} file may have at most ${max}${env}`),
      );
    };
    if (st.size > max) return tooBig(st.size);
    // Read to the end, but never past the cap: the file may grow while it is read.
    const limit = Number.isFinite(max) ? max + 1 : Number.MAX_SAFE_INTEGER;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(Math.max(st.size + 1, 1 << 16), limit - total, 1 << 24));
      const n = buf.length === 0 ? 0 : readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > max) return tooBig(total);
    }
    return { ok: true, value: Buffer.concat(chunks, total).toString("utf8") };
  } catch (err) {
    return failure(unreadable(file, err));
  } finally {
    closeSync(fd);
  }
}
