/** Bounds of the job queue that the CLI's options share, in a module light enough for `--help`. */

/** Most runs one job may carry. */
export const MAX_JOB_RUNS = 10_000;
