/**
 * Incident severity per country, the alliance's trigger for entering a member uninvited: a
 * decaying count of events labelled terrorist and of armed incursions.
 */
import type { World } from "../../../worlds/types.js";
import type { MoveLog } from "../bands/move.js";

/** Incident severity per country: a decaying count of incidents (events labelled terrorist, incursions). */
export class Severity {
  /** Severity per country index. */
  readonly value: Float64Array;

  /** Armed incursions (band steps across a border away from home) into each country today. */
  readonly incursionsToday: Float64Array;

  constructor(countries: number) {
    this.value = new Float64Array(countries);
    this.incursionsToday = new Float64Array(countries);
  }

  /** Forget: every value × exp(−1 / memoryDays); a new day's incursion count. */
  decay(memoryDays: number): void {
    this.incursionsToday.fill(0);
    const k = Math.exp(-1 / memoryDays);
    for (let i = 0; i < this.value.length; i++) this.value[i] = this.value[i]! * k;
  }

  /**
   * Add today's armed incursions: per logged band step into a country other than the band's
   * home, `per100` × fighters / 100 to that country.
   */
  addIncursions(
    world: World,
    log: MoveLog,
    fighters: ArrayLike<number>,
    homeCountry: ArrayLike<number>,
    per100: number,
  ): void {
    for (let i = 0; i < log.length; i++) {
      const b = log.band[i]!;
      const k = world.country[log.to[i]!]!;
      if (k !== world.country[log.from[i]!] && k !== homeCountry[b]) {
        this.add(k, (per100 * fighters[b]!) / 100);
        if (k >= 0 && k < this.incursionsToday.length) this.incursionsToday[k]! += 1;
      }
    }
  }

  /** Add `x` to a country's severity (ignored for an unknown country). */
  add(country: number, x: number): void {
    if (country >= 0 && country < this.value.length) this.value[country] = this.value[country]! + x;
  }
}
