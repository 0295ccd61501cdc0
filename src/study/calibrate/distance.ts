/**
 * The distance between simulated and observed targets: the weighted root mean square of each
 * target's miss in units of its band's half-width, so 1 means "on average at the edge of the
 * bands" whatever the outcomes' units, and a target's weight says how much it counts.
 */
import type { Target } from "./checks.js";

/** Mean of each target's outcome over the runs of one evaluation (NaN if a run lacks it). */
export function targetMeans(targets: readonly Target[], runs: readonly Record<string, number>[]): number[] {
  return targets.map((t) => {
    let s = 0;
    for (const r of runs) s += typeof r[t.outcome] === "number" ? r[t.outcome]! : Number.NaN;
    return s / runs.length;
  });
}

/** Distance of target means from the observations (Infinity if any mean is not a finite number). */
export function distanceOf(targets: readonly Target[], means: readonly number[]): number {
  let ss = 0;
  let wsum = 0;
  for (const [i, t] of targets.entries()) {
    const m = means[i]!;
    if (!Number.isFinite(m)) return Number.POSITIVE_INFINITY;
    const half = (t.hi - t.lo) / 2;
    ss += t.weight * ((m - t.observed) / half) ** 2;
    wsum += t.weight;
  }
  return Math.sqrt(ss / wsum);
}
