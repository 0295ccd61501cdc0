/**
 * The samplers of the sensitivity designs behind one call, for `buildDesign`: the study's
 * `samples` is the base size N (Saltelli) or the number of trajectories r (Morris), and the
 * design gets N·(k + 2) (or N·(2k + 2)) or r·(k + 1) samples, each with its role.
 */
import { MORRIS_DEFAULT_LEVELS, morrisDelta, morrisSamples } from "./morris.js";
import type { SensitivityLayout } from "./roles.js";
import { saltelliSamples } from "./saltelli.js";

/** The sensitivity design keys of a study file. */
export interface SensitivityOptions {
  /** Saltelli: also lay out BA_j for second-order indices. */
  secondOrder?: boolean | undefined;
  /** Morris: grid levels p (default 4). */
  levels?: number | undefined;
  /** Morris: candidate trajectories to choose the r from (Campolongo 2007). */
  candidates?: number | undefined;
}

/** Unit-cube samples (row-major over `k` factors) and the layout of a Saltelli or Morris design. */
export function sensitivitySamples(
  design: "saltelli" | "morris",
  samples: number,
  k: number,
  seed: number,
  options: SensitivityOptions,
): { unit: Float64Array; layout: SensitivityLayout } {
  if (design === "saltelli") {
    const secondOrder = options.secondOrder ?? false;
    const { unit, roles } = saltelliSamples(samples, k, secondOrder);
    return { unit, layout: { kind: "saltelli", base: samples, secondOrder, roles } };
  }
  const levels = options.levels ?? MORRIS_DEFAULT_LEVELS;
  const { unit, roles } = morrisSamples(samples, k, levels, seed, options.candidates);
  return {
    unit,
    layout: {
      kind: "morris",
      trajectories: samples,
      levels,
      delta: morrisDelta(levels),
      candidates: options.candidates ?? null,
      roles,
    },
  };
}
