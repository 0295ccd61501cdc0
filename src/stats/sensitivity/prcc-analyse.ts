/**
 * `pamir sensitivity` on a space-filling study (design: lhs or sobol): PRCC of every range factor
 * per scenario, factorial cell and outcome, with a bootstrap 95 % interval over design points and
 * Marino et al.'s t-test p-value. As for Sobol indices and Morris, the replicates of a design
 * point are averaged first (sample-means.ts), so PRCC measures what drives the expected outcome.
 * A point's factor values are read from its runs' rows. Bad input comes back as an error value.
 */
import { type Failure, failure, problem } from "../../core/problems.js";
import type { RunRow } from "../../core/run-row.js";
import {
  pickOutcomes,
  type SensitivityOptions,
  type SensitivityReport,
  type SensitivityResult,
} from "./analyse.js";
import { bootstrapVector } from "./intervals.js";
import { prccEstimator, prccPValue } from "./prcc.js";
import { type CellFactor, type DesignGroup, designGroups, sampleMeans } from "./sample-means.js";

/** What PRCC needs of a space-filling study (from its manifest). */
export interface PrccSpace {
  sampler: "lhs" | "sobol";
  /** Samples per factorial cell. */
  samples: number;
  /** Range factors: name and scenario path, in design order. */
  ranges: CellFactor[];
  /** Value factors that split the runs into cells. */
  values: CellFactor[];
}

/** The interval method, in words (stored with the analysis). */
export const PRCC_BOOTSTRAP_METHOD =
  "percentile bootstrap over design points (replicate means), resampled with replacement and ranked again; 2.5th and 97.5th type-7 percentiles";

/** Each range factor's value per sample of the group (NaN where no row gives a finite number). */
function factorColumns(g: DesignGroup, space: PrccSpace): Float64Array[] {
  const cols = space.ranges.map(() => new Float64Array(space.samples).fill(Number.NaN));
  for (const row of g.rows) {
    const s = row.point % space.samples;
    space.ranges.forEach((f, j) => {
      const v = row.factors[f.path];
      if (typeof v === "number" && Number.isFinite(v)) cols[j]![s] = v;
    });
  }
  return cols;
}

/** PRCC of one outcome in one group: the samples with every value finite, then estimate and bootstrap. */
function analyseGroup(
  g: DesignGroup,
  outcome: string,
  space: PrccSpace,
  opts: SensitivityOptions,
): SensitivityResult {
  const k = space.ranges.length;
  const { means, noise } = sampleMeans(g, outcome, space.samples);
  const cols = factorColumns(g, space);
  const keep: number[] = [];
  for (let s = 0; s < space.samples; s++)
    if (Number.isFinite(means[s]!) && cols.every((c) => Number.isFinite(c[s]!))) keep.push(s);
  const y = Float64Array.from(keep, (s) => means[s]!);
  const xs = cols.map((c) => Float64Array.from(keep, (s) => c[s]!));
  const n = keep.length;
  // With n ≤ k + 2 the test has no degrees of freedom and the ranks' correlations are degenerate.
  const estimate = n > k + 2 ? prccEstimator(xs, y) : () => new Float64Array(k).fill(Number.NaN);
  const stream = `sensitivity/${g.scenario}/${g.cell}/${outcome}`;
  const iv = bootstrapVector(n, estimate, { resamples: opts.resamples, seed: opts.seed, stream });
  return {
    scenario: g.scenario,
    cell: g.labels,
    outcome,
    used: n,
    dropped: space.samples - n,
    noise: Number.isFinite(noise) ? noise : null,
    prcc: space.ranges.map((f, j) => ({ factor: f.name, prcc: iv[j]!, p: prccPValue(iv[j]!.value, n, k) })),
  };
}

/** PRCC of every requested outcome in every scenario and cell of a space-filling study. */
export function analysePrcc(
  rows: readonly RunRow[],
  space: PrccSpace,
  opts: SensitivityOptions,
): { ok: true; value: SensitivityReport } | Failure {
  const k = space.ranges.length;
  if (k === 0)
    return failure(problem("results", "", "the study has no range factor; PRCC needs at least one"));
  if (space.samples <= k + 2)
    return failure(
      problem(
        "results",
        "",
        `${space.samples} design points for ${k} range factors; PRCC needs more than k + 2 = ${k + 2}`,
      ),
    );
  const picked = pickOutcomes(rows, opts.outcomes);
  if (!picked.ok) return picked;
  const results: SensitivityResult[] = [];
  for (const g of designGroups(rows, space.samples, space.values))
    for (const outcome of picked.value) results.push(analyseGroup(g, outcome, space, opts));
  return {
    ok: true,
    value: {
      design: space.sampler,
      method: "prcc",
      factors: space.ranges.map((f) => f.name),
      outcomes: picked.value,
      replicates: "averaged per design point (mean of finished runs) before the estimators",
      bootstrap: { resamples: opts.resamples, seed: opts.seed, method: PRCC_BOOTSTRAP_METHOD },
      results,
    },
  };
}
