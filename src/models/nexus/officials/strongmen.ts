/**
 * Strongmen: officials and ex-commanders who hold a province as their turf (Ayombekov's
 * Ishkashim border detachment and the Khorog ex-commanders, the Rasht commanders, the officials
 * behind Osh's "red heroin": targets.md §5.2, §3). Each has armed men, cash from protection fees,
 * a decayed mean of his fee revenue (what makes him visible to the centre), the last day his men
 * fought, and the day until which his turf is disrupted by a purge (−1: active). Setup resolves
 * each turf's province on the world and reports an unknown one located.
 */
import { type Problem, problem } from "../../../core/problems.js";
import type { World } from "../../../worlds/types.js";
import type { OfficialsParams } from "./params.js";

/** The strongmen of one run, one slot each, in parameter order. */
export class Strongmen {
  /** Number of strongmen. */
  readonly n: number;
  /** Province index of each one's turf. */
  readonly province: Int32Array;
  /** Strongman whose turf each cell is (−1: none; the first listed keeps a shared province). */
  readonly turfOf: Int32Array;
  /** Armed men each commands now. */
  readonly men: Float64Array;
  /** Armed men at the start (a successor raises as many). */
  readonly menAtStart: Float64Array;
  /** Cash from protection fees, USD. */
  readonly cash: Float64Array;
  /** Fee revenue per day, decayed sum Σ (1 − k)·k^age·fees (÷ revenueWeight: the mean), USD/day. */
  readonly revenuePerDay: Float64Array;
  /**
   * Weight that decayed sum has gathered, Σ (1 − k)·k^age = 1 − k^days: dividing by it makes the
   * mean of a turf held fewer days than the memory an unbiased one (else every strongman would look
   * poor to the centre for his first months, and a run's first year would see few purges).
   */
  readonly revenueWeight: Float64Array;
  /** Fees collected today, USD (folded into the mean by the officials step). */
  readonly feesToday: Float64Array;
  /** Last day his men fought (−1: never), visibility to the centre. */
  readonly lastClash: Int32Array;
  /** Last day of the disruption a purge left (−1: none; active when the day is past it). */
  readonly disruptedUntil: Int32Array;

  constructor(world: World, provinces: readonly number[], men: readonly number[]) {
    const n = provinces.length;
    this.n = n;
    this.province = Int32Array.from(provinces);
    this.turfOf = new Int32Array(world.grid.size).fill(-1);
    for (let s = n - 1; s >= 0; s--) for (const c of world.cellsOf[provinces[s]!]!) this.turfOf[c] = s;
    this.men = Float64Array.from(men);
    this.menAtStart = Float64Array.from(men);
    this.cash = new Float64Array(n);
    this.revenuePerDay = new Float64Array(n);
    this.revenueWeight = new Float64Array(n);
    this.feesToday = new Float64Array(n);
    this.lastClash = new Int32Array(n).fill(-1);
    this.disruptedUntil = new Int32Array(n).fill(-1);
  }

  /** Strongman s's fee revenue a year as the centre reads it: the decayed mean over the days seen, × 365. */
  revenuePerYear(s: number): number {
    const w = this.revenueWeight[s]!;
    return w > 0 ? (365 * this.revenuePerDay[s]!) / w : 0;
  }

  /** Whether strongman s holds his turf on `day` (not disrupted by a purge, men left). */
  active(s: number, day: number): boolean {
    return day > this.disruptedUntil[s]! && this.men[s]! > 0;
  }

  /** The active strongman whose turf cell c is on `day` (−1: none). */
  at(c: number, day: number): number {
    const s = this.turfOf[c]!;
    return s >= 0 && this.active(s, day) ? s : -1;
  }
}

/** The strongmen of `p` on `world`, or the located problems of provinces the world lacks. */
export function setupStrongmen(
  world: World,
  p: OfficialsParams,
): { ok: true; strongmen: Strongmen } | { ok: false; problems: Problem[] } {
  const errors: Problem[] = [];
  const provinces: number[] = [];
  p.strongmen.forEach((s, i) => {
    const q = world.provinces.findIndex((x) => x.name === s.province);
    if (q < 0 || world.cellsOf[q]!.length === 0)
      errors.push(
        problem(
          "world",
          `officials.strongmen[${i}].province`,
          `province "${s.province}" is not in the world`,
        ),
      );
    provinces.push(q);
  });
  if (errors.length > 0) return { ok: false, problems: errors };
  const men = p.strongmen.map((s) => s.men);
  return { ok: true, strongmen: new Strongmen(world, provinces, men) };
}
