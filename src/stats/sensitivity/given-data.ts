/**
 * First-order Sobol indices from given data (Plischke, Borgonovo & Smith 2013, "Global
 * sensitivity measures from given data", EJOR 226: 536–550): no special design, any sample of
 * (x, y) pairs. For factor j the points are sorted by x_j and cut into M classes of (nearly)
 * equal count; the class means of y estimate E[y | x_j], and S_j = Σ_m (n_m / n)(ȳ_m − ȳ)² / Var(y)
 * (1/n denominator) — the correlation ratio η² of y on the classes, as SALib's `delta.analyze`
 * computes its `S1`. M follows the same paper's rule, min(⌈n^(2 / (7 + tanh((1500 − n) / 500)))⌉, 48):
 * few classes for small samples (bias from noise), more as n grows (bias from coarse classes).
 * With n points and M classes an input that does nothing still gets about (M − 1)/(n − 1) from
 * noise alone: the null level reported next to the indices.
 */

/** The number of classes for n points (Plischke et al. 2013, as SALib uses it). */
export function givenDataClasses(n: number): number {
  if (n < 2) return 1;
  const exponent = 2 / (7 + Math.tanh((1500 - n) / 500));
  return Math.max(2, Math.min(48, Math.ceil(n ** exponent)));
}

/** What an input without effect scores on average from noise alone: (M − 1)/(n − 1). */
export const givenDataNullLevel = (n: number, classes: number): number =>
  n > 1 ? (classes - 1) / (n - 1) : Number.NaN;

/**
 * The first-order index estimator over factor columns `xs` and output `y` (finite, equally long),
 * with `classes` classes: without `rows`, the indices of all points; with `rows` (indexes, repeats
 * allowed, as a bootstrap draws them), those of that resample. Sorting is done once per column;
 * a resample walks the sorted order with its copy counts, so ties of x (repeats of a point) never
 * straddle a class edge. NaN for every factor when y does not vary.
 */
export function givenDataEstimator(
  xs: readonly Float64Array[],
  y: Float64Array,
  classes: number,
): (rows?: Int32Array) => Float64Array {
  const n = y.length;
  const orders = xs.map((x) => Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a]! - x[b]!));
  const counts = new Float64Array(n);
  return (rows) => {
    counts.fill(rows ? 0 : 1);
    if (rows) for (let i = 0; i < rows.length; i++) counts[rows[i]!] = counts[rows[i]!]! + 1;
    let total = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      total += counts[i]!;
      sum += counts[i]! * y[i]!;
    }
    const mean = sum / total;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += counts[i]! * (y[i]! - mean) ** 2;
    variance /= total;
    return Float64Array.from(orders, (order) =>
      variance > 0 ? classVariance(order, counts, y, classes, total, mean) / variance : Number.NaN,
    );
  };
}

/** Σ_m (n_m / total)(ȳ_m − mean)² over `classes` equal-count classes along `order`. */
function classVariance(
  order: Int32Array,
  counts: Float64Array,
  y: Float64Array,
  classes: number,
  total: number,
  mean: number,
): number {
  let out = 0;
  let seen = 0;
  let cls = 0;
  let nm = 0;
  let sm = 0;
  const close = () => {
    if (nm > 0) out += (nm / total) * (sm / nm - mean) ** 2;
    nm = 0;
    sm = 0;
  };
  for (const i of order) {
    const c = counts[i]!;
    if (c === 0) continue;
    // A point's copies go to the class its first copy falls in: equal x never splits.
    const target = Math.min(classes - 1, Math.floor((seen * classes) / total));
    if (target !== cls) {
      close();
      cls = target;
    }
    nm += c;
    sm += c * y[i]!;
    seen += c;
  }
  close();
  return out;
}

/** First-order indices of factor columns `xs` on output `y` over all points (see givenDataEstimator). */
export function givenDataFirstOrder(
  xs: readonly Float64Array[],
  y: Float64Array,
  classes?: number,
): Float64Array {
  return givenDataEstimator(xs, y, classes ?? givenDataClasses(y.length))();
}
