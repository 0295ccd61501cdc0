/** Bounds of a scenario that the CLI's options share, in a module light enough for `--help`. */

/**
 * Most ticks a run may have: a run records every series at every tick, so its memory grows with
 * the horizon (a million ticks of 20 series is 160 MB); the longest shipped scenario has 360.
 */
export const MAX_TICKS = 1_000_000;
