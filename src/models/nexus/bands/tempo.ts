/**
 * Operational tempo: how often a band can mount an operation. Armed groups mount few: each strike
 * or incursion takes planning, reconnaissance, arms and people. Central Asia saw 19 attacks the
 * governments labelled terrorist in 2008–18 (targets.md §2.1, Lemon 2018) and two IMU incursions,
 * one a summer (Batken 1999 and 2000, §2.3). A band therefore counts the days since its last
 * operation and since its last incursion campaign (crossed or turned back at a screen) and may
 * strike only after `operationPrepDays`, cross only after `incursionPrepDays` as well.
 */
import type { RngStream } from "../../../engine/rng.js";
import type { BandRules } from "./rules.js";
import type { Bands } from "./store.js";

/**
 * One day of band `id`'s preparation: both counts grow by a day. On its first day each count is
 * drawn uniformly in [0, its preparation) so that bands do not all strike on the same day.
 */
export function prepareDay(bands: Bands, id: number, r: BandRules, rng: RngStream): void {
  const col = bands.col;
  const op = col.sinceOp[id]!;
  col.sinceOp[id] = op < 0 ? Math.floor(rng.next() * r.operationPrepDays) : op + 1;
  const camp = col.sinceCampaign[id]!;
  col.sinceCampaign[id] = camp < 0 ? Math.floor(rng.next() * r.incursionPrepDays) : camp + 1;
}

/** Whether band `id` has prepared long enough to strike (`cross` false) or to mount an incursion. */
export function prepared(bands: Bands, id: number, r: BandRules, cross: boolean): boolean {
  const col = bands.col;
  if (col.sinceOp[id]! < r.operationPrepDays) return false;
  return !cross || col.sinceCampaign[id]! >= r.incursionPrepDays;
}
