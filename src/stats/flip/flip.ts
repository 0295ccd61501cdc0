/**
 * The flip point of a study: along a range factor (the threat's criminal share), where does the
 * better of two arms (postures) change? The paired differences d = outcome(A) − outcome(B) of the
 * cases (cases.ts) get a least-squares line and a bootstrap of its root (fit.ts); binned means
 * (equal-count bins of x, each with its t interval) show the shape the line summarises. Which arm
 * is better on each side follows from the outcome's direction.
 */

import { failure, problem, type Result } from "../../core/problems.js";
import type { RunRow } from "../../core/run-row.js";
import { describeSample } from "../describe.js";
import { type Direction, type RegretTable, regretTable } from "../regret.js";
import { type FlipCases, type FlipSpace, flipCases } from "./cases.js";
import { bootstrapRoot, fitLine, type LineFit, type RootBootstrap, rootOf } from "./fit.js";

/** The method, in words (stored with every flip report). */
export const FLIP_METHOD =
  "least-squares line of the paired difference A − B against the factor; flip point = its root; 95 % percentile bootstrap over cases; binned means with t intervals";

/** One equal-count bin of the factor. */
export interface FlipBin {
  from: number;
  to: number;
  n: number;
  /** Mean difference A − B and its 95 % t interval. */
  mean: number;
  ciLow: number;
  ciHigh: number;
  /** Each arm's mean outcome in the bin. */
  meanA: number;
  meanB: number;
}

/** Where the better arm changes, or that it does not within the sampled range. */
export interface FlipReport {
  outcome: string;
  direction: Direction;
  by: string;
  /** [A, B]: differences are A − B. */
  arms: [string, string];
  along: { name: string; path: string; min: number; max: number };
  cases: number;
  dropped: number;
  fit: LineFit;
  /** The line's root; null when the line is flat. */
  flipAt: number | null;
  /** Whether the root lies inside the sampled range. */
  inRange: boolean;
  bootstrap: RootBootstrap & { seed: number | string };
  /** The arm better below the flip point (or throughout the range when it does not flip there). */
  betterBelow: string;
  /** The arm better above it (the same arm as below when the root is outside the range). */
  betterAbove: string;
  bins: FlipBin[];
  /**
   * Minimax regret with the bins as the hypotheses: each bin of the factor is one hypothesis
   * about it (the other sampled factors averaged within), each arm's mean there its outcome.
   */
  regret: RegretTable & { hypothesesAre: string };
  method: string;
}

/** Options of the fit. */
export interface FlipOptions {
  outcome: string;
  direction: Direction;
  resamples: number;
  seed: number | string;
  bins: number;
}

/** The arm better where the line's difference is `d` (A when A − B is on the good side). */
function betterWhere(d: number, arms: readonly [string, string], direction: Direction): string {
  const aBetter = direction === "lower-is-better" ? d < 0 : d > 0;
  return aBetter ? arms[0] : arms[1];
}

/** Equal-count bins of the cases sorted by x, each with its mean difference and t interval. */
function binCases(c: FlipCases, k: number): FlipBin[] {
  const { x, d } = c;
  const order = x.map((_, i) => i).sort((i, j) => x[i]! - x[j]! || i - j);
  const bins: FlipBin[] = [];
  for (let b = 0; b < k; b++) {
    const idx = order.slice(Math.floor((b * order.length) / k), Math.floor(((b + 1) * order.length) / k));
    if (idx.length === 0) continue;
    const s = describeSample(idx.map((i) => d[i]!));
    bins.push({
      from: x[idx[0]!]!,
      to: x[idx.at(-1)!]!,
      n: s.n,
      mean: s.mean,
      ciLow: s.ciLow,
      ciHigh: s.ciHigh,
      meanA: idx.reduce((t, i) => t + c.a[i]!, 0) / idx.length,
      meanB: idx.reduce((t, i) => t + c.b[i]!, 0) / idx.length,
    });
  }
  return bins;
}

/** The regret table of the arms with each bin of the factor as a hypothesis (labelled "from–to"). */
function binRegret(bins: readonly FlipBin[], space: FlipSpace, direction: Direction): FlipReport["regret"] {
  const names = bins.map((b) => `${b.from.toPrecision(3)}–${b.to.toPrecision(3)}`);
  const means = [bins.map((b) => b.meanA), bins.map((b) => b.meanB)];
  return {
    ...regretTable(space.arms, names, means, direction),
    hypothesesAre: `equal-count bins of ${space.along.name}, other sampled factors averaged within each`,
  };
}

/** The flip report of `rows` for one outcome, or a one-line reason there is none. */
export function findFlip(rows: readonly RunRow[], space: FlipSpace, o: FlipOptions): Result<FlipReport> {
  const c = flipCases(rows, o.outcome, space);
  if (c.x.length < 3)
    return failure(
      problem(
        "results",
        "",
        `${c.x.length} paired cases of ${space.arms.join(" and ")}: a line needs at least 3`,
      ),
    );
  const min = Math.min(...c.x);
  const max = Math.max(...c.x);
  if (!(max > min))
    return failure(
      problem("results", "", `${space.along.name} takes one value (${min}): nothing to fit along`),
    );
  const fit = fitLine(c.x, c.d);
  const root = rootOf(fit);
  const inRange = root >= min && root <= max;
  const stream = `flip/${o.outcome}/${space.along.path}/${space.arms.join("/")}`;
  const boot = bootstrapRoot(
    c.x,
    c.d,
    { lo: min, hi: max },
    { resamples: o.resamples, seed: o.seed, stream },
  );
  const bins = binCases(c, o.bins);
  const at = (x: number) => fit.intercept + fit.slope * x;
  const below = inRange ? at(min) : at((min + max) / 2);
  const above = inRange ? at(max) : below;
  return {
    ok: true,
    value: {
      outcome: o.outcome,
      direction: o.direction,
      by: space.by.name,
      arms: [space.arms[0], space.arms[1]],
      along: { ...space.along, min, max },
      cases: c.x.length,
      dropped: c.dropped,
      fit,
      flipAt: Number.isFinite(root) ? root : null,
      inRange,
      bootstrap: { ...boot, seed: o.seed },
      betterBelow: betterWhere(below, space.arms, o.direction),
      betterAbove: betterWhere(above, space.arms, o.direction),
      bins,
      regret: binRegret(bins, space, o.direction),
      method: FLIP_METHOD,
    },
  };
}
