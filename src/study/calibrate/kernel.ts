/**
 * The perturbation kernel of ABC-SMC: a multivariate normal around an ancestor particle with
 * twice the weighted covariance of the last population (Beaumont et al. 2009; Filippi et al.
 * 2013 show it is the variance that minimises the Kullback–Leibler divergence to the next
 * target for a Gaussian population). A Cholesky factor draws from it and whitens for its density.
 */
import type { RngStream } from "../../engine/rng.js";

/** A normal kernel: the lower Cholesky factor L of its covariance (Σ = L Lᵀ). */
export interface Kernel {
  chol: number[][];
}

/** Weighted covariance (weights sum to 1) of points, each a row. */
export function weightedCovariance(points: readonly number[][], weights: readonly number[]): number[][] {
  const k = points[0]?.length ?? 0;
  const mean = new Array<number>(k).fill(0);
  points.forEach((p, n) => {
    for (let i = 0; i < k; i++) mean[i]! += weights[n]! * p[i]!;
  });
  const cov = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  points.forEach((p, n) => {
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) cov[i]![j]! += weights[n]! * (p[i]! - mean[i]!) * (p[j]! - mean[j]!);
  });
  return cov;
}

/**
 * Lower Cholesky factor of a symmetric positive semi-definite matrix; a pivot at or below `floor`
 * (a collapsed or perfectly correlated direction) is raised to it so the kernel keeps moving.
 */
export function cholesky(a: readonly number[][], floor: readonly number[]): number[][] {
  const k = a.length;
  const l = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i]![j]!;
      for (let m = 0; m < j; m++) s -= l[i]![m]! * l[j]![m]!;
      if (i === j) l[i]![i] = Math.sqrt(Math.max(s, floor[i]! ** 2));
      else l[i]![j] = s / l[j]![j]!;
    }
  }
  return l;
}

/**
 * The kernel of a population: covariance 2·Σ̂ of its points; `scale` (the prior box's widths)
 * sets a floor of 1e-6 of the width on each standard deviation.
 */
export function kernelOf(
  points: readonly number[][],
  weights: readonly number[],
  scale: readonly number[],
): Kernel {
  const cov = weightedCovariance(points, weights).map((row) => row.map((v) => 2 * v));
  return {
    chol: cholesky(
      cov,
      scale.map((w) => 1e-6 * w),
    ),
  };
}

/** A draw from the kernel centred on `center`. */
export function perturb(kernel: Kernel, center: readonly number[], rng: RngStream): number[] {
  const k = center.length;
  const z = Array.from({ length: k }, () => rng.normal());
  return center.map((c, i) => {
    let s = c;
    for (let j = 0; j <= i; j++) s += kernel.chol[i]![j]! * z[j]!;
    return s;
  });
}

/** The kernel's log density at `x` around `center`, up to the constant every centre shares. */
export function logKernel(kernel: Kernel, x: readonly number[], center: readonly number[]): number {
  // Solve L y = x − c by forward substitution; the log density is −|y|²/2 plus a constant.
  const k = x.length;
  const y = new Array<number>(k);
  let ss = 0;
  for (let i = 0; i < k; i++) {
    let s = x[i]! - center[i]!;
    for (let j = 0; j < i; j++) s -= kernel.chol[i]![j]! * y[j]!;
    y[i] = s / kernel.chol[i]![i]!;
    ss += y[i]! ** 2;
  }
  return -0.5 * ss;
}
