/**
 * Parameters of the drug-route economy (`model: economy`): organisations, state security per
 * country, detection, trafficker learning, market and transport overrides, closed crossings and
 * reinforcements. Every default is stated with its source or as an assumption in docs/model.md.
 */
import { z } from "zod";
import { WORLD_NAMES } from "../../worlds/resolve.js";
import { marketParams } from "./market.js";
import { shiftParams } from "./shifts.js";
import { traffickerParams } from "./trafficker-params.js";
import { TRANSPORT_DEFAULTS, type TransportParams } from "./transport.js";

const share = z.number().min(0).max(1);

/** Security agencies, in code order (a unit's `agency` column is an index into this list). */
export const AGENCIES = ["border", "police", "drugs", "military"] as const;
/** An agency name. */
export type Agency = (typeof AGENCIES)[number];

/** Countries of the corridor world that field security units (Afghanistan's state is absent there). */
export const SECURITY_COUNTRIES = ["TJ", "UZ", "KG", "KZ", "RU", "CN"] as const;

/** Producing provinces of the corridor world, where organisations buy. */
export const PRODUCERS = ["Kunduz", "Takhar", "Badakhshan"] as const;

/**
 * Detection hazard of each agency's unit relative to a border guard at an official post (drug
 * agency twice, military half: assumption). A unit's hazard is this × −ln(1 − detection.officialBase)
 * unless the agency sets its own `effectiveness`.
 */
export const AGENCY_HAZARD_FACTOR: Readonly<Record<Agency, number>> = Object.freeze({
  border: 1,
  police: 1,
  drugs: 2,
  military: 0.5,
});

/** Hazard per unit strength of one `agency` unit on a fully exposed cell, per passage. */
export function agencyHazard(p: Pick<EconomyParams, "agencies" | "detection">, agency: Agency): number {
  const own = p.agencies[agency].effectiveness;
  if (own !== undefined) return own;
  // A base of 1 would make the hazard infinite (and hazard × exposure 0 NaN): stop just short.
  return AGENCY_HAZARD_FACTOR[agency] * -Math.log(1 - Math.min(p.detection.officialBase, 1 - 1e-9));
}

const agency = (d: { corruptionFactor: number; patrolRadius: number; patrol: number }) =>
  z
    .strictObject({
      effectiveness: z
        .number()
        .min(0)
        .optional()
        .describe(
          "detection hazard per unit strength on a fully exposed cell (an official post), per passage (absent: the agency's factor × −ln(1 − detection.officialBase))",
        ),
      corruptionFactor: share
        .default(d.corruptionFactor)
        .describe("multiplies the country's corruption to give the unit's bribe chance"),
      patrolRadius: z
        .int()
        .min(0)
        .max(50)
        .default(d.patrolRadius)
        .describe("cells a patrol may go from its station"),
      patrol: share.default(d.patrol).describe("chance a unit patrols on a day (else it holds its station)"),
    })
    .default(d);

const country = (units: number, border: number, corridor: number, capital: number, strength = 1) =>
  z
    .strictObject({
      units: z.int().min(0).max(100_000).default(units).describe("security units the country fields"),
      doctrine: z
        .strictObject({
          border: share.default(border).describe("share of units at border crossings"),
          corridor: share.default(corridor).describe("share of units on roads (trafficking corridors)"),
          capital: share.default(capital).describe("share of units around the capital"),
        })
        .default({ border, corridor, capital })
        .describe("where units are stationed (shares are normalised)"),
      militaryShareOfBorder: share
        .default(0)
        .describe("share of border units that are military, not border guards"),
      strength: z
        .number()
        .positive()
        .default(strength)
        .describe("strength of each unit (multiplies its detection hazard)"),
      corruption: share
        .optional()
        .describe("overrides the province table's corruption for every unit of the country"),
    })
    .default({ units, doctrine: { border, corridor, capital }, militaryShareOfBorder: 0, strength });

const organisation = z.strictObject({
  name: z.string().min(1).describe("organisation name"),
  home: z
    .string()
    .min(1)
    .describe("producing province where it buys and launches shipments (a province of the world)"),
  capitalUsd: z.number().min(0).describe("starting capital, USD"),
  riskTolerance: share.describe(
    "share of the value it sends it may lose (seizures + bribes) before re-planning early",
  ),
  lotKg: z.number().positive().describe("kg per shipment"),
});

/**
 * The default organisations of a world: two per producing province (in the province table's
 * order), one cautious and one bold, each with 1.25 M USD and 20 kg lots (see docs/model.md). On
 * the corridor world that is six, in Kunduz, Takhar and Badakhshan.
 */
export function defaultOrganisations(producers: readonly string[]): z.input<typeof organisation>[] {
  return producers.flatMap((home) => [
    { name: `${home} cautious`, home, capitalUsd: 1_250_000, riskTolerance: 0.05, lotKg: 20 },
    { name: `${home} bold`, home, capitalUsd: 1_250_000, riskTolerance: 0.2, lotKg: 20 },
  ]);
}

const reinforcement = z.strictObject({
  crossing: z.string().optional().describe("legend character or name of the crossing to reinforce"),
  at: z
    .tuple([z.int().min(0), z.int().min(0)])
    .optional()
    .describe("or a cell (x, y) to reinforce"),
  agency: z.enum(AGENCIES).default("drugs").describe("agency of the added units"),
  units: z.int().min(1).max(100_000).describe("units added at each cell"),
  fromDay: z.int().min(0).default(0).describe("first day the units are active"),
});

