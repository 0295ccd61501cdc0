/**
 * Reading a file or saying why not, in one wording everywhere: a missing file, a denied one, a
 * folder given for a file and anything else each have one plain-words message, as a problem of
 * kind `file` located in that file with path `(file)`.
 */
import { readFileSync } from "node:fs";
import { failure, type ProblemOf, problem, type Result } from "./problems.js";

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

/** The UTF-8 text of `file`, or the one problem that stopped reading it. */
export function readText(file: string): Result<string> {
  try {
    return { ok: true, value: readFileSync(file, "utf8") };
  } catch (err) {
    return failure(unreadable(file, err));
  }
}
