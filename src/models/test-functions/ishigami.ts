/**
 * The Ishigami function (Ishigami & Homma 1990), the standard check of variance-based sensitivity
 * estimators: y = sin x1 + a·sin² x2 + b·x3⁴·sin x1 with x1, x2, x3 uniform on [−π, π]. Its Sobol
 * indices are known in closed form (Sobol' & Levitan 1999; see `ishigamiIndices`), so a study
 * sampling x1..x3 checks `pamir sensitivity` against exact answers. No randomness: the seed is
 * ignored and the outcome is computed at setup.
 */
import { z } from "zod";
import type { ModelDefinition, ModelRun } from "../../core/model.js";
import { ishigamiCatalogue } from "./catalogue.js";
import { staticRun } from "./static-run.js";

const factor = (name: string) =>
  z
    .number()
    .min(-Math.PI)
    .max(Math.PI)
    .default(0)
    .describe(`input ${name} in [−π, π] (sample it with a study factor)`);

/** Parameters of the Ishigami function: its constants a, b and the three inputs. */
export const ishigamiParams = z.strictObject({
  a: z.number().default(7).describe("weight of sin² x2 (7 in the usual benchmark)"),
  b: z.number().default(0.1).describe("weight of x3⁴·sin x1 (0.1 in the usual benchmark)"),
  x1: factor("x1"),
  x2: factor("x2"),
  x3: factor("x3"),
});

/** Parsed Ishigami parameters. */
export type IshigamiParams = z.output<typeof ishigamiParams>;

/** y = sin x1 + a·sin² x2 + b·x3⁴·sin x1. */
export function ishigami(x1: number, x2: number, x3: number, a: number, b: number): number {
  const s2 = Math.sin(x2);
  return Math.sin(x1) + a * s2 * s2 + b * x3 ** 4 * Math.sin(x1);
}

/** Exact first-order (S1) and total (ST) indices of x1, x2, x3 for constants a, b. */
export function ishigamiIndices(a: number, b: number): { s1: number[]; st: number[]; variance: number } {
  const pi4 = Math.PI ** 4;
  const pi8 = pi4 * pi4;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = (a * a) / 8;
  const v13 = (8 * b * b * pi8) / 225;
  // V = V1 + V2 + V13 = a²/8 + b·π⁴/5 + b²·π⁸/18 + 1/2; x3 acts only through its interaction with x1.
  const variance = v1 + v2 + v13;
  return {
    s1: [v1 / variance, v2 / variance, 0],
    st: [(v1 + v13) / variance, v2 / variance, v13 / variance],
    variance,
  };
}

/** The registered Ishigami test function. */
export const ishigamiModel: ModelDefinition<IshigamiParams> = {
  name: "ishigami",
  summary: "Ishigami test function (known Sobol indices; for checking sensitivity analysis)",
  params: ishigamiParams,
  defaultTicks: 0,
  usesMap: false,
  outcomes: ishigamiCatalogue,
  // Switches with known answers, to check `pamir audit`: x3 acts only through x1, so it is dead where x1 = 0.
  switches: [
    {
      path: "x1",
      kind: "range",
      low: 0,
      high: Math.PI / 2,
      claim: "y rises with sin x1 (x1's first-order effect).",
    },
    {
      path: "x3",
      kind: "range",
      low: 0,
      high: Math.PI,
      claim: "x3 acts only through its interaction with x1 (b·x3⁴·sin x1): it moves y only where x1 ≠ 0.",
    },
  ],
  setup(p): ModelRun {
    return staticRun({ y: ishigami(p.x1, p.x2, p.x3, p.a, p.b) });
  },
};
