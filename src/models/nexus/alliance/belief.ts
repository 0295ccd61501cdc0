/**
 * What the alliance believes the threat is: per country, the share of recent attacks (violent
 * events the state did not start) its host labelled terrorist, armed incursions counting as
 * ideological, both with an exponential memory of `memoryDays` and a prior of one attack at
 * `prior`. It is built from the host's labels, not the truth: a state that calls criminal violence
 * terrorism makes its allies believe the threat is ideological. Two decisions read it: accepting an
 * invitation (consent.ts) and, at each re-plan, how a force splits its contingents between
 * blocking positions and corridors within its posture (`shiftPostures`):
 *
 *   drill share' = drill share + beliefWeight × (believed ideological share − drill share)
 */
import type { Contingents } from "./contingents.js";
import { type Force, POSTURE_DRILL, POSTURE_ROUTE } from "./forces.js";

/** The alliance's belief about the threat, per country. */
export class Belief {
  /** Recent attacks labelled terrorist (plus incursions), decayed, per country. */
  readonly terror: Float64Array;
  /** Recent attacks (plus incursions), decayed, per country. */
  readonly attacks: Float64Array;

  constructor(
    countries: number,
    private readonly prior: number,
    private readonly memoryDays: number,
  ) {
    this.terror = new Float64Array(countries);
    this.attacks = new Float64Array(countries);
  }

  /** Fade, then add today's attacks and those labelled terrorist, and today's incursions (ideological). */
  observe(
    attacksToday: ArrayLike<number>,
    terrorToday: ArrayLike<number>,
    incursionsToday: ArrayLike<number>,
  ): void {
    const k = Math.exp(-1 / this.memoryDays);
    for (let c = 0; c < this.terror.length; c++) {
      this.terror[c] = this.terror[c]! * k + terrorToday[c]! + incursionsToday[c]!;
      this.attacks[c] = this.attacks[c]! * k + attacksToday[c]! + incursionsToday[c]!;
    }
  }

  /** Believed ideological share of the threat in country k, in [0, 1]. */
  ideological(k: number): number {
    return (this.terror[k]! + this.prior) / (this.attacks[k]! + 1);
  }

  /** Believed ideological share over countries flagged 1 in `where` (the region-wide belief if none is). */
  ideologicalOver(where: ArrayLike<number>): number {
    let t = 0;
    let a = 0;
    let any = false;
    for (let k = 0; k < this.terror.length; k++) {
      if (where[k] !== 1) continue;
      any = true;
      t += this.terror[k]!;
      a += this.attacks[k]!;
    }
    if (!any)
      for (let k = 0; k < this.terror.length; k++) {
        t += this.terror[k]!;
        a += this.attacks[k]!;
      }
    return (t + this.prior) / (a + 1);
  }
}

/** A force's drill share moved toward the believed ideological share by `weight` (see the file comment). */
export function shiftedDrillShare(drillShare: number, believed: number, weight: number): number {
  return Math.min(1, Math.max(0, drillShare + weight * (believed - drillShare)));
}

/**
 * Re-assign each force's contingents to postures: the first round(n × shifted share) on drill, the
 * rest on route-control. `believed[f]` is force f's believed ideological share. Returns the
 * contingents that changed posture (each goes where its new posture's plan sends it).
 */
export function shiftPostures(
  store: Contingents,
  forces: readonly Force[],
  believed: ArrayLike<number>,
  weight: number,
): number {
  const col = store.col;
  const ids = store.order();
  let changed = 0;
  forces.forEach((f, fi) => {
    if (f.garrison) return; // a force kept at base has no posture to shift
    let n = 0;
    for (const id of ids) if (col.force[id] === fi) n++;
    const drill = Math.round(n * shiftedDrillShare(f.drillShare, believed[fi]!, weight));
    let i = 0;
    for (const id of ids) {
      if (col.force[id] !== fi) continue;
      const p = i++ < drill ? POSTURE_DRILL : POSTURE_ROUTE;
      if (col.posture[id] !== p) changed++;
      col.posture[id] = p;
    }
  });
  return changed;
}
