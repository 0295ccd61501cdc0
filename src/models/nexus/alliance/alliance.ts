/**
 * The alliance's day. A force has nominal troops, a readiness (the share formed into deployable
 * contingents), mobility, a troop-day budget, member countries, a posture mix and invitations
 * (forces.ts); its contingents are an engine store (contingents.ts). Each day (`allianceDay`):
 * activation per force and country (non-interference: a member only on a standing invitation or
 * one it accepted, consent.ts; never a non-member), recall from
 * countries no longer allowed, re-planning of positions (deploy.ts) when the allowed set changes
 * or every `replanDays` (first moving contingents between drill and route-control toward what the
 * alliance believes the threat is, belief.ts), the budget (recall until today's troops fit), transit, then the
 * troop-days spent. A contingent is either in reserve or in transit (cell −1) or at a cell of a
 * country its force may be in, so the invariants hold by construction and tests check them.
 */
import type { RngStream } from "../../../engine/rng.js";
import { type Belief, shiftPostures } from "./belief.js";
import { standing } from "./consent.js";
import { type Contingents, isDeployed } from "./contingents.js";
import { type Deployment, planPositions } from "./deploy.js";
import { type AllianceRules, type Force, POSTURE_DRILL } from "./forces.js";

/** Whether force `f` may be in country `k` on `day`: a member with a standing invitation or an accepted one. */
export function mayDeploy(f: Force, k: number, day: number, accepted: ArrayLike<number>): boolean {
  if (k < 0 || f.member[k] !== 1) return false;
  return accepted[k] === 1 || standing(f, k, day);
}

/** Per-run alliance state. */
export class AllianceState {
  /** Allowed flag per force × country (index f × countries + k), as of today. */
  readonly allowed: Uint8Array;
  /**
   * Allowed flag for route-control positions: with the Kanal mandate every member (the CSTO's
   * standing anti-drug operation runs with each member's drug agencies, targets.md §4), else `allowed`.
   */
  readonly allowedRoute: Uint8Array;
  /** Troop-days spent per force: ready troops kept (in position or on standby), within the budget. */
  readonly spent: Float64Array;
  /** Troop-days deployed per force (in transit or in position). */
  readonly deployed: Float64Array;
  /** Contingents recalled (activation lost or budget spent). */
  recalls = 0;
  /** Troops sent to refill contingents after losses. */
  replaced = 0;
  /** Re-plans done. */
  plans = 0;
  /** Contingents moved between drill and route-control by the alliance's belief (belief.ts). */
  shifted = 0;
  private lastPlan = Number.NEGATIVE_INFINITY;
  private readonly previous: Uint8Array;

  constructor(
    forces: number,
    readonly countries: number,
  ) {
    this.allowed = new Uint8Array(forces * countries);
    this.previous = new Uint8Array(forces * countries);
    this.allowedRoute = new Uint8Array(forces * countries);
    this.spent = new Float64Array(forces);
    this.deployed = new Float64Array(forces);
  }

  /** Recompute today's allowed flags; true if they changed or a routine re-plan is due. */
  update(forces: readonly Force[], r: AllianceRules, day: number, accepted: Uint8Array): boolean {
    this.previous.set(this.allowed);
    const K = this.countries;
    forces.forEach((f, fi) => {
      const row = accepted.subarray(fi * K, fi * K + K);
      for (let k = 0; k < K; k++) {
        const i = fi * K + k;
        this.allowed[i] = mayDeploy(f, k, day, row) ? 1 : 0;
        this.allowedRoute[i] = r.kanal && f.member[k] === 1 ? 1 : this.allowed[i]!;
      }
    });
    let changed = false;
    for (let i = 0; i < this.allowed.length; i++) if (this.allowed[i] !== this.previous[i]) changed = true;
    if (changed || day - this.lastPlan >= r.replanDays) {
      this.lastPlan = day;
      this.plans++;
      return true;
    }
    return false;
  }
}

/** Send contingent `id` back to reserve. */
function recall(store: Contingents, id: number, st: AllianceState): void {
  const c = store.col;
  if (c.cell[id]! >= 0 || c.transit[id]! > 0 || c.target[id]! >= 0) st.recalls++;
  c.cell[id] = -1;
  c.target[id] = -1;
  c.transit[id] = 0;
}

/** What the alliance's day reads and writes (built once per run; `flow` guides route-control). */
export interface AllianceDay extends Deployment {
  /** Activation, budget and recall state. */
  state: AllianceState;
  /** 1 where force f may be in country k by an accepted invitation (index f × countries + k; consent.ts). */
  accepted: Uint8Array;
  /** What the alliance believes the threat is (belief.ts): shifts drill shares at each re-plan. */
  belief: Belief;
}

/** One day of the alliance phase (see the file comment). */
export function allianceDay(a: AllianceDay, day: number, rng: RngStream): void {
  const { contingents: store, forces, rules: r, state: st, world } = a;
  const replan = st.update(forces, r, day, a.accepted);
  const K = st.countries;
  const c = store.col;
  const ids = store.order();
  // Losses are replaced from the force's nominal troops overnight, so postures that fight and
  // postures that do not spend the same troop-days (the comparison the study makes is at equal cost).
  for (const id of ids) {
    const size = forces[c.force[id]!]!.contingentSize;
    if (c.troops[id]! < size) {
      st.replaced += size - c.troops[id]!;
      c.troops[id] = size;
    }
  }
  for (const id of ids) {
    const place = c.target[id]! >= 0 ? c.target[id]! : c.cell[id]!;
    const table = c.posture[id] === POSTURE_DRILL ? st.allowed : st.allowedRoute;
    if (c.troops[id]! <= 0 || (place >= 0 && table[c.force[id]! * K + world.country[place]!] !== 1)) {
      recall(store, id, st);
    }
  }
  // Budget, paced over the horizon (a force that spent its budget by spring has nothing left for
  // autumn): today at most (budget − spent) / days left. Plans stay within it; then the newest
  // deployed contingents are recalled until today's troops fit.
  const cap = forces.map((f, fi) => {
    const left = f.budget - st.spent[fi]!;
    return Math.min(left, left / Math.max(1, r.horizonDays - day));
  });
  if (replan) {
    const believed = forces.map((_, fi) => a.belief.ideologicalOver(st.allowed.subarray(fi * K, fi * K + K)));
    st.shifted += shiftPostures(store, forces, believed, r.postureWeight);
    planPositions(a, st.allowed, cap, rng, st.allowedRoute);
  }
  forces.forEach((_, fi) => {
    let today = 0;
    let ready = 0;
    for (const id of ids) {
      if (c.force[id] !== fi) continue;
      ready += c.troops[id]!;
      if (isDeployed(store, id)) today += c.troops[id]!;
    }
    for (let i = ids.length - 1; i >= 0 && today > cap[fi]!; i--) {
      const id = ids[i]!;
      if (c.force[id] !== fi || !isDeployed(store, id)) continue;
      today -= c.troops[id]!;
      recall(store, id, st);
    }
    // The cost of a posture is the ready troops it keeps, in position or on standby at base, up
    // to what the budget pays for today: the same for every posture, so postures compare at equal cost.
    st.spent[fi] = st.spent[fi]! + Math.min(ready, Math.max(0, cap[fi]!));
    st.deployed[fi] = st.deployed[fi]! + today;
  });
  for (const id of ids) {
    if (c.transit[id]! <= 0) continue;
    c.transit[id] = c.transit[id]! - 1;
    if (c.transit[id] === 0) c.cell[id] = c.target[id]!;
  }
}
