/**
 * Parameters of insurgent bands, motives, alliance forces, clashes and attribution (the nexus
 * model's armed side; the economy's parameters live in models/economy/params.ts). Every default is
 * stated with its source or as an assumption in docs/model.md, "Insurgents, alliance forces,
 * clashes and attribution".
 */
import { z } from "zod";
import { POSTURES } from "../alliance/forces.js";
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
    .union([z.enum(MOTIVE_PRESET_NAMES), motiveWeights])
    .default("mixed")
    .describe("motive preset or custom weights"),
  fighters: z.int().min(1).max(100_000).describe("fighters at the start"),
  cashUsd: z.number().min(0).default(50_000).describe("cash at the start, USD"),
  weapons: z.int().min(0).optional().describe("weapons at the start (default: one per fighter)"),
});

/** The Taliban's motive (custom): fights the Afghan state and taxes, no interest in crossing north. */
export const TALIBAN_MOTIVE = { stateTargets: 0.8, crossBorder: 0, tax: 1, escort: 0.6, holdCrossings: 0.6 };

/** Default bands of the corridor world (sizes are assumptions; see docs/model.md). */
export const DEFAULT_BANDS = [
  { group: "IMU", home: "Takhar", motive: "mixed", fighters: 300, cashUsd: 50_000 },
  { group: "Taliban", home: "Kunduz", motive: TALIBAN_MOTIVE, fighters: 500, cashUsd: 100_000 },
  { group: "Taliban", home: "Badakhshan", motive: TALIBAN_MOTIVE, fighters: 400, cashUsd: 100_000 },
  { group: "ISIS-K", home: "Badakhshan", motive: "ideological", fighters: 100, cashUsd: 50_000 },
  { group: "warlord militia", home: "GBAO", motive: "criminal", fighters: 200, cashUsd: 50_000 },
  { group: "Jund al-Khilafah", home: "Kazakhstan", motive: "mixed", fighters: 30, cashUsd: 20_000 },
] as const;

const num = (d: number, what: string) => z.number().min(0).default(d).describe(what);
const pos = (d: number, what: string) => z.number().positive().default(d).describe(what);
const days = (d: number, what: string) => z.int().min(1).max(100_000).default(d).describe(what);

