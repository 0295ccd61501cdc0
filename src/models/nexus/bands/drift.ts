/**
 * Motive drift: convergence along the crime–terror continuum (Makarenko 2004; Dishman 2005 on
 * groups that "go criminal" once the trade pays). A band whose motive is a criminal share moves
 * it each day toward the drug share of its recent income:
 *
 *   s ← s + drift × (drug / (drug + funding) − s)
 *
 * with drug and funding income summed with an exponential memory of `memoryDays`. A band that
 * lives on taxing heroin drifts criminal; one kept by sponsors drifts ideological. Losses push the
 * target toward crime (a band that bleeds and loses its sponsors' cause turns to the trade to
 * survive: the IMU after 2001, Cornell 2005), misattributed crackdowns on it toward ideology (a
 * band treated as terrorist becomes one: labelling, GBAO 2012), so drift moves bands at the poles
 * of the continuum too (`driftTarget`). drift = 0 (the
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

/** What drift reads besides income: how hard a band is hit, remembered per band (agent id). */
export class DriftPressure {
  /** Fighters lost recently (fights, desertion), decayed, per band id. */
  lost: Float64Array = new Float64Array(0);
  /** Misattributed crackdowns on the band recently, decayed, per band id. */
  repressed: Float64Array = new Float64Array(0);
  /** Fighters at the last drift, per band id (−1: not seen yet). */
  seen: Float64Array = new Float64Array(0);

  constructor(
    /** Weight of losses: target + (1 − target) × min(1, lossWeight × lost ÷ fighters). */
    readonly lossWeight: number,
    /** Weight of repression: target × (1 − min(1, repressionWeight × repressed)). */
    readonly repressionWeight: number,
  ) {}

  /** Grow the per-band arrays to hold id `n − 1`. */
  fit(n: number): void {
    if (this.lost.length >= n) return;
    const grow = (a: Float64Array, fill: number) => {
      const b = new Float64Array(n).fill(fill);
      b.set(a);
      return b;
    };
    this.lost = grow(this.lost, 0);
    this.repressed = grow(this.repressed, 0);
    this.seen = grow(this.seen, -1);
  }
}

/**
 * The share a band drifts toward: the drug share of its income x (its own share when it has no
 * income), pushed toward crime by losses and toward ideology by misattributed crackdowns:
 * x + (1 − x)·min(1, λ·lost/fighters), then × (1 − min(1, ρ·repressed)).
 */
export function driftTarget(
  x: number,
  lost: number,
  fighters: number,
  repressed: number,
  lossWeight: number,
  repressionWeight: number,
): number {
  const l = fighters > 0 ? Math.min(1, (lossWeight * lost) / fighters) : 0;
  const r = Math.min(1, repressionWeight * repressed);
  return (x + (1 - x) * l) * (1 - r);
}

/**
 * Decay every band's income and pressure memory by exp(−1/memoryDays), book today's losses (a
 * fall in fighters since the last drift) and the crackdowns in `repressedToday` (drained), then
 * drift each share toward its target (see the file comment and `driftTarget`).
 */
export function driftMotives(
  bands: Bands,
  table: MotiveTable,
  drift: number,
  memoryDays: number,
  pressure?: DriftPressure,
  repressedToday: number[] = [],
): void {
  const { drugUsd, fundUsd, motive, fighters } = bands.col;
  const k = Math.exp(-1 / memoryDays);
  const ids = bands.order();
  let top = 0;
  for (let i = 0; i < ids.length; i++) top = Math.max(top, ids[i]! + 1);
  pressure?.fit(top);
  for (const id of repressedToday) if (pressure && id >= 0 && id < top) pressure.repressed[id]! += 1;
  repressedToday.length = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    drugUsd[id] = drugUsd[id]! * k;
    fundUsd[id] = fundUsd[id]! * k;
    const f = fighters[id]!;
    let lost = 0;
    let repressed = 0;
    if (pressure) {
      const before = pressure.seen[id]!;
      pressure.lost[id] = pressure.lost[id]! * k + (before > f ? before - f : 0);
      pressure.repressed[id] = pressure.repressed[id]! * k;
      pressure.seen[id] = f;
      lost = pressure.lost[id]!;
      repressed = pressure.repressed[id]!;
    }
    const m = motive[id]!;
    const s = table.shares[m]!;
    if (!(drift > 0) || Number.isNaN(s)) continue;
    const income = drugUsd[id]! + fundUsd[id]!;
    const x = income > 0 ? drugUsd[id]! / income : s;
    const lw = pressure?.lossWeight ?? 0;
    const rw = pressure?.repressionWeight ?? 0;
    const target = driftTarget(x, lost, f, repressed, lw, rw);
    const next = Math.min(1, Math.max(0, s + drift * (target - s)));
    table.shares[m] = next;
    table.motives[m] = motiveOfShare(next);
    table.classOf[m] = shareClass(next);
    table.ideological[m] = 1 - next;
  }
}
