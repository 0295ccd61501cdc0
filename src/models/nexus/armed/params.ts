/**
 * Parameters of insurgent bands, motives, alliance forces, clashes and attribution (the nexus
 * model's armed side; the economy's parameters live in models/economy/params.ts). Every default is
 * stated with its source or as an assumption in docs/model.md, "Insurgents, alliance forces,
 * clashes and attribution".
 */
import { z } from "zod";
import { allianceParams } from "../alliance/params.js";
import { GROUPS } from "../bands/store.js";
import { ACTIONS, type Action, MOTIVE_PRESET_NAMES } from "../motives.js";

const share = z.number().min(0).max(1);
const weight = (what: string) => z.number().min(0).max(100).describe(what);

/** Custom motive weights. */
export const motiveWeights = z.strictObject({
  stateTargets: weight("ideology: value of attacking state targets"),
  crossBorder: weight("ideology: value of symbolic targets across a border"),
  tax: weight("profit: value of taxing drug flows"),
  escort: weight("profit: value of escort fees"),
  holdCrossings: weight("profit: value of holding a border crossing"),
});

const band = z.strictObject({
  group: z.enum(GROUPS).describe("group label"),
  home: z.string().min(1).describe("home province (a province of the world); the band starts at its centre"),
  motive: z
    .union([z.enum(MOTIVE_PRESET_NAMES), share, motiveWeights])
    .default("mixed")
    .describe(
      "criminal share in [0, 1] on the crime–terror continuum, a preset (ideological 0, mixed 0.5, criminal 1) or custom weights",
    ),
  fighters: z.int().min(1).max(100_000).describe("fighters at the start"),
  cashUsd: z.number().min(0).default(50_000).describe("cash at the start, USD"),
  weapons: z.int().min(0).optional().describe("weapons at the start (default: one per fighter)"),
});

/** The Taliban's motive (custom): fights the Afghan state and taxes, no interest in crossing north. */
export const TALIBAN_MOTIVE = { stateTargets: 0.8, crossBorder: 0, tax: 1, escort: 0.6, holdCrossings: 0.6 };

/** Default bands of the corridor world (sizes from targets.md §3; see docs/model.md). */
export const DEFAULT_BANDS = [
  { group: "IMU", home: "Kunduz", motive: "mixed", fighters: 300, cashUsd: 30_000 },
  { group: "Taliban", home: "Takhar", motive: TALIBAN_MOTIVE, fighters: 500, cashUsd: 50_000 },
  { group: "Taliban", home: "Badakhshan", motive: TALIBAN_MOTIVE, fighters: 500, cashUsd: 50_000 },
  { group: "Jamaat Ansarullah", home: "Badakhshan", motive: "ideological", fighters: 150, cashUsd: 20_000 },
  { group: "warlord militia", home: "GBAO", motive: "criminal", fighters: 200, cashUsd: 50_000 },
  { group: "Jund al-Khilafah", home: "Kazakhstan", motive: "mixed", fighters: 30, cashUsd: 10_000 },
] as const;

const num = (d: number, what: string) => z.number().min(0).default(d).describe(what);
const pos = (d: number, what: string) => z.number().positive().default(d).describe(what);
const days = (d: number, what: string) => z.int().min(1).max(100_000).default(d).describe(what);

const bandRules = z
  .strictObject({
    temperature: pos(0.5, "softmax temperature of the daily choice, utility units"),
    taxUsdPerKg: num(200, "tax levied on each kg passing a held cell, USD/kg"),
    taxRadius: z.int().min(0).max(50).default(6).describe("cells searched around a band for a cell to tax"),
    tradeAbroad: z
      .boolean()
      .default(false)
      .describe(
        "whether a band may tax or escort the trade outside its home country (false: it works the trade only on ground it holds)",
      ),
    wageUsdPerFighterDay: num(3.3, "upkeep per fighter, USD/day (a Nazarzoda cell member: $100 a month)"),
    sponsorUsdPerFighterDay: num(
      3.3,
      "non-drug funding (sponsors, diaspora, extortion) per fighter, USD/day, × the band's ideological share (1 − criminal share)",
    ),
    recruitRate: share.default(0.05).describe("share of the local actives joining on a recruiting day"),
    recruitCostUsd: pos(500, "cost of one recruit (bonus and weapon), USD"),
    desertionRate: share.default(0.05).describe("share of fighters leaving per day of wholly unpaid upkeep"),
    speedCellsPerDay: pos(1, "movement on flat ground, cells/day"),
    terrainSlowdown: z.number().min(0).max(0.99).default(0.5).describe("share of speed lost at ruggedness 1"),
    taxDays: days(30, "days a band holds a tax cell before choosing again"),
    escortDays: days(30, "days of an escort contract"),
    hideDays: days(7, "days a band stays hidden"),
    incursionPrepDays: days(
      365,
      "days a band prepares a cross-border incursion after its last operation: a campaign a fighting season (Batken 1999, 2000)",
    ),
    operationPrepDays: days(
      180,
      "days a band prepares between two operations (a strike or an incursion): planning, reconnaissance, arms, people",
    ),
    maxTravelDays: days(60, "days a band travels toward a target before giving up"),
    escortFeeUsdPerKg: num(100, "escort fee an organisation offers per kg/day it ships, USD/kg"),
    scales: z
      .strictObject({
        ideologyScale: num(3, "utility of a target of value 1 at weight 1"),
        distanceCost: num(0.05, "utility lost per cell to the target"),
        riskCost: num(2, "utility lost per hostile soldier per own fighter on the way or at the target"),
        foreignPenalty: num(1.5, "utility lost by a profit action whose target is outside the home country"),
        recruitWeight: num(1, "weight of recruiting: × ln(1 + 10 × expected recruits / fighters)"),
        hideWeight: num(1, "weight of hiding: × cover × threat"),
        reserveDays: num(30, "days of upkeep a band wants in hand before money stops weighing extra"),
        needWeight: num(1, "money motives × (1 + this) when a band's cash is gone"),
        moneyFloorUsd: pos(
          100,
          "floor of the money scale, USD/day: money utility is ln(1 + USD/day ÷ max(upkeep, this))",
        ),
      })
      .prefault({}),
    utilities: z
      .strictObject(
        Object.fromEntries(
          ACTIONS.map((a) => [
            a,
            z
              .string()
              .min(1)
              .optional()
              .describe(`formula replacing the default utility of ${a} (inputs: UTILITY_INPUTS)`),
          ]),
        ) as Record<Action, z.ZodOptional<z.ZodString>>,
      )
      .prefault({})
      .describe("formulas over the named utility inputs that replace default utilities"),
    targets: z
      .strictObject({
        city: share.default(1).describe("value of striking a city"),
        post: share.default(0.5).describe("value of striking an official border post"),
        centre: share.default(0.5).describe("value of striking a provincial centre"),
      })
      .prefault({}),
  })
  .prefault({});

