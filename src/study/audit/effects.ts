/**
 * What a switch does, from paired runs: for every scalar outcome, the differences a − b seed by
 * seed (common random numbers: both arms ran with the same seeds, so the seed-to-seed noise they
 * share cancels), their mean with a 95 % Student t interval (stats/describe.ts), and whether the
 * interval excludes 0 ("moved"). Outcomes are ranked by the standardised effect d_z = mean / sd
 * of the differences (Cohen 1988, §2.3.5, d for paired samples): a difference that is the same in
 * every seed (sd 0) ranks first (|d_z| = ∞), one that is 0 in every seed last. A seed whose run
 * failed in either arm, or lacks the outcome or has it non-finite, is left out of that pair.
 */
import { describeSample } from "../../stats/describe.js";
import { studentTCdf } from "../../stats/student-t.js";

/** One run's outcomes, or undefined for a failed run. */
export type RunOutcomes = Readonly<Record<string, number>> | undefined;

/** The effect of a contrast on one outcome. */
export interface OutcomeEffect {
  /** Outcome name. */
  outcome: string;
  /** Seeds paired (both arms ran and gave a finite value). */
  n: number;
  /** Mean of arm a over the paired seeds. */
  meanA: number;
  /** Mean of arm b over the paired seeds. */
  meanB: number;
  /** Mean paired difference a − b. */
  diff: number;
  /** Lower end of its 95 % t interval (NaN with fewer than 2 pairs). */
  ciLow: number;
  /** Upper end. */
  ciHigh: number;
  /** Whether the interval excludes 0. */
  moved: boolean;
  /** d_z = diff / sd of the differences (±∞ when they are all equal and not 0; 0 when all 0). */
  effect: number;
  /** diff / |meanB| (NaN when meanB is 0). */
  relative: number;
  /** Two-sided p-value of the paired t test (0 for a constant non-zero difference, 1 for all 0; NaN under 2 pairs). */
  p: number;
}

/** The paired values of `outcome` in two arms, seed by seed. */
function pairs(a: readonly RunOutcomes[], b: readonly RunOutcomes[], outcome: string): [number, number][] {
  const out: [number, number][] = [];
  for (let s = 0; s < Math.min(a.length, b.length); s++) {
    const x = a[s]?.[outcome];
    const y = b[s]?.[outcome];
    if (x !== undefined && y !== undefined && Number.isFinite(x) && Number.isFinite(y)) out.push([x, y]);
  }
  return out;
}

const meanOf = (xs: readonly number[]) =>
  xs.length > 0 ? xs.reduce((s, x) => s + x, 0) / xs.length : Number.NaN;

/** The effect on one outcome of arm a against arm b (runs indexed by seed, the same seeds in both). */
export function outcomeEffect(
  a: readonly RunOutcomes[],
  b: readonly RunOutcomes[],
  outcome: string,
): OutcomeEffect {
  const p = pairs(a, b, outcome);
  const d = p.map(([x, y]) => x - y);
  const meanA = meanOf(p.map(([x]) => x));
  const meanB = meanOf(p.map(([, y]) => y));
  const s = describeSample(d);
  // All differences equal: the interval is that one value (describeSample's se is 0), exactly.
  const constant = d.length > 0 && d.every((x) => x === d[0]);
  const diff = constant ? d[0]! : s.mean;
  const ciLow = constant && d.length > 1 ? diff : s.ciLow;
  const ciHigh = constant && d.length > 1 ? diff : s.ciHigh;
  const effect = constant ? (diff === 0 ? 0 : Math.sign(diff) * Number.POSITIVE_INFINITY) : diff / s.sd;
  return {
    outcome,
    n: d.length,
    meanA,
    meanB,
    diff,
    ciLow,
    ciHigh,
    moved: ciLow > 0 || ciHigh < 0,
    effect,
    relative: meanB !== 0 ? diff / Math.abs(meanB) : Number.NaN,
    p: d.length < 2 ? Number.NaN : constant ? (diff === 0 ? 1 : 0) : pairedP(diff / s.se, d.length - 1),
  };
}

/** Two-sided p-value of a t statistic with df degrees of freedom. */
function pairedP(t: number, df: number): number {
  return 2 * (1 - studentTCdf(Math.abs(t), df));
}

/**
 * Whether a contrast moves some outcome after a Bonferroni correction over its outcomes (some p
 * below 0.05 / the number of outcomes with a p): with 60 outcomes, a switch whose runs differ only
 * by chance still shows about 3 outcomes "moved" at 95 %, and this is what tells it apart.
 */
export function movesFamilywise(effects: readonly OutcomeEffect[]): boolean {
  const ps = effects.map((e) => e.p).filter((p) => !Number.isNaN(p));
  return ps.some((p) => p < 0.05 / ps.length);
}

/** Outcome names of some runs, in order of first appearance. */
export function outcomeNames(runs: readonly RunOutcomes[]): string[] {
  const seen = new Set<string>();
  for (const r of runs) if (r) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

/** Effects ranked: moved outcomes first, then by |d_z|, then by |relative change|. */
export function rankEffects(effects: readonly OutcomeEffect[]): OutcomeEffect[] {
  const mag = (x: number) => (Number.isNaN(x) ? -1 : Math.abs(x));
  return [...effects].sort(
    (x, y) =>
      Number(y.moved) - Number(x.moved) ||
      mag(y.effect) - mag(x.effect) ||
      mag(y.relative) - mag(x.relative) ||
      0,
  );
}

/** The effects of arm a against arm b on every outcome either has, ranked (see rankEffects). */
export function contrastEffects(a: readonly RunOutcomes[], b: readonly RunOutcomes[]): OutcomeEffect[] {
  return rankEffects(outcomeNames([...b, ...a]).map((o) => outcomeEffect(a, b, o)));
}
