/**
 * Summaries of a citizen layer's time series. Epstein (2002) reads "punctuated equilibrium" off the
 * active-count series: long quiet stretches broken by bursts give a heavy-tailed (leptokurtic)
 * distribution of counts, i.e. Pearson kurtosis well above the normal's 3.
 */

/** Mean of values[from..]; NaN when there are none. */
export function meanFrom(values: ArrayLike<number>, from = 0): number {
  const n = values.length - from;
  if (n <= 0) return Number.NaN;
  let s = 0;
  for (let i = from; i < values.length; i++) s += values[i]!;
  return s / n;
}

/**
 * Pearson kurtosis m₄ / m₂² of values[from..] (population moments; 3 for a normal, 1.8 for a
 * uniform, large for rare bursts). NaN with fewer than two values or zero variance: a series that
 * never moves has no shape to measure.
 */
export function kurtosisFrom(values: ArrayLike<number>, from = 0): number {
  const n = values.length - from;
  if (n < 2) return Number.NaN;
  const m = meanFrom(values, from);
  let m2 = 0;
  let m4 = 0;
  for (let i = from; i < values.length; i++) {
    const d = values[i]! - m;
    const d2 = d * d;
    m2 += d2;
    m4 += d2 * d2;
  }
  m2 /= n;
  m4 /= n;
  // Relative to the mean's size, a variance this small is rounding noise, not movement.
  if (!(m2 > 1e-12 * (1 + m * m))) return Number.NaN;
  return m4 / (m2 * m2);
}

/** Largest of values[from..]; NaN when there are none. */
export function maxFrom(values: ArrayLike<number>, from = 0): number {
  let best = Number.NaN;
  for (let i = from; i < values.length; i++) if (!(values[i]! <= best)) best = values[i]!;
  return best;
}
