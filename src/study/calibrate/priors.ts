/**
 * Priors on the sampling scale: a uniform prior is uniform in the value, a log-uniform one is
 * uniform in the value's logarithm. ABC-SMC works on that scale (z = value or ln value), where
 * every prior is a flat box, so the prior density is one constant inside the box and the kernel
 * perturbs multiplicative parameters multiplicatively.
 */
import type { RngStream } from "../../engine/rng.js";
import type { FreeParameter } from "./checks.js";

/** The box of the priors on the sampling scale. */
export interface PriorBox {
  lo: number[];
  hi: number[];
  log: boolean[];
}

/** The sampling-scale box of `parameters`. */
export function priorBox(parameters: readonly FreeParameter[]): PriorBox {
  const log = parameters.map((p) => p.prior === "log-uniform");
  return {
    log,
    lo: parameters.map((p, i) => (log[i] ? Math.log(p.min) : p.min)),
    hi: parameters.map((p, i) => (log[i] ? Math.log(p.max) : p.max)),
  };
}

/** A draw from the prior, on the sampling scale (one uniform per parameter, in order). */
export function drawPrior(box: PriorBox, rng: RngStream): number[] {
  return box.lo.map((lo, i) => rng.uniform(lo, box.hi[i]!));
}

/** Whether `z` lies in the prior's support (ends included). */
export function inSupport(box: PriorBox, z: readonly number[]): boolean {
  return z.every((v, i) => v >= box.lo[i]! && v <= box.hi[i]!);
}

/** Parameter values of a sampling-scale point. */
export function valuesOf(box: PriorBox, z: readonly number[]): number[] {
  return z.map((v, i) => (box.log[i] ? Math.exp(v) : v));
}

/** The sampling-scale point of parameter values. */
export function scaleOf(box: PriorBox, values: readonly number[]): number[] {
  return values.map((v, i) => (box.log[i] ? Math.log(v) : v));
}
