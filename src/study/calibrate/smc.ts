/**
 * The steps of ABC-SMC (Toni et al. 2009; Beaumont et al. 2009; the adaptive tolerance of
 * Del Moral et al. 2012 as pyABC applies it): draw a candidate (from the prior in generation 0,
 * else an ancestor by weight, perturbed by the kernel until it lies in the prior's support),
 * weigh an accepted particle by prior / Σ ancestors' weight × kernel, and set the next tolerance
 * at a weighted quantile of the population's distances. Every candidate has its own named stream
 * (`calibrate/g<generation>/d<draw>`), so a candidate never depends on which others ran first.
 */
import { RngStream } from "../../engine/rng.js";
import { type Kernel, kernelOf, logKernel, perturb } from "./kernel.js";
import { drawPrior, inSupport, type PriorBox } from "./priors.js";

/** An accepted population: points on the sampling scale, normalised weights, distances. */
export interface Population {
  points: number[][];
  weights: number[];
  distances: number[];
}

/** Tries at perturbing an ancestor into the prior's support before keeping the ancestor itself. */
const MAX_TRIES = 1000;

/** What proposing a generation's candidates needs. */
export interface Proposer {
  /** The candidate of draw `draw`, on the sampling scale. */
  propose(draw: number): number[];
  /** The (unnormalised) importance weight of an accepted candidate. */
  weight(point: readonly number[]): number;
}

/** The proposer of generation `generation` after `previous` (none for generation 0: the prior). */
export function proposer(
  seed: number,
  generation: number,
  box: PriorBox,
  previous: Population | undefined,
): Proposer {
  const stream = (draw: number) => new RngStream(String(seed), `calibrate/g${generation}/d${draw}`);
  if (!previous) return { propose: (draw) => drawPrior(box, stream(draw)), weight: () => 1 };
  const kernel = kernelOf(
    previous.points,
    previous.weights,
    box.hi.map((h, i) => h - box.lo[i]!),
  );
  return {
    propose(draw) {
      const rng = stream(draw);
      const ancestor = previous.points[rng.weighted(previous.weights)]!;
      for (let t = 0; t < MAX_TRIES; t++) {
        const z = perturb(kernel, ancestor, rng);
        if (inSupport(box, z)) return z;
      }
      return [...ancestor];
    },
    weight: (point) => importanceWeight(kernel, previous, point),
  };
}

/**
 * prior(θ) / Σᵢ Wᵢ K(θ | θᵢ): the prior is flat on the sampling scale, so the weight is the
 * inverse of the kernel mixture, summed in log space (log-sum-exp) so far-out points do not
 * underflow to an infinite weight.
 */
export function importanceWeight(kernel: Kernel, previous: Population, point: readonly number[]): number {
  const logs = previous.points.map((c, i) => Math.log(previous.weights[i]!) + logKernel(kernel, point, c));
  const top = Math.max(...logs);
  let sum = 0;
  for (const l of logs) sum += Math.exp(l - top);
  return Math.exp(-(top + Math.log(sum)));
}

/** Weights scaled to sum to 1. */
export function normalise(weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / total);
}

/** Effective sample size of normalised weights, 1 / Σ w² (Kish). */
export function effectiveSampleSize(weights: readonly number[]): number {
  return 1 / weights.reduce((s, w) => s + w * w, 0);
}

/** The weighted `q`-quantile: the smallest value whose cumulative weight (ascending) reaches q. */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  const total = weights.reduce((s, w) => s + w, 0);
  let cum = 0;
  for (const i of order) {
    cum += weights[i]!;
    if (cum >= q * total) return values[i]!;
  }
  return values[order[order.length - 1]!]!;
}
