/**
 * Non-interference as two decisions (targets.md §4 "CSTO deployments", pattern P10). Every
 * `decisionDays`, for each force and each member country without a standing invitation:
 *
 *   the host invites   when its threat reaches activationThreshold × its sovereignty cost, the
 *                      threat being incident severity (severity.ts) plus `massPer100` per 100
 *                      fighters standing in the front country within `massRadius` cells of its
 *                      border (a column it cannot stop alone); the sovereignty cost is the price
 *                      of foreign troops on its soil (Uzbekistan left the CSTO in 2012,
 *                      Turkmenistan is neutral);
 *   the alliance accepts when what it believes of the threat there is ideological (the share of
 *                      recent attacks its host labels terrorist, incursions counting as
 *                      ideological, at least `acceptIdeological`) and the force has at least
 *                      `budgetReserve` of its troop-days left; otherwise it refuses (the CSTO
 *                      declined Kyrgyzstan's request of June 2010 as an "internal conflict").
 *
 * An accepted invitation lets the force deploy in that country until the next decision. The
 * alliance's belief is built from the host's labels, so a state that calls criminal violence
 * terrorism brings its allies in (and keeps them drilling: models/nexus/alliance/belief.ts).
 */
import type { World } from "../../../worlds/types.js";
import type { Bands } from "../bands/store.js";
import type { Belief } from "./belief.js";
import type { Force } from "./forces.js";

/** The parameters of the two decisions. */
export interface ConsentRules {
  /** Days between decisions. */
  decisionDays: number;
  /** Threat at which a host of sovereignty cost 1 invites. */
  threshold: number;
  /** Sovereignty cost per country index (the threshold's multiplier). */
  sovereignty: Float64Array;
  /** Cells around a country within which fighters massed in the front country threaten it. */
  massRadius: number;
  /** Threat per 100 fighters massed across the border. */
  massPer100: number;
  /** Least believed ideological share at which the alliance accepts. */
  acceptIdeological: number;
  /** Least share of the force's troop-day budget left at which it accepts. */
  budgetReserve: number;
  /** Country index of the front (−1: none, no massing threat). */
  front: number;
}

/** Decisions to invite and to accept, per force × country, and their counts. */
export class Consent {
  /** 1 where force f may be in country k by an accepted invitation (index f × countries + k). */
  readonly accepted: Uint8Array;
  /** Fighters massed in the front country within reach of each country's border, at the last decision. */
  readonly massed: Float64Array;
  /** Host decisions to invite a force. */
  invitations = 0;
  /** Invitations the force accepted. */
  acceptances = 0;
  /** Invitations the force refused. */
  refusals = 0;
  private readonly touched: Uint8Array;

  /** Days between decisions. */
  get decisionDays(): number {
    return this.r.decisionDays;
  }

  constructor(
    forces: number,
    private readonly world: World,
    private readonly r: ConsentRules,
  ) {
    const K = world.countries.length;
    this.accepted = new Uint8Array(forces * K);
    this.massed = new Float64Array(K);
    this.touched = new Uint8Array(K);
  }

  /** Fighters of bands standing in the front country within `massRadius` of each other country. */
  measureMassing(bands: Bands): void {
    const { world: w, r } = this;
    this.massed.fill(0);
    if (r.front < 0) return;
    const g = w.grid;
    const { cell, fighters } = bands.col;
    const ids = bands.order();
    for (let i = 0; i < ids.length; i++) {
      const at = cell[ids[i]!]!;
      if (at < 0 || w.country[at] !== r.front) continue;
      this.touched.fill(0);
      const x = g.x(at);
      const y = g.y(at);
      for (let dy = -r.massRadius; dy <= r.massRadius; dy++) {
        for (let dx = -r.massRadius; dx <= r.massRadius; dx++) {
          const v = g.at(x + dx, y + dy);
          if (v >= 0 && w.country[v]! >= 0 && w.countries[w.country[v]!] !== "")
            this.touched[w.country[v]!] = 1;
        }
      }
      for (let k = 0; k < this.touched.length; k++)
        if (this.touched[k] === 1 && k !== r.front) this.massed[k]! += fighters[ids[i]!]!;
    }
  }

  /** The threat host k sees: severity plus the massing across its border. */
  threat(k: number, severity: ArrayLike<number>): number {
    return (severity[k] ?? 0) + (this.r.massPer100 * this.massed[k]!) / 100;
  }

  /**
   * Decide (the caller runs it on day 0, then every decisionDays, after measuring the massing):
   * each host invites or not, each force accepts or refuses (see the file comment). `spent` is
   * troop-days spent per force.
   */
  decide(
    day: number,
    forces: readonly Force[],
    severity: ArrayLike<number>,
    belief: Belief,
    spent: ArrayLike<number>,
  ): void {
    const K = this.world.countries.length;
    this.accepted.fill(0);
    forces.forEach((f, fi) => {
      const left = f.budget > 0 ? 1 - spent[fi]! / f.budget : 0;
      for (let k = 0; k < K; k++) {
        if (f.member[k] !== 1 || standing(f, k, day)) continue;
        if (this.threat(k, severity) < this.r.threshold * this.r.sovereignty[k]!) continue;
        this.invitations++;
        if (belief.ideological(k) >= this.r.acceptIdeological && left >= this.r.budgetReserve) {
          this.accepted[fi * K + k] = 1;
          this.acceptances++;
        } else this.refusals++;
      }
    });
  }
}

/** Whether force f holds a standing invitation (treaty basing) from country k on `day`. */
export function standing(f: Force, k: number, day: number): boolean {
  return f.invitations.some((i) => i.country === k && i.fromDay <= day && day <= i.toDay);
}
