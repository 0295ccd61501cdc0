/**
 * Problems as text: the one place where the catalogue's entries (src/core/problems.ts) become
 * the lines pamir prints. A problem located in a file's text reads `file:line:col  path  message`
 * (what editors jump to), one at a path inside a file `file  path  message`, one at a path in
 * no file `path: message`, any other (path "") just its message.
 */
import type { Problem } from "../core/problems.js";
import { CliError, EXIT } from "./errors.js";

/** The one-line form of a problem. */
export function problemLine(p: Problem): string {
  if (p.file !== undefined && p.line !== undefined && p.col !== undefined)
    return `${p.file}:${p.line}:${p.col}  ${p.path}  ${p.message}`;
  if (p.path === "") return p.message;
  return p.file !== undefined ? `${p.file}  ${p.path}  ${p.message}` : `${p.path}: ${p.message}`;
}

/** Problems as one line (they are usually one). */
export function problemsText(problems: readonly Problem[]): string {
  return problems.map(problemLine).join("; ");
}

/** The CliError (exit 2) for a file with problems: `<file>: N problems`, then one line each. */
export function fileProblemsError(file: string, problems: readonly Problem[]): CliError {
  const n = problems.length;
  return new CliError(`${file}: ${n} problem${n === 1 ? "" : "s"}`, EXIT.badInput, problems.map(problemLine));
}