const bandRules = z
  .strictObject({
    temperature: pos(0.5, "softmax temperature of the daily choice, utility units"),
    taxUsdPerKg: num(200, "tax levied on each kg passing a held cell, USD/kg"),
    taxRadius: z.int().min(0).max(50).default(6).describe("cells searched around a band for a cell to tax"),
    wageUsdPerFighterDay: num(5, "upkeep per fighter, USD/day"),
    recruitRate: share.default(0.05).describe("share of the local actives joining on a recruiting day"),
    recruitCostUsd: pos(500, "cost of one recruit (bonus and weapon), USD"),
    desertionRate: share.default(0.05).describe("share of fighters leaving per day of wholly unpaid upkeep"),
    speedCellsPerDay: pos(1, "movement on flat ground, cells/day"),
    terrainSlowdown: z.number().min(0).max(0.99).default(0.5).describe("share of speed lost at ruggedness 1"),
    taxDays: days(30, "days a band holds a tax cell before choosing again"),
    escortDays: days(30, "days of an escort contract"),
    hideDays: days(7, "days a band stays hidden"),
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
        needWeight: num(1, "weight added to the money motives when a band's cash is gone"),
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

const force = z
  .strictObject({
    name: z.string().min(1).describe("force name"),
    troops: z.int().min(0).max(1_000_000).describe("nominal troops"),
    readiness: share.describe("share of nominal troops formed into deployable contingents"),
    contingentSize: z.int().min(1).max(100_000).default(250).describe("troops per contingent"),
    mobilityCellsPerDay: pos(5, "cells a contingent covers per day of transit"),
    troopDayBudget: z.number().min(0).describe("troop-days the force may spend in a run"),
    members: z.array(z.string().min(1)).describe("member country codes: the only countries it may enter"),
    base: z.string().min(1).describe("province whose centre contingents set out from"),
    posture: z
      .union([
        z.enum(POSTURES),
        z
          .strictObject({
            drill: share.describe("share on incursion-drill"),
            route: share.describe("share on route-control"),
          })
          .refine((m) => m.drill + m.route > 0, { message: "drill and route shares must not both be 0" }),
      ])
      .default("incursion-drill")
      .describe("posture, or a custom mix of shares (normalised)"),
    skill: share.describe("classification skill: chance an armed group met is labelled correctly"),
    quality: pos(1, "force quality in clashes (state security = 1)"),
    invitations: z
      .array(
        z.strictObject({
          country: z.string().min(1).describe("inviting country code"),
          fromDay: z.int().min(0).default(0).describe("first day of the invitation"),
          toDay: z.int().min(0).default(1_000_000).describe("last day of the invitation"),
        }),
      )
      .default([])
      .describe("invitations from member countries"),
  })
  .describe("an alliance force");

/** CSTO Collective Rapid-Response Force and SCO RATS contingents, c. 2016 (see docs/model.md). */
export const DEFAULT_FORCES = [
  {
    name: "CSTO CRRF",
    troops: 20_000,
    readiness: 0.1,
    contingentSize: 250,
    mobilityCellsPerDay: 10,
    troopDayBudget: 300_000,
    members: ["RU", "KZ", "KG", "TJ"],
    base: "Dushanbe",
    posture: "incursion-drill" as const,
    skill: 0.4,
    quality: 1.5,
    invitations: [{ country: "TJ", fromDay: 0, toDay: 1_000_000 }],
  },
  {
    name: "SCO RATS",
    troops: 10_000,
    readiness: 0.1,
    contingentSize: 250,
    mobilityCellsPerDay: 5,
    troopDayBudget: 150_000,
    members: ["CN", "RU", "KZ", "KG", "TJ", "UZ"],
    base: "Uzbekistan",
    posture: "incursion-drill" as const,
    skill: 0.3,
    quality: 1.2,
    invitations: [],
  },
];

const alliance = z
  .strictObject({
    forces: z.array(force).max(8).default(DEFAULT_FORCES).describe("alliance forces (at most 8)"),
    coordination: share.default(0).describe("CSTO–SCO coordination: 0 planned in isolation, 1 deconflicted"),
    activationThreshold: num(5, "incident severity at which a member may be entered without invitation"),
    severityMemoryDays: pos(30, "time constant of incident severity, days"),
    incursionSeverityPer100: num(1, "severity added per 100 fighters crossing into a country"),
    replanDays: days(30, "days between routine re-plans of positions"),
    horizonDays: days(360, "days over which a force spreads its troop-day budget"),
    front: z.string().default("AF").describe('country code drills face; "" for none'),
    radius: z
      .strictObject({
        drill: z.int().min(0).max(20).default(1).describe("cells a drill position covers"),
        route: z.int().min(0).max(20).default(2).describe("cells a route-control position covers"),
      })
      .prefault({}),
    detectionBoost: z
      .strictObject({
        drill: num(0, "detection multiplier gain where drill positions cover"),
        route: num(0.5, "detection multiplier gain where route-control positions cover"),
      })
      .prefault({}),
    intelBonus: share
      .default(0.3)
      .describe("classification skill added by route-control's shared intelligence"),
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
    encounterRatePer100: num(0.5, "encounter hazard per 100 hostile personnel near a band, per day"),
    hideCover: share
      .default(0.8)
      .describe("share of the encounter chance removed when hidden at ruggedness 1"),
    personnelPerUnit: pos(20, "personnel per unit of security-unit strength"),
    stateQuality: pos(1, "quality of state security personnel"),
    bandQuality: pos(0.8, "quality of a fully armed band"),
    strikeCasualties: num(3, "mean victims of an undefended strike"),
  })
  .prefault({});

const attribution = z
  .strictObject({
    bias: share.default(0.6).describe("political bias: how far a wrong guess leans to 'terrorist'"),
    stateSkill: share.default(0.5).describe("classification skill of state security"),
    crackdownChance: share.default(0.5).describe("chance an event labelled terrorist brings a crackdown"),
  })
  .prefault({});

/** Parameters of the nexus model's armed side. */
export const armedParams = z.strictObject({
  bands: z
    .array(band)
    .max(10_000)
    .default(DEFAULT_BANDS.map((b) => ({ ...b })))
    .describe("insurgent bands"),
  bandRules,
  alliance,
  clashes,
  attribution,
});

/** Parsed nexus parameters (defaults filled). */
export type ArmedParams = z.output<typeof armedParams>;
/** One band's parameters. */
export type BandParams = ArmedParams["bands"][number];
/** One force's parameters. */
export type ForceParams = ArmedParams["alliance"]["forces"][number];
