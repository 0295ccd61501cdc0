/**
 * Parameters of the `nexus` model: the drug-route economy's (models/economy/params.ts), the armed side's
 * (models/nexus/armed/params.ts: bands, alliance, clashes, attribution), the population the bands recruit from
 * (Epstein citizens, models/population/params.ts, with nexus defaults for a 50 km cell) and the
 * legitimacy rule (models/population/legitimacy.ts), plus the few rules that join them. docs/model.md, "The nexus
 * run", gives each default's source.
 */
import { z } from "zod";
import { economyParams } from "../economy/params.js";
import { legitimacyParams } from "../population/legitimacy.js";
import { populationParams } from "../population/params.js";
import { POSTURE_CHOICES } from "./alliance/forces.js";
import { armedParams } from "./armed/params.js";
import { officialsParams } from "./officials/params.js";

const share = z.number().min(0).max(1);

/** The citizen layer inside the nexus model: Epstein's rules, defaults scaled to 50 km cells. */
export const nexusPopulation = populationParams
  .extend({
    vision: z
      .int()
      .min(1)
      .max(50)
      .default(3)
      .describe("vision radius in cells (50 km each): citizens and units see about 150 km"),
    peoplePerAgent: z
      .number()
      .positive()
      .max(1e9)
      .default(100)
      .describe("people one citizen agent stands for: actives × this is the recruitment pool"),
    density: share.default(0.5).describe("share of passable cells holding a citizen agent at the start"),
    arrestChance: share
      .default(0.1)
      .describe(
        "chance a state unit arrests one active citizen in its vision on a day (Epstein's rule C, each tick; units here also guard posts and roads)",
      ),
  })
  .prefault({});

/** The legitimacy rule with nexus defaults: one day a step, a citizen agent for a hundred people. */
export const nexusLegitimacy = legitimacyParams
  .extend({
    repressionRate: z
      .number()
      .min(0)
      .max(1000)
      .default(0.3)
      .describe("ρ: log-share of L lost per unit share of the province's citizens arrested in a day"),
    recoveryRate: z
      .number()
      .min(0)
      .max(10)
      .default(0.05)
      .describe(
        "γ: recovery hazard per day at state capacity 1 (Tajikistan, capacity 0.16: ~4-month time constant)",
      ),
  })
  .prefault({});

/** Parameters of the nexus model (defaults filled by the schema). */
export const nexusModelParams = economyParams.extend({
  ...armedParams.shape,
  posture: z
    .enum(["per-force", ...POSTURE_CHOICES])
    .default("per-force")
    .describe("the alliance posture: gives every force this posture (per-force keeps each force's own)"),
  population: nexusPopulation,
  legitimacy: nexusLegitimacy,
  officials: officialsParams,
  flowMemoryDays: z
    .number()
    .positive()
    .max(1000)
    .default(30)
    .describe("time constant of the heroin flow per cell that bands and route-control read, days"),
  mainRouteShare: share
    .default(0.1)
    .describe(
      "a cell is on a main route if it carried ≥ this share of all heroin sent (≈ one corridor's share: the baseline uses eight)",
    ),
  influenceFighters: z
    .int()
    .min(1)
    .max(100_000)
    .default(50)
    .describe(
      "fighters present in a province (or any tax cell held) that make a day one under insurgent influence",
    ),
});

/** Parsed nexus-model parameters. */
export type NexusModelParams = z.output<typeof nexusModelParams>;

/**
 * The parameters with the scenario-wide switches applied: every band's criminal share
 * (`threat.criminalShare`), every force's posture.
 */
export function applySwitches(p: NexusModelParams): NexusModelParams {
  const motive = p.threat.criminalShare;
  const posture = p.posture;
  return {
    ...p,
    bands: motive === undefined ? p.bands : p.bands.map((b) => ({ ...b, motive })),
    alliance:
      posture === "per-force"
        ? p.alliance
        : { ...p.alliance, forces: p.alliance.forces.map((f) => ({ ...f, posture })) },
  };
}
