/**
 * Collecting the problems of one YAML file (a scenario or a study) as they are found, each placed
 * at its line:col through the file's locator, and handing them back in reading order.
 */
import { formatPath, type LocatedProblem, type Problem, type ProblemKind } from "../core/problems.js";
import type { Locator, Position } from "./locate.js";
import type { Finding } from "./messages.js";

/** Problems in reading order (line, then column), duplicates dropped; ties keep their discovery order. */
export function sortLocated(problems: readonly LocatedProblem[]): LocatedProblem[] {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = JSON.stringify([p.file, p.line, p.col, p.path, p.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // Array sort is stable, so problems on the same spot keep the order they were found in.
  return unique.sort((a, b) => a.line - b.line || a.col - b.col);
}

/** The problems of one file, as they are found. */
export interface FileProblems {
  /** Problems so far, in the order found. */
  readonly all: LocatedProblem[];
  /** Add a problem of `kind` at `pos`, at value path `path` (dotted form). */
  report(kind: ProblemKind, pos: Position, path: string, message: string): void;
  /** Add a finding, placed at its key or value through `locator` (kind `schema` unless given). */
  place(locator: Locator, f: Finding, kind?: ProblemKind): void;
  /** The failure of everything found, in reading order. */
  fail(): { ok: false; problems: LocatedProblem[] };
}

/** A fresh collector for `file`. */
export function fileProblems(file: string): FileProblems {
  const found: LocatedProblem[] = [];
  const report = (kind: ProblemKind, pos: Position, path: string, message: string) => {
    found.push({ kind, path, message, file, line: pos.line, col: pos.col } as LocatedProblem);
  };
  return {
    all: found,
    report,
    place: (locator, f, kind = "schema") =>
      report(
        kind,
        f.at === "key" ? locator.key(f.path) : locator.value(f.path),
        formatPath(f.path),
        f.message,
      ),
    fail: () => ({ ok: false, problems: sortLocated(found) }),
  };
}

/** Problems of a file as a whole (it cannot be read), located at 0:0 of `file`. */
export function atFileStart(problems: readonly Problem[], file: string): LocatedProblem[] {
  return problems.map((p) => ({ ...p, file, line: 0, col: 0 }));
}
