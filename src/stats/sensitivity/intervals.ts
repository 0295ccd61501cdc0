/**
 * Bootstrap 95 % intervals of sensitivity measures: the units of the design (Saltelli's base
 * rows, Morris's trajectories) are resampled with replacement B times from one named stream of
 * createRngHub(seed), every measure is recomputed on each resample, and the interval is the
 * type-7 2.5th and 97.5th percentiles of the B values (the percentile method, as `pamir
 * compare` uses). Resampling whole rows keeps A, B and AB_j of a row together, as the estimators need.
 */
import { createRngHub } from "../../engine/rng.js";
import { CONFIDENCE, quantiles } from "../describe.js";

/** A measure with its bootstrap 95 % interval (NaN ends without resamples). */
export interface Interval {
  value: number;
  low: number;
  high: number;
}

/** How to bootstrap. */
export interface BootstrapOptions {
  /** Resamples B (0: no intervals). */
  resamples: number;
  /** Seed of the stream. */
  seed: number;
  /** Stream name, so every outcome's resamples are independent and reproducible. */
  stream: string;
}

/**
 * Point values `estimate()` and percentile intervals of `estimate(rows)` over B resamples of
 * `units` rows; `estimate` returns a flat vector of measures (NaN entries stay NaN).
 */
export function bootstrapVector(
  units: number,
  estimate: (rows?: Int32Array) => Float64Array,
  opts: BootstrapOptions,
): Interval[] {
  const point = estimate();
  const m = point.length;
  if (!(opts.resamples >= 1) || units < 1)
    return Array.from(point, (value) => ({ value, low: Number.NaN, high: Number.NaN }));
  const rng = createRngHub(opts.seed).stream(opts.stream);
  const rows = new Int32Array(units);
  const draws = Array.from({ length: m }, () => new Array<number>(opts.resamples));
  for (let r = 0; r < opts.resamples; r++) {
    for (let i = 0; i < units; i++) rows[i] = rng.below(units);
    const v = estimate(rows);
    for (let j = 0; j < m; j++) draws[j]![r] = v[j]!;
  }
  const tail = (1 - CONFIDENCE) / 2;
  return Array.from(point, (value, j) => {
    if (Number.isNaN(value)) return { value, low: Number.NaN, high: Number.NaN };
    const finite = draws[j]!.filter(Number.isFinite);
    const [low, high] = quantiles(finite, [tail, 1 - tail]) as [number, number];
    return { value, low, high };
  });
}
