/**
 * State-organised crime on a strongman's turf (targets.md §5.2: "leaders of the most powerful
 * trafficking groups occupy high-ranking government positions"; Ayombekov commanded the Ishkashim
 * border detachment while, the GKNB said, his group trafficked drugs; pattern P9). While he holds
 * his turf:
 * - every load entering a turf cell pays him a fee per kg (at most what its organisation has);
 * - the state's detection hazard there is cut by `shield` (his men are the border detachment and
 *   the police: they wave protected loads through);
 * - when a unit that will not be bought still stops a load there, his men fight it with
 *   `resistChance` (the load goes on; a few dead);
 * - his men attack a band that taxes the trade on his turf with `rivalChancePerDay` (a few dead,
 *   the band loses its tax point for the day and is driven off).
 * Every clash makes him visible to the centre (models/nexus/officials/purge.ts).
 */
import type { RngStream } from "../../../engine/rng.js";
import { makeIdle } from "../bands/day.js";
import type { TaxLayer } from "../bands/tax.js";
import { bandLosses, type ClashContext } from "../clashes/encounters.js";
import { bookClash, clashDeaths, type OfficialsOutcomes } from "./fights.js";
import type { OfficialsParams } from "./params.js";
import type { Strongmen } from "./strongmen.js";

type Protection = OfficialsParams["protection"];

/** The fee on `kg` entering cell c on `day`, booked to the strongman holding it: fee × kg, at most `capital`. */
export function protectionFee(
  s: Strongmen,
  c: number,
  day: number,
  kg: number,
  capital: number,
  feeUsdPerKg: number,
  out: OfficialsOutcomes,
): number {
  const k = s.at(c, day);
  if (k < 0 || !(feeUsdPerKg > 0) || !(capital > 0) || !(kg > 0)) return 0;
  const usd = Math.min(kg * feeUsdPerKg, capital);
  s.cash[k]! += usd;
  s.feesToday[k]! += usd;
  out.feesUsd += usd;
  return usd;
}

/** Today's detection multiplier: `base` (1 where absent) × (1 − shield) on active turf cells. */
export function shieldGain(
  s: Strongmen,
  base: Float64Array | undefined,
  shield: number,
  day: number,
  gain: Float64Array,
): void {
  for (let c = 0; c < gain.length; c++) {
    const g = base ? base[c]! : 1;
    gain[c] = s.at(c, day) >= 0 ? g * (1 - shield) : g;
  }
}

/**
 * A unit that would not be bought stopped a load at c on `day`. Where an active strongman holds
 * c his men fight it with `resistChance`: true (the load goes on), else null (no fight).
 */
export function resistStop(
  ctx: ClashContext,
  s: Strongmen,
  c: number,
  day: number,
  p: Protection,
  rng: RngStream,
  out: OfficialsOutcomes,
): boolean | null {
  const k = s.at(c, day);
  if (k < 0 || rng.next() >= p.resistChance) return null;
  const { deaths, state } = clashDeaths(p.deathsPerClash, 0.5, rng);
  out.resistClashes++;
  out.protectionDeaths += deaths;
  out.menLost += deaths - state;
  s.men[k] = Math.max(0, s.men[k]! - (deaths - state));
  ctx.out.stateLosses += state;
  s.lastClash[k] = day;
  bookClash(ctx, day, c, k, deaths, false, rng);
  return true;
}

/** His men attack bands taxing cells of his turf today (see the file comment). */
export function attackRivals(
  ctx: ClashContext,
  s: Strongmen,
  tax: TaxLayer,
  day: number,
  p: Protection,
  rng: RngStream,
  out: OfficialsOutcomes,
): void {
  const held = tax.held;
  for (let i = 0; i < held.length; i++) {
    const c = held[i]!;
    const k = s.at(c, day);
    const id = tax.holder[c]!;
    if (k < 0 || id < 0 || !ctx.bands.has(id) || rng.next() >= p.rivalChancePerDay) continue;
    const { deaths, state: bandSide } = clashDeaths(p.deathsPerClash, 0.5, rng);
    out.rivalClashes++;
    out.protectionDeaths += deaths;
    out.menLost += deaths - bandSide;
    s.men[k] = Math.max(0, s.men[k]! - (deaths - bandSide));
    s.lastClash[k] = day;
    bookClash(ctx, day, c, k, deaths, false, rng);
    tax.rate[c] = 0;
    tax.holder[c] = -1;
    makeIdle(ctx.bands, id);
    if (bandSide > 0) bandLosses(ctx, id, bandSide);
  }
}
