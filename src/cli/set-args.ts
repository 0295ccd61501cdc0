/** The `--set` option of `run` and `validate`, as a list. */

/** The `--set` values as a list (yargs gives a string for one, a list for several). */
export function setArgs(set: string | readonly string[] | undefined): string[] {
  return set === undefined ? [] : typeof set === "string" ? [set] : [...set];
}
