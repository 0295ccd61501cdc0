/**
 * Motive drift: convergence along the crime–terror continuum (Makarenko 2004; Dishman 2005 on
 * groups that "go criminal" once the trade pays). A band whose motive is a criminal share moves
 * it each day toward the drug share of its recent income:
 *
 *   s ← s + drift × (drug / (drug + funding) − s)
 *
 * with drug and funding income summed with an exponential memory of `memoryDays`. A band that
 * lives on taxing heroin drifts criminal; one kept by sponsors drifts ideological. drift = 0 (the
 * default) keeps every motive fixed; the switch is `threat.drift`. Bands with custom weights never
 * drift. The band's weights and class are rebuilt from the new share.
 */
import { type MotiveWeights, motiveOfShare, shareClass } from "../motives.js";
import type { Bands } from "./store.js";

/** What drift reads and rewrites: the per-band motive rows, their shares, classes and funding shares. */
export interface MotiveTable {
  /** Weights per motive row (row k is band k's). */
  motives: MotiveWeights[];
  /** Criminal share per row; NaN for custom weights. */
  shares: Float64Array;
  /** Motive class per row. */
  classOf: Uint8Array;
  /** Ideological share per row (1 − criminal share): what sponsors fund. */
  ideological: Float64Array;
}

/** Decay every band's income memory by exp(−1/memoryDays), then drift each share (see the file comment). */
export function driftMotives(bands: Bands, table: MotiveTable, drift: number, memoryDays: number): void {
  const { drugUsd, fundUsd, motive } = bands.col;
  const k = Math.exp(-1 / memoryDays);
  const ids = bands.order();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    drugUsd[id] = drugUsd[id]! * k;
    fundUsd[id] = fundUsd[id]! * k;
    const m = motive[id]!;
    const s = table.shares[m]!;
    const income = drugUsd[id]! + fundUsd[id]!;
    if (!(drift > 0) || Number.isNaN(s) || !(income > 0)) continue;
    const next = Math.min(1, Math.max(0, s + drift * (drugUsd[id]! / income - s)));
    table.shares[m] = next;
    table.motives[m] = motiveOfShare(next);
    table.classOf[m] = shareClass(next);
    table.ideological[m] = 1 - next;
  }
}
