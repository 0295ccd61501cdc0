/**
 * Defaults of the comparison statistics, in a module of their own so the CLI can show them in
 * --help without loading mathjs.
 */

/** Bootstrap resamples per comparison unless the user says otherwise (enough for stable 2.5 % tails). */
export const DEFAULT_BOOTSTRAP = 2000;

/** Seed of the bootstrap streams unless the user says otherwise. */
export const DEFAULT_BOOTSTRAP_SEED = 1;
