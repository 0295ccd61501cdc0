/**
 * The centre's choice to purge a strongman, and what the purge costs. In Tajikistan the violence
 * of 2008–16 came mostly from the state moving against insiders it had tolerated: Rasht 2010–11
 * (~60–80 dead), Khorog 2012 (42–~72 dead in a few days, after the killing of a GKNB general by
 * Ayombekov's men), Khorog 2014 (≥ 4), the Nazarzoda "mutiny" of 2015 (~40–50) (targets.md §2.2;
 * pattern P9; Lewis 2014 and Omelicheva & Markowitz 2019 on the state–crime nexus).
 *
 * The rule: a strongman is visible to the centre when his protection revenue (decayed mean over
 * the days it has seen, a year's worth) reaches `revenueThresholdUsd` or his men fought within `visibleDays`; a visible
 * strongman is purged on a day with chance 1 − exp(−hazardPerYear / 365). The purge is a security
 * operation in his province: one state-started violent event with a Poisson number of deaths of
 * mean `deathsMean`, split binomially between state forces, civilians and his men (the event is
 * the whole operation: Khorog 2012's deaths include the fighting with the local militias, so no
 * search operation follows it, which would count them twice and bring in alliance troops that
 * took no part); the province's legitimacy loses `legitimacyLoss` of its value (locals
 * backed the commanders: "99 % of local people support these commanders", §6); and his turf is
 * disrupted for `disruptionDays` (no fees, no shield), after which a successor holds it with as
 * many men (the Khorog commanders were back by 2014).
 */
import type { RngStream } from "../../../engine/rng.js";
import type { World } from "../../../worlds/types.js";
import { centreOf } from "../bands/targets.js";
import type { ClashContext } from "../clashes/encounters.js";
import { bookClash, type OfficialsOutcomes } from "./fights.js";
import type { OfficialsParams } from "./params.js";
import type { Strongmen } from "./strongmen.js";

type Purge = OfficialsParams["purge"];

/** Whether strongman k is visible to the centre on `day` (see the file comment). */
export function visible(s: Strongmen, k: number, day: number, p: Purge): boolean {
  const fought = s.lastClash[k]! >= 0 && day - s.lastClash[k]! <= p.visibleDays;
  return fought || s.revenuePerYear(k) >= p.revenueThresholdUsd;
}

/** Chance a visible strongman is purged on one day at `hazardPerYear`. */
export function purgeChance(hazardPerYear: number): number {
  return 1 - Math.exp(-hazardPerYear / 365);
}

/** How a purge's deaths split: state forces, civilians, the strongman's men. */
export function splitPurgeDeaths(
  deaths: number,
  p: Purge,
  rng: RngStream,
): { state: number; civilians: number; men: number } {
  const state = deaths > 0 ? rng.binomial(deaths, p.stateShare) : 0;
  const rest = deaths - state;
  const civShare = p.stateShare < 1 ? Math.min(1, p.civilianShare / (1 - p.stateShare)) : 0;
  const civilians = rest > 0 ? rng.binomial(rest, civShare) : 0;
  return { state, civilians, men: rest - civilians };
}

/** What a purge operation writes besides the strongmen and the clash books. */
export interface PurgeTargets {
  /** Legitimacy per province (the people's, written in place). */
  legitimacy: Float64Array;
}

/** Purge strongman k on `day`: the operation, its deaths and its consequences (see the file comment). */
export function purgeStrongman(
  ctx: ClashContext,
  world: World,
  s: Strongmen,
  k: number,
  day: number,
  p: Purge,
  to: PurgeTargets,
  rng: RngStream,
  out: OfficialsOutcomes,
): void {
  const q = s.province[k]!;
  const deaths = p.deathsMean > 0 ? rng.poisson(p.deathsMean) : 0;
  const split = splitPurgeDeaths(deaths, p, rng);
  out.purges++;
  out.purgeDeaths += deaths;
  out.menLost += split.men;
  ctx.out.stateLosses += split.state;
  ctx.out.civilians += split.civilians;
  bookClash(ctx, day, centreOf(world, world.cellsOf[q]!), k, deaths, true, rng);
  to.legitimacy[q]! *= 1 - p.legitimacyLoss;
  s.disruptedUntil[k] = day + p.disruptionDays;
  s.men[k] = s.menAtStart[k]!; // the successor's men, idle until the disruption ends
  s.cash[k] = 0;
  s.revenuePerDay[k] = 0;
  s.revenueWeight[k] = 0; // the successor's record starts with him
  s.lastClash[k] = -1;
}