/** Parameters of the economy model. */
export const economyParams = z.strictObject({
  world: z
    .enum(WORLD_NAMES)
    .default("corridor")
    .describe("world to run on: the stylised corridor world (40 × 30) or the Central Asia map (80 × 48)"),
  organisations: z
    .array(organisation)
    .max(1000)
    .default([])
    .describe("trafficking organisations (none given: two per producing province of the world)"),
  traffickers: traffickerParams,
  security: z
    .strictObject({
      TJ: country(16, 0.7, 0.2, 0.1),
      UZ: country(10, 0.5, 0.3, 0.2, 1.75),
      KG: country(8, 0.5, 0.3, 0.2),
      KZ: country(10, 0.5, 0.3, 0.2),
      RU: country(8, 0.5, 0.3, 0.2),
      CN: country(4, 0.5, 0.3, 0.2),
    })
    .prefault({})
    .describe("units and doctrine per country"),
  agencies: z
    .strictObject({
      border: agency({ corruptionFactor: 1, patrolRadius: 1, patrol: 0.2 }),
      police: agency({ corruptionFactor: 1, patrolRadius: 2, patrol: 0.5 }),
      drugs: agency({ corruptionFactor: 0.5, patrolRadius: 3, patrol: 0.5 }),
      military: agency({ corruptionFactor: 0.8, patrolRadius: 2, patrol: 0.3 }),
    })
    .prefault({})
    .describe("detection, corruption and patrol per agency"),
  detection: z
    .strictObject({
      officialBase: share
        .default(TRANSPORT_DEFAULTS.official.detectionBase)
        .describe(
          "chance one border guard at an official post detects a passing load (traffickers' prior too)",
        ),
      informalBase: share
        .default(TRANSPORT_DEFAULTS.informal.detectionBase)
        .describe("traffickers' prior detection chance at an informal crossing"),
      exposureInformal: share
        .default(1 / 3)
        .describe("exposure of an informal crossing relative to an official post"),
      exposureRoad: share.default(1 / 3).describe("exposure of a road cell relative to an official post"),
      exposureOffRoad: share
        .default(1 / 9)
        .describe("exposure of an off-road cell relative to an official post"),
      concealment: share.default(0.5).describe("share of exposure lost at ruggedness 1"),
      collusionLevel: share
        .default(0.9)
        .describe("corruption at and above which a unit shields every load (collusion)"),
    })
    .prefault({}),
  market: marketParams,
  transport: z
    .strictObject({
      baseUsdPerKgCell: z
        .number()
        .positive()
        .default(TRANSPORT_DEFAULTS.baseUsdPerKgCell)
        .describe("USD/kg per flat cell"),
      terrainFactor: z
        .number()
        .min(0)
        .default(TRANSPORT_DEFAULTS.terrainFactor)
        .describe("cost × (1 + f × ruggedness)"),
      roadFactor: z
        .number()
        .positive()
        .max(1)
        .default(TRANSPORT_DEFAULTS.roadFactor)
        .describe("cost multiplier on roads"),
      roadSpeedCellsPerDay: z
        .number()
        .positive()
        .default(TRANSPORT_DEFAULTS.roadSpeedCellsPerDay)
        .describe("cells/day"),
      offRoadSpeedCellsPerDay: z
        .number()
        .positive()
        .default(TRANSPORT_DEFAULTS.offRoadSpeedCellsPerDay)
        .describe("cells/day"),
      terrainSlowdown: z
        .number()
        .min(0)
        .max(0.99)
        .default(TRANSPORT_DEFAULTS.terrainSlowdown)
        .describe("speed loss"),
      officialSpeedCellsPerDay: z.number().positive().default(6).describe("speed through an official post"),
      informalSpeedCellsPerDay: z
        .number()
        .positive()
        .default(0.25)
        .describe("speed through an informal crossing"),
    })
    .prefault({}),
  closedCrossings: z
    .array(
      z.strictObject({
        crossing: z.string().describe("legend character or name of the crossing"),
        fromDay: z.int().min(0).default(0).describe("day the crossing closes"),
      }),
    )
    .default([])
    .describe("official or informal crossings closed to all traffic"),
  reinforcements: z.array(reinforcement).default([]).describe("extra units at crossings or cells"),
  warmUpDays: z
    .int()
    .min(0)
    .default(60)
    .describe("days left out of mean prices while the first loads are still on the way"),
  corridorShare: share
    .default(0.05)
    .describe("a crossing is a corridor in use if it carries ≥ this share of flow"),
  shifts: shiftParams,
});

/** Parsed economy parameters (defaults filled). */
export type EconomyParams = z.output<typeof economyParams>;
/** One country's security parameters. */
export type CountrySecurity = EconomyParams["security"]["TJ"];

/** The organisations a run uses: the scenario's, or the world's defaults when it gives none. */
export function organisationsOf(
  p: EconomyParams,
  producers: readonly string[],
): EconomyParams["organisations"] {
  return p.organisations.length > 0 ? p.organisations : defaultOrganisations(producers);
}

/** Transport parameters from the economy's overrides. */
export function transportOf(p: EconomyParams): TransportParams {
  const t = p.transport;
  return {
    cellKm: 50,
    baseUsdPerKgCell: t.baseUsdPerKgCell,
    terrainFactor: t.terrainFactor,
    roadFactor: t.roadFactor,
    roadSpeedCellsPerDay: t.roadSpeedCellsPerDay,
    offRoadSpeedCellsPerDay: t.offRoadSpeedCellsPerDay,
    terrainSlowdown: t.terrainSlowdown,
    official: { speedCellsPerDay: t.officialSpeedCellsPerDay, detectionBase: p.detection.officialBase },
    informal: { speedCellsPerDay: t.informalSpeedCellsPerDay, detectionBase: p.detection.informalBase },
  };
}
