/**
 * Parameters of the citizen layer (Epstein 2002, "Modeling civil violence", Model I), shared by
 * the `rebellion` validation model and the nexus model. Defaults are NetLogo Rebellion's
 * (Wilensky 2004), which are Epstein's k and T; docs/model.md gives each one's source.
 */
import { z } from "zod";
import { VISION_SHAPES } from "./vision.js";

/** How the cop-to-active ratio enters the arrest probability. */
export const ARREST_RATIOS = ["floor", "exact"] as const;

/** Citizen-layer parameters with NetLogo Rebellion defaults. */
export const populationParams = z.strictObject({
  k: z
    .number()
    .positive()
    .max(100)
    .default(2.3)
    .describe("arrest constant k in P = 1 − exp(−k·⌊C/A⌋) (Epstein 2002: P ≈ 0.9 when C = A = 1)"),
  threshold: z
    .number()
    .min(0)
    .max(1)
    .default(0.1)
    .describe("T: a citizen is active iff grievance − risk aversion × P > T"),
  vision: z.int().min(1).max(50).default(7).describe("vision radius in cells, for citizens and cops"),
  visionShape: z
    .enum(VISION_SHAPES)
    .default("disk")
    .describe(
      "disk = NetLogo's in-radius (Euclidean); lateral = Epstein's four lattice directions; von-neumann; moore",
    ),
  arrestRatio: z
    .enum(ARREST_RATIOS)
    .default("floor")
    .describe("floor (NetLogo Rebellion: ⌊C/A⌋, needed for bursts) or exact (Epstein's paper: C/A)"),
  maxJail: z
    .int()
    .min(1)
    .max(100_000)
    .default(30)
    .describe("longest jail term in ticks; a term is uniform on 1..maxJail ticks off the grid"),
  movement: z
    .boolean()
    .default(true)
    .describe("whether free citizens move to a random free cell in vision each tick"),
  peoplePerAgent: z
    .number()
    .positive()
    .max(1e9)
    .default(1)
    .describe("people one citizen agent stands for (scales people counts, not the dynamics)"),
});

/** Parsed citizen-layer parameters. */
export type PopulationParams = z.output<typeof populationParams>;

/** The NetLogo Rebellion defaults as one constant. */
export const POPULATION_DEFAULTS: PopulationParams = populationParams.parse({});
