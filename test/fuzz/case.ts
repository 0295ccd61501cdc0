/**
 * One fuzz case, in process: `pamir validate <file>` and, for a scenario that validates,
 * `pamir run <file> --ticks 5`, called as the CLI calls them (validateCommand, runCommand) with
 * the CLI's own problem lines. What counts: exit 0, or exit 2 with every problem line located
 * (`file:line:col  path  message` or `file  path  message`). Anything else is a finding: an
 * exception that is not a CliError (the CLI's "internal error", exit 1), a failed run (exit 1)
 * of a file that validated, or an exit-2 line without a place.
 */
import { CliError } from "../../src/cli/errors.js";
import { runCommand } from "../../src/cli/run/command.js";
import { validateCommand } from "../../src/cli/validate/command.js";

/** How a case ended. */
export type Outcome =
  | { kind: "ok" | "bad-input" }
  | { kind: "internal" | "run-failed" | "unlocated"; detail: string };

/** A problem line with its place: `file:line:col  path  message` or `file  path  message`. */
const LOCATED = /^.+(:\d+:\d+)? {2}\S.* {2}\S/;

/** The ending of one CLI call: undefined for exit 0, else the outcome. */
function ending(call: () => void): Outcome | undefined {
  try {
    call();
    return undefined;
  } catch (err) {
    if (!(err instanceof CliError)) {
      const e = err instanceof Error ? err : new Error(String(err));
      return { kind: "internal", detail: `${e.name}: ${e.message}` };
    }
    if (err.code === 2) {
      const bad = err.lines.find((l) => !LOCATED.test(l));
      if (err.lines.length === 0 || bad !== undefined)
        return { kind: "unlocated", detail: bad ?? err.message };
      return { kind: "bad-input" };
    }
    return { kind: "run-failed", detail: err.message };
  }
}

/** Run validate (and, for a valid scenario, run --ticks 5) on `file`; `study` says which it is. */
export function runCase(file: string, study: boolean): Outcome {
  const quiet = () => {};
  const validated = ending(() => validateCommand([file], quiet));
  if (validated) return validated;
  if (study) return { kind: "ok" };
  return ending(() => runCommand({ scenario: file, ticks: 5 }, quiet)) ?? { kind: "ok" };
}
