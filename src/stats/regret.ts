/**
 * Minimax-regret choice among postures when the motive hypothesis is unknown (Savage 1951). Under
 * each hypothesis h the best posture has the best mean outcome; a posture's regret under h is how
 * much worse its mean is than that best (always ≥ 0). The robust posture minimises its maximum
 * regret over hypotheses.
 */

/** Which way an outcome is good. */
export type Direction = "lower-is-better" | "higher-is-better";

/** How ties in maximum regret are broken, in words (printed and stored with the table). */
export const TIE_BREAK =
  "equal maximum regret is broken by the smaller mean regret over hypotheses, then by posture name";

/** The regret table of postures × hypotheses. */
export interface RegretTable {
  /** Which way the outcome is good. */
  direction: Direction;
  /** Posture labels (rows). */
  postures: string[];
  /** Hypothesis labels (columns). */
  hypotheses: string[];
  /** Mean outcome per [posture][hypothesis]; NaN where the posture has no runs under it. */
  means: number[][];
  /** Regret per [posture][hypothesis]; NaN where the mean is. */
  regret: number[][];
  /** Maximum regret per posture; NaN if the posture lacks runs under some hypothesis. */
  maxRegret: number[];
  /** The minimax-regret posture, or null when no posture has runs under every hypothesis. */
  robust: string | null;
  /** Other postures whose maximum regret equals the robust one's (lost the tie-break). */
  tiedWith: string[];
  /** The tie-break rule. */
  tieBreak: string;
}

/** Regret table from mean outcomes per [posture][hypothesis] (NaN where unobserved). */
export function regretTable(
  postures: readonly string[],
  hypotheses: readonly string[],
  means: readonly (readonly number[])[],
  direction: Direction,
): RegretTable {
  const better = (a: number, b: number) => (direction === "lower-is-better" ? a < b : a > b);
  const best = hypotheses.map((_, h) => {
    let b = Number.NaN;
    for (let p = 0; p < postures.length; p++) {
      const m = means[p]?.[h] ?? Number.NaN;
      if (!Number.isNaN(m) && (Number.isNaN(b) || better(m, b))) b = m;
    }
    return b;
  });
  const regret = postures.map((_, p) =>
    hypotheses.map((_, h) => {
      const m = means[p]?.[h] ?? Number.NaN;
      return direction === "lower-is-better" ? m - best[h]! : best[h]! - m;
    }),
  );
  const maxRegret = regret.map((row) =>
    row.length === 0 || row.some(Number.isNaN) ? Number.NaN : Math.max(...row),
  );
  const meanRegret = regret.map((row) => row.reduce((s, r) => s + r, 0) / row.length);
  const candidates = postures
    .map((label, p) => ({ label, max: maxRegret[p]!, avg: meanRegret[p]! }))
    .filter((c) => !Number.isNaN(c.max))
    .sort((a, b) => a.max - b.max || a.avg - b.avg || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const winner = candidates[0];
  return {
    direction,
    postures: [...postures],
    hypotheses: [...hypotheses],
    means: postures.map((_, p) => hypotheses.map((_, h) => means[p]?.[h] ?? Number.NaN)),
    regret,
    maxRegret,
    robust: winner?.label ?? null,
    tiedWith: winner
      ? candidates
          .slice(1)
          .filter((c) => c.max === winner.max)
          .map((c) => c.label)
      : [],
    tieBreak: TIE_BREAK,
  };
}
