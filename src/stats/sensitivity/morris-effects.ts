/**
 * Morris elementary effects and their summaries, on plain arrays. Along a trajectory, the step
 * that moves factor j by ±Δ (on the unit scale, so effects are per whole range of the factor)
 * gives EE_j = (y_after − y_before) / (±Δ) (Morris 1991). Over the r trajectories:
 * μ_j = mean EE_j, μ*_j = mean |EE_j| (Campolongo, Cariboni & Saltelli 2007, which ranks
 * factors without effects of opposite sign cancelling), σ_j = standard deviation of EE_j with the
 * r − 1 denominator (non-linearity or interactions). SALib's `morris.analyze` reports the same.
 */
/** Where each step of the trajectories is: per sample, trajectory, moved factor, direction. */
export interface MorrisSteps {
  /** Trajectory of each sample. */
  row: ArrayLike<number>;
  /** Factor moved at each sample (−1 at a trajectory's start). */
  factor: ArrayLike<number>;
  /** Direction of the move (+1 / −1; 0 at a start). */
  step: ArrayLike<number>;
}

/**
 * Elementary effects: `ee[t·k + j]` of factor j on trajectory t, from outputs `y` per sample (k + 1
 * consecutive samples per trajectory, as the design lays them out). NaN where an output is missing.
 */
export function elementaryEffects(
  y: Float64Array,
  steps: MorrisSteps,
  k: number,
  trajectories: number,
  delta: number,
): Float64Array {
  const ee = new Float64Array(trajectories * k).fill(Number.NaN);
  for (let s = 1; s < y.length; s++) {
    const j = steps.factor[s]!;
    if (j < 0 || steps.row[s] !== steps.row[s - 1]) continue;
    ee[steps.row[s]! * k + j] = (y[s]! - y[s - 1]!) / (steps.step[s]! * delta);
  }
  return ee;
}

/** μ, μ* and σ of factor j's effects over the trajectories in `rows` (all when absent), NaN-free. */
export function morrisMeasures(
  ee: Float64Array,
  k: number,
  j: number,
  rows?: Int32Array,
): { mu: number; muStar: number; sigma: number; n: number } {
  const t = rows ? rows.length : ee.length / k;
  const at = (i: number) => ee[(rows ? rows[i]! : i) * k + j]!;
  // Two passes without allocating: the bootstrap calls this thousands of times.
  let n = 0;
  let sum = 0;
  let sumAbs = 0;
  for (let i = 0; i < t; i++) {
    const v = at(i);
    if (!Number.isFinite(v)) continue;
    n++;
    sum += v;
    sumAbs += Math.abs(v);
  }
  if (n === 0) return { mu: Number.NaN, muStar: Number.NaN, sigma: Number.NaN, n };
  const mu = sum / n;
  let ss = 0;
  for (let i = 0; i < t; i++) {
    const v = at(i);
    if (Number.isFinite(v)) ss += (v - mu) * (v - mu);
  }
  return { mu, muStar: sumAbs / n, sigma: n > 1 ? Math.sqrt(ss / (n - 1)) : Number.NaN, n };
}