const clashes = z
  .strictObject({
    killRate: pos(0.02, "expected enemy casualties per fighter per round at quality 1 on open ground"),
    rounds: days(6, "rounds of one engagement at most"),
    breakpoint: share.default(0.25).describe("share of starting strength lost at which a side breaks off"),
    terrainDefence: num(0.5, "defender bonus: attacker kill rate ÷ (1 + this × ruggedness)"),
    surprise: z.number().min(1).default(2).describe("attacker's first-round multiplier with surprise"),
    surpriseChance: share.default(0.5).describe("chance a band's strike has surprise"),
    encounterRatePer100: num(
      0.05,
      "encounter hazard per 100 hostile personnel near a band, per day, on routine duty (no search operation)",
    ),
    huntFactor: z
      .number()
      .min(1)
      .default(10)
      .describe("encounter hazard × this in a province under a crackdown's search operation"),
    hideCover: share
      .default(0.8)
      .describe("share of the encounter chance removed when hidden at ruggedness 1"),
    personnelPerUnit: pos(20, "personnel per unit of security-unit strength"),
    stateQuality: pos(1, "quality of state security personnel"),
    bandQuality: pos(0.8, "quality of a fully armed band"),
    strikeCasualties: num(3, "mean victims of an undefended strike"),
    detachment: z
      .int()
      .min(1)
      .max(100_000)
      .default(10)
      .describe(
        "fighters and personnel engaged per side in a skirmish, strike or escort fight at most (a patrol or a load's armed guard)",
      ),
  })
  .prefault({});

const attribution = z
  .strictObject({
    bias: share.default(0.6).describe("political bias: how far a wrong guess leans to 'terrorist'"),
    stateSkill: share.default(0.5).describe("classification skill of state security"),
    crackdownChance: share.default(0.5).describe("chance an event labelled terrorist brings a crackdown"),
    crackdownDays: days(30, "days a crackdown's search operation runs in the province of the event"),
    grievancePeople: num(
      200,
      "people a misattributed crackdown radicalises in its province: they join the bands' recruitment pool",
    ),
    grievanceMemoryDays: pos(90, "time constant of that grievance, days"),
  })
  .prefault({});

const threat = z
  .strictObject({
    criminalShare: share
      .optional()
      .describe(
        "the motive hypothesis as a point on the crime–terror continuum: every band's criminal share (0 ideological, 1 criminal); omitted: each band's own motive",
      ),
    drift: share
      .default(0)
      .describe("motive drift per day toward the drug share of a band's income (0: motives fixed)"),
    incomeMemoryDays: pos(90, "time constant of the income a band's drift reads, days"),
    lossWeight: num(
      20,
      "drift toward crime under losses: target + (1 − target) × min(1, this × recent fighters lost ÷ fighters)",
    ),
    repressionWeight: num(
      0.25,
      "drift toward ideology under misattributed crackdowns on the band: target × (1 − min(1, this × recent ones))",
    ),
  })
  .prefault({});

/** Parameters of the nexus model's armed side. */
export const armedParams = z.strictObject({
  threat,
  bands: z
    .array(band)
    .max(10_000)
    .default(DEFAULT_BANDS.map((b) => ({ ...b })))
    .describe("insurgent bands"),
  bandRules,
  alliance: allianceParams,
  clashes,
  attribution,
});

/** Parsed nexus parameters (defaults filled). */
export type ArmedParams = z.output<typeof armedParams>;
/** One band's parameters. */
export type BandParams = ArmedParams["bands"][number];
/** One force's parameters. */
export type ForceParams = ArmedParams["alliance"]["forces"][number];
