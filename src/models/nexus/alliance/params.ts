/**
 * Parameters of the alliance side of the nexus model: each force (size, readiness, budget, members,
 * base, posture, skill, quality, invitations), the defaults (targets.md §4), and the rules all forces
 * share (coordination, activation, coverage, detection, route-control's intelligence, blocking at
 * the border). Every default's source or "assumption" is in docs/model.md.
 */
import { z } from "zod";
import { POSTURE_CHOICES } from "./forces.js";

const share = z.number().min(0).max(1);
const num = (d: number, what: string) => z.number().min(0).default(d).describe(what);
const pos = (d: number, what: string) => z.number().positive().default(d).describe(what);
const days = (d: number, what: string) => z.int().min(1).max(100_000).default(d).describe(what);

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
        z.enum(POSTURE_CHOICES),
        z
          .strictObject({
            drill: share.describe("share on incursion-drill"),
            route: share.describe("share on route-control"),
          })
          .refine((m) => m.drill + m.route > 0, { message: "drill and route shares must not both be 0" }),
      ])
      .default("incursion-drill")
      .describe(
        "posture (garrison: kept ready at base, never deployed), or a custom mix of shares (normalised)",
      ),
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

/** The CSTO's rapid-reaction force, Russia's 201st base and an SCO exercise contingent (targets.md §4; docs/model.md). */
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
    name: "Russia 201st base",
    troops: 7_000,
    readiness: 0.2,
    contingentSize: 250,
    mobilityCellsPerDay: 10,
    troopDayBudget: 300_000,
    members: ["TJ"],
    base: "Dushanbe",
    posture: "incursion-drill" as const,
    skill: 0.4,
    quality: 1.5,
    invitations: [{ country: "TJ", fromDay: 0, toDay: 1_000_000 }],
  },
  {
    name: "SCO Peace Mission",
    troops: 5_000,
    readiness: 0.2,
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

/** Parameters of the alliance forces and the rules they share (under params.alliance). */
export const allianceParams = z
  .strictObject({
    forces: z.array(force).max(8).default(DEFAULT_FORCES).describe("alliance forces (at most 8)"),
    coordination: share.default(0).describe("CSTO–SCO coordination: 0 planned in isolation, 1 deconflicted"),
    activationThreshold: num(
      5,
      "threat (incident severity plus massing across the border) at which a host of sovereignty cost 1 invites a force",
    ),
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
        route: num(2, "detection multiplier gain where route-control positions cover"),
      })
      .prefault({}),
    intelBonus: share
      .default(0.3)
      .describe("classification skill added by route-control's shared intelligence"),
    routeControl: z
      .strictObject({
        taxPointWeight: num(
          10,
          "weight of a known armed tax point in choosing positions (× share of days held)",
        ),
        raidBoost: num(
          2,
          "raids: encounter hazard × (1 + this) for bands taxing or escorting where route-control covers",
        ),
        intelMemoryDays: pos(30, "time constant of what the drug agencies remember of tax points, days"),
      })
      .prefault({})
      .describe("route-control with the drug agencies: intelligence on tax points and raids on them"),
    blocking: z
      .strictObject({
        detectionPer100: num(
          3,
          "detection hazard per 100 blocking troops on open ground, per crossing attempt",
        ),
        concealment: num(2, "ruggedness 1 divides the detection hazard by 1 + this"),
        approachWeight: num(
          10,
          "drill positions: entry weight 1 + this × militant fighters whose avenues of approach cross there ÷ 100",
        ),
      })
      .prefault({})
      .describe("drill positions at the border: how they detect a crossing band (then fight it)"),
    kanal: z
      .boolean()
      .default(true)
      .describe(
        "route-control acts with the drug agencies of every member state (the CSTO's standing Kanal operation), troops only where invited",
      ),
    consent: z
      .strictObject({
        decisionDays: days(30, "days between hosts' decisions to invite and forces' decisions to accept"),
        sovereignty: z
          .record(z.string(), z.number().min(0))
          .default({ UZ: 2, TM: 4 })
          .describe(
            "sovereignty cost per country code (the activation threshold's multiplier; 1 for a country not listed)",
          ),
        massRadiusCells: z
          .int()
          .min(0)
          .max(50)
          .default(4)
          .describe("cells from a country within which fighters massed in the front country threaten it"),
        massPer100: num(1, "threat per 100 fighters massed in the front country within reach of the border"),
        acceptIdeologicalShare: share
          .default(0.6)
          .describe("least believed ideological share of the threat at which a force accepts an invitation"),
        budgetReserve: share
          .default(0.1)
          .describe("least share of its troop-day budget left at which a force accepts an invitation"),
      })
      .prefault({})
      .describe("non-interference: hosts invite, forces accept or refuse"),
    belief: z
      .strictObject({
        prior: share
          .default(0.5)
          .describe("believed ideological share before any attack (one attack's weight)"),
        memoryDays: pos(90, "time constant of what the alliance remembers of attacks and labels, days"),
        postureWeight: share
          .default(0.25)
          .describe(
            "how far a force moves its drill share toward the believed ideological share at each re-plan",
          ),
      })
      .prefault({})
      .describe("what the alliance believes the threat is, from its hosts' labels"),
    reaction: z
      .strictObject({
        warningChance: share
          .default(0.2)
          .describe(
            "chance a day the alliance learns of a column marching on a crossing it may screen (then masses drill screens there until they outweigh it)",
          ),
        readyDays: z
          .int()
          .min(0)
          .max(365)
          .default(2)
          .describe("days a drill contingent needs before it moves to a threatened crossing"),
      })
      .prefault({})
      .describe("the drill's reserves: screens moved to the crossing a column marches on"),
  })
  .prefault({});
