/**
 * Parameters of the state as an actor: officials and ex-commanders who protect or run trafficking
 * on their turf (protection fees, shielding, violence against rivals and honest units), the
 * centre's purges of them, and traffickers who fight patrols that refuse their bribes. Sources:
 * targets.md §5.2 (documented involvement of officials: Ayombekov in GBAO, the Bakiyev family and
 * Osh police in Kyrgyzstan), §5.3 (bribe sizes), §2.2 (Rasht 2010, Khorog 2012 and 2014, the 2015
 * mutiny), §3 (GBAO militias 100–300, Nazarzoda ≥ 80 men) and pattern P9; every default is in
 * docs/model.md, "Officials, purges and trafficker fights", with its row or "assumption".
 */
import { z } from "zod";

const share = z.number().min(0).max(1);
const num = (d: number, what: string) => z.number().min(0).max(1e9).default(d).describe(what);
const days = (d: number, what: string) => z.int().min(1).max(100_000).default(d).describe(what);

const strongman = z.strictObject({
  name: z.string().min(1).describe("who (a commander, a clan, a family in office)"),
  province: z.string().min(1).describe("the province that is his turf (a province of the world)"),
  men: z.int().min(1).max(100_000).describe("armed men he commands (a border detachment, a militia)"),
});

/** Strongmen of the corridor world (the real-map scenarios list their own provinces). */
export const DEFAULT_STRONGMEN = [
  { name: "Khorog ex-commanders", province: "GBAO", men: 150 }, // §3 GBAO militias 100–300; §5.2 Ayombekov
  { name: "Osh officials", province: "Osh", men: 50 }, // §5.2 Bakiyev family, "red heroin" police of Osh
];

const protection = z
  .strictObject({
    enabled: z
      .boolean()
      .default(true)
      .describe("officials protect and tax the trade on their turf (false: no strongman acts)"),
    feeUsdPerKg: num(25, "protection fee on each kg entering a cell of an active strongman's turf, USD/kg"),
    shield: share
      .default(0.7)
      .describe("share of the state's detection hazard removed in an active strongman's turf"),
    resistChance: share
      .default(0.05)
      .describe("chance his men fight a unit that will not be bought when it stops a load on his turf"),
    rivalChancePerDay: share
      .default(0.01)
      .describe("chance a day that his men attack a band taxing the trade on his turf"),
    deathsPerClash: num(3, "mean deaths of one clash of his men (Poisson)"),
    revenueMemoryDays: days(365, "time constant of the fee revenue the purge rule reads, days"),
  })
  .prefault({});

const purge = z
  .strictObject({
    enabled: z
      .boolean()
      .default(true)
      .describe("the centre purges strongmen who grow too visible (false: never)"),
    revenueThresholdUsd: num(
      1_000_000,
      "fee revenue a year (decayed mean) past which a strongman is visible to the centre, USD",
    ),
    visibleDays: days(90, "days after a clash of his men during which he is visible to the centre"),
    hazardPerYear: num(0.15, "purge hazard per year of a visible strongman"),
    deathsMean: num(40, "mean deaths of one purge operation (Poisson)"),
    stateShare: share.default(0.3).describe("share of a purge's deaths among state forces"),
    civilianShare: share.default(0.15).describe("share of a purge's deaths among civilians"),
    disruptionDays: days(180, "days the purged turf has no protection before a successor takes over"),
    legitimacyLoss: share
      .default(0.2)
      .describe("share of the province's legitimacy lost at a purge (its people back the commanders)"),
  })
  .prefault({});

const traffickerFights = z
  .strictObject({
    chance: share
      .default(0.002)
      .describe("chance a trafficker's guards fight a unit that refused the bribe (no escort, no strongman)"),
    deathsPerClash: num(2, "mean deaths of one such clash (Poisson)"),
    escapeChance: share.default(0.5).describe("chance the load gets away after the clash (else seized)"),
  })
  .prefault({});

/** Parameters of officials, purges and trafficker fights. */
export const officialsParams = z
  .strictObject({
    strongmen: z
      .array(strongman)
      .max(1000)
      .default(DEFAULT_STRONGMEN.map((s) => ({ ...s })))
      .describe("officials and ex-commanders who protect trafficking on their turf"),
    protection,
    purge,
    traffickerFights,
  })
  .prefault({});

/** Parsed parameters of officials, purges and trafficker fights. */
export type OfficialsParams = z.output<typeof officialsParams>;
