/** Escort contracts between bands and trafficker organisations: who escorts whom, and the daily fee. */
import { ACT_ESCORT, ACT_IDLE } from "../motives.js";
import type { BandOutcomes } from "./outcomes.js";
import type { Bands } from "./store.js";

/** Fighters under an active escort contract per organisation (index = organisation), into `out`. */
export function escortFighters(bands: Bands, out: Float64Array): Float64Array {
  out.fill(0);
  const { fighters, escortOrg, escortDays, action } = bands.col;
  const ids = bands.order();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const o = escortOrg[id]!;
    if (action[id] === ACT_ESCORT && escortDays[id]! > 0 && o >= 0 && o < out.length)
      out[o]! += fighters[id]!;
  }
  return out;
}

/**
 * Pay one day of every active escort contract from its organisation's capital (never below 0:
 * an organisation that cannot pay the full fee pays what it has) and count the day down; a
 * finished contract frees the band to choose again. Returns the USD paid.
 */
export function payEscorts(bands: Bands, orgCapital: Float64Array, out?: BandOutcomes): number {
  const { cash, escortOrg, escortDays, escortFee, action, drugUsd } = bands.col;
  let total = 0;
  const ids = bands.order();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const o = escortOrg[id]!;
    if (action[id] !== ACT_ESCORT || escortDays[id]! <= 0 || o < 0 || o >= orgCapital.length) continue;
    const fee = Math.min(escortFee[id]!, Math.max(0, orgCapital[o]!));
    orgCapital[o] = orgCapital[o]! - fee;
    cash[id] = cash[id]! + fee;
    drugUsd[id] = drugUsd[id]! + fee;
    total += fee;
    escortDays[id] = escortDays[id]! - 1;
    if (escortDays[id] === 0) {
      action[id] = ACT_IDLE;
      escortOrg[id] = -1;
    }
  }
  if (out) out.escortUsd += total;
  return total;
}
