/**
 * Traffickers who fight. A load with no insurgent escort, stopped off any strongman's turf by a
 * unit that would not take the bribe, is usually seized; with `chance` its own armed guards shoot
 * it out instead (Tajik border guards have met armed couriers on the Panj every year: 5–60 kg lots
 * "per clash", targets.md §1.7; Khorog 2014 began as a police shoot-out with suspected
 * traffickers, §2.2). A clash kills a few (Poisson, mean `deathsPerClash`, half on the state's
 * side) and the load gets away with `escapeChance`, else it is seized as usual.
 */
import type { RngStream } from "../../../engine/rng.js";
import type { ClashContext } from "../clashes/encounters.js";
import { bookClash, clashDeaths, type OfficialsOutcomes } from "./fights.js";
import type { OfficialsParams } from "./params.js";

type TraffickerFights = OfficialsParams["traffickerFights"];

/** A refused stop of organisation `org`'s load at c: true (fought, got away), false (fought, seized), null (no fight). */
export function traffickerStop(
  ctx: ClashContext,
  org: number,
  c: number,
  day: number,
  p: TraffickerFights,
  rng: RngStream,
  out: OfficialsOutcomes,
): boolean | null {
  if (!(p.chance > 0) || rng.next() >= p.chance) return null;
  const { deaths, state } = clashDeaths(p.deathsPerClash, 0.5, rng);
  out.traffickerClashes++;
  out.traffickerDeaths += deaths;
  ctx.out.stateLosses += state;
  bookClash(ctx, day, c, org, deaths, false, rng);
  const away = rng.next() < p.escapeChance;
  if (away) out.traffickerEscapes++;
  return away;
}
