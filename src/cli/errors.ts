/**
 * The edge where failures become exit codes. Everything inside pamir returns failures as data;
 * only the CLI turns them into one-line messages and these codes.
 */

/** Exit codes of the `pamir` command. */
export const EXIT = { ok: 0, runFailed: 1, badInput: 2, deadSwitch: 3 } as const;

/** Exit code after an interruption (128 + SIGINT, as shells report it). */
export const EXIT_INTERRUPTED = 130;

/** A failure the CLI reports as one line (no stack unless --debug) with its exit code. */
export class CliError extends Error {
  /** Exit code to leave with. */
  readonly code: number;
  /** Extra lines printed before the message (e.g. every located scenario error). */
  readonly lines: string[];

  constructor(message: string, code: number, lines: string[] = []) {
    super(message);
    this.name = "CliError";
    this.code = code;
    this.lines = lines;
  }
}
