/** Recruitment: a band buys recruits (each with a weapon) from the pool of active citizens where it stands. */
import type { RngStream } from "../../../engine/rng.js";
import type { BandRules } from "./rules.js";
import type { Bands } from "./store.js";

/** Recruits a band can expect from `pool` actives today: min(pool × rate, what cash buys). */
export function expectedRecruits(cash: number, pool: number, r: BandRules): number {
  return Math.max(0, Math.min(pool * r.recruitRate, Math.floor(cash / r.recruitCostUsd)));
}

/**
 * Recruit from `pool` actives: Binomial(⌊pool⌋, recruitRate) join, capped by what cash pays at
 * recruitCostUsd each; each brings a weapon. Returns the number recruited.
 */
export function recruit(bands: Bands, id: number, pool: number, r: BandRules, rng: RngStream): number {
  const { fighters, cash, weapons } = bands.col;
  const affordable = Math.floor(cash[id]! / r.recruitCostUsd);
  const n = Math.min(affordable, rng.binomial(Math.max(0, Math.floor(pool)), r.recruitRate));
  if (n <= 0) return 0;
  fighters[id] = fighters[id]! + n;
  weapons[id] = weapons[id]! + n;
  cash[id] = Math.max(0, cash[id]! - n * r.recruitCostUsd);
  return n;
}
