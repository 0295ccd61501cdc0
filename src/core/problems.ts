/**
 * The one catalogue of failures. Whatever can fail on its input (a file, a scenario, a map, a
 * run, a results folder, the queue) returns `{ ok: false, problems }` with entries of this shape
 * and never throws for it; only the CLI (src/cli/problems.ts) turns problems into text and exit
 * codes. A problem says what kind of thing went wrong, where (a path inside the thing, and the
 * file and line when there is one) and what, in plain words.
 *
 * The kinds, and what each one's `data` carries:
 * - `file`     a file or folder cannot be read or written (data: the system's error code)
 * - `yaml`     YAML syntax
 * - `json`     JSON syntax
 * - `schema`   a value its schema rejects (scenario, study, map file, design point, job document)
 * - `check`    a model's cross-field check rejects the params (more agents than cells, …)
 * - `map`      a map's cells or tables disagree (ASCII text, map file layers, map sources;
 *              data: row and UTF-16 offset in ASCII map text, row −1 for the map as a whole)
 * - `world`    a world cannot be built from its map and province table, or a model's setup
 *              names what the world does not have
 * - `formula`  a formula is refused or fails (path: the offending token)
 * - `run`      a run threw in setup or while stepping (data: the error's class name)
 * - `results`  a results folder cannot be used (data: the reason, for the CLI's advice)
 * - `queue`    the job queue cannot be used, or a batch on it failed (data: the reason)
 * - `option`   a command's option asks for something the input does not have
 * - `executor` the pool of run workers failed
 */

/** The data each kind carries besides its words (undefined: none). */
export interface ProblemData {
  file: { code: string } | undefined;
  yaml: undefined;
  json: undefined;
  schema: undefined;
  check: undefined;
  map: { row: number; index: number } | undefined;
  world: undefined;
  formula: undefined;
  run: { name: string };
  results: ResultsReason | undefined;
  queue: { reason: "auth" | "unreachable" | "server" | "meta" | "job" | "batch" };
  option: undefined;
  executor: undefined;
}

/** Why a results folder refuses a study, with what the CLI needs to advise. */
export type ResultsReason =
  | { reason: "hashMismatch"; found: string; expected: string }
  | { reason: "nothingToResume" }
  | { reason: "notAStudyFolder" }
  | { reason: "foreignFiles" }
  | { reason: "damagedManifest" }
  | { reason: "foreignRuns" };

/** Every kind of problem. */
export type ProblemKind = keyof ProblemData;

/** Every kind, in the order documented above. */
export const PROBLEM_KINDS: readonly ProblemKind[] = [
  "file",
  "yaml",
  "json",
  "schema",
  "check",
  "map",
  "world",
  "formula",
  "run",
  "results",
  "queue",
  "option",
  "executor",
];

/** A problem of kind `K`. */
export interface ProblemOf<K extends ProblemKind> {
  kind: K;
  /**
   * Where inside the thing: a value path (`params.agents`, `crossings[3].cell`), a marker for the
   * thing as a whole or its syntax (`(file)`, `(yaml)`, `(json)`, `(root)`), or "" when the
   * message says it all.
   */
  path: string;
  /** What is wrong, in plain words. */
  message: string;
  /** The file (or folder) the problem is in, as given, when it is in one. */
  file?: string | undefined;
  /** 1-based line in `file` when located in its text (0: the file as a whole). */
  line?: number | undefined;
  /** 1-based column (UTF-16 units, as editors count) with `line`. */
  col?: number | undefined;
  /** What this kind carries besides its words. */
  data?: ProblemData[K];
}

/** A problem of any kind: the tagged union over `kind`. */
export type Problem = { [K in ProblemKind]: ProblemOf<K> }[ProblemKind];

/** A problem located at a line and column of a file's text (scenario and study files). */
export type LocatedProblem = Problem & { file: string; line: number; col: number };

/** A failure: every problem that stopped it. */
export interface Failure {
  ok: false;
  problems: Problem[];
}

/** A value, or the problems that stopped it. */
export type Result<T> = { ok: true; value: T } | Failure;

/** A problem of `kind` at `path`; `data` only when the kind carries some. */
export function problem<K extends ProblemKind>(
  kind: K,
  path: string,
  message: string,
  data?: ProblemData[K],
): Extract<Problem, { kind: K }> {
  const p = data === undefined ? { kind, path, message } : { kind, path, message, data };
  return p as Extract<Problem, { kind: K }>;
}

/** `p` placed in `file`, at `line`:`col` of its text when given. */
export function inFile<P extends Problem>(p: P, file: string, line?: number, col?: number): P {
  return line === undefined ? { ...p, file } : { ...p, file, line, col };
}

/** The failure of `problems`. */
export function failure(...problems: Problem[]): Failure {
  return { ok: false, problems };
}

/**
 * The words of a failure's problems, for a log line or for the message of a problem that wraps
 * them (the CLI renders problems itself).
 */
export function messagesOf(f: Failure): string {
  return f.problems.map((p) => p.message).join("; ");
}

/** A path segment that can be written after a dot without quoting. */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A value path in dotted form: `insurgents.bands[2].fighters`, `map.legend["~"]`, or `(root)` when empty. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (typeof seg === "string" && PLAIN_KEY.test(seg)) out += out === "" ? seg : `.${seg}`;
    // Keys like "~" or "." would be unreadable (or ambiguous) after a dot, so they are quoted.
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out === "" ? "(root)" : out;
}
