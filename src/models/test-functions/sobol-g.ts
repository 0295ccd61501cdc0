/**
 * Sobol's G function (Sobol' 1993; Saltelli & Sobol' 1995), a test of sensitivity methods with
 * any number of inputs: y = Π_i (|4·x_i − 2| + a_i) / (1 + a_i), x_i uniform on [0, 1]. A small
 * a_i makes input i important, a large one (99) nearly irrelevant; the indices are known in
 * closed form (`sobolGIndices`). No randomness: the seed is ignored, the outcome computed at setup.
 */
import { z } from "zod";
import type { ModelDefinition, ModelRun } from "../../core/model.js";
import { sobolGCatalogue } from "./catalogue.js";
import { staticRun } from "./static-run.js";

/** The usual six-input benchmark: two important inputs, two moderate, two negligible. */
const DEFAULT_A = [0, 1, 4.5, 9, 99, 99];

/** Parameters of the G function: the importance constants a_i and the inputs x_i (same length). */
export const sobolGParams = z.strictObject({
  a: z
    .array(z.number().min(0))
    .min(1)
    .max(64)
    .default(DEFAULT_A)
    .describe("importance constant a_i ≥ 0 per input (small = important)"),
  x: z
    .array(z.number().min(0).max(1))
    .min(1)
    .max(64)
    .default(DEFAULT_A.map(() => 0.5))
    .describe("inputs x_i in [0, 1], one per a_i (sample them with study factors params.x.0, …)"),
});

/** Parsed G-function parameters. */
export type SobolGParams = z.output<typeof sobolGParams>;

/** y = Π (|4x_i − 2| + a_i) / (1 + a_i) over the inputs. */
export function sobolG(x: ArrayLike<number>, a: ArrayLike<number>): number {
  let y = 1;
  for (let i = 0; i < a.length; i++) y *= (Math.abs(4 * x[i]! - 2) + a[i]!) / (1 + a[i]!);
  return y;
}

/** Exact first-order (S1) and total (ST) indices of each input for constants a. */
export function sobolGIndices(a: readonly number[]): { s1: number[]; st: number[]; variance: number } {
  // Partial variance of input i alone: V_i = 1 / (3·(1 + a_i)²); the total variance is Π(1 + V_i) − 1.
  const vi = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
  const product = vi.reduce((p, v) => p * (1 + v), 1);
  const variance = product - 1;
  return {
    s1: vi.map((v) => v / variance),
    st: vi.map((v) => (v * (product / (1 + v))) / variance),
    variance,
  };
}

/** The registered G test function. */
export const sobolGModel: ModelDefinition<SobolGParams> = {
  name: "sobol-g",
  summary: "Sobol's G test function (known Sobol indices; for checking sensitivity analysis)",
  params: sobolGParams,
  defaultTicks: 0,
  usesMap: false,
  outcomes: sobolGCatalogue,
  check(p) {
    return p.x.length === p.a.length
      ? []
      : [{ path: ["x"], message: `must have one input per constant in a (${p.a.length})` }];
  },
  setup(p): ModelRun {
    return staticRun({ y: sobolG(p.x, p.a) });
  },
};
