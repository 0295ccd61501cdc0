/**
 * Alliance forces: the CSTO Collective Rapid-Response Force and SCO RATS contingents. A force has
 * nominal troops, a readiness (the share formed into deployable contingents), mobility, a
 * troop-day budget, member countries, a posture mix and invitations. Contingents are an engine
 * store. Each day (`allianceDay`): activation per force and country (non-interference: a member
 * only on invitation or when incident severity reaches the threshold; never a non-member),
 * recall from countries no longer allowed, re-planning of positions (models/nexus/alliance/deploy.ts) when the
 * allowed set changes or every `replanDays`, the budget (recall until today's troops fit), transit,
 * then the troop-days spent. A contingent is either in reserve or in transit (cell −1) or at a cell
 * of a country its force may be in, so the invariants hold by construction and tests check them.
 */
import { type AgentStore, createAgentStore } from "../../../engine/agents.js";
import type { RngStream } from "../../../engine/rng.js";
import type { World } from "../../../worlds/types.js";
import type { MoveLog } from "../bands/move.js";
import { planPositions } from "./deploy.js";

/** Postures, in code order (a contingent's `posture` column indexes this list). */
export const POSTURES = ["incursion-drill", "route-control"] as const;
/** Code of `incursion-drill`: blocking positions at crossings onto the front country. */
export const POSTURE_DRILL = 0;
/** Code of `route-control`: spread along trafficking corridors with the drug agencies. */
export const POSTURE_ROUTE = 1;

/** A country's invitation to a force, valid on days fromDay..toDay (inclusive). */
export interface Invitation {
  country: number;
  fromDay: number;
  toDay: number;
}

/** One alliance force, resolved against a world (country indices, base cell). */
export interface Force {
  name: string;
  /** Nominal troops. */
  troops: number;
  /** Share of nominal troops formed into deployable contingents. */
  readiness: number;
  /** Troops per contingent. */
  contingentSize: number;
  /** Cells a contingent covers per day of transit. */
  mobility: number;
  /** Troop-days the force may spend in the run. */
  budget: number;
  /** 1 per member country index. */
  member: Uint8Array;
  /** Cell contingents set out from when in reserve. */
  base: number;
  /** Share of contingents on incursion-drill (the rest on route-control). */
  drillShare: number;
  /** Classification skill (chance an armed group met is labelled correctly). */
  skill: number;
  /** Force quality in clashes (1 = state security units). */
  quality: number;
  /** Invitations. */
  invitations: readonly Invitation[];
}

/** Rules shared by all forces. */
export interface AllianceRules {
  /** CSTO–SCO coordination in [0, 1]: chance a pick avoids cells another force already covers. */
  coordination: number;
  /** Incident severity at which a member may be entered without invitation. */
  threshold: number;
  /** Days between routine re-plans. */
  replanDays: number;
  /** Days over which a force spreads its budget: it keeps at most (budget − spent) / days left deployed. */
  horizonDays: number;
  /** Country index drills face (Afghanistan), −1 for none. */
  front: number;
  /** Coverage radius per posture code, cells. */
  radius: readonly number[];
  /** Detection multiplier gain per posture code where covered. */
  detectionBoost: readonly number[];
  /** Classification skill added by route-control's shared intelligence. */
  intelBonus: number;
}

/** Columns of a contingent. */
export const CONTINGENT_SCHEMA = {
  force: "u8",
  troops: "i32",
  posture: "u8",
  cell: "i32",
  target: "i32",
  transit: "i32",
} as const;

/** The store of contingents. */
export type Contingents = AgentStore<typeof CONTINGENT_SCHEMA>;

/** Contingents of every force, in reserve: ⌊troops × readiness / size⌋ each, the first drillShare on drill. */
export function createContingents(forces: readonly Force[]): Contingents {
  const store = createAgentStore("contingent", CONTINGENT_SCHEMA, 16);
  forces.forEach((f, fi) => {
    const n = Math.floor((f.troops * f.readiness) / f.contingentSize);
    const drill = Math.round(n * f.drillShare);
    for (let i = 0; i < n; i++) {
      const k = store.stage();
      const s = store.staged;
      s.force[k] = fi;
      s.troops[k] = f.contingentSize;
      s.posture[k] = i < drill ? POSTURE_DRILL : POSTURE_ROUTE;
      s.cell[k] = -1;
      s.target[k] = -1;
    }
  });
  store.flush();
  return store;
}

/** Incident severity per country: a decaying count of incidents (events labelled terrorist, incursions). */
export class Severity {
  /** Severity per country index. */
  readonly value: Float64Array;

  constructor(countries: number) {
    this.value = new Float64Array(countries);
  }

  /** Forget: every value × exp(−1 / memoryDays). */
  decay(memoryDays: number): void {
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
      if (k !== world.country[log.from[i]!] && k !== homeCountry[b])
        this.add(k, (per100 * fighters[b]!) / 100);
    }
  }

  /** Add `x` to a country's severity (ignored for an unknown country). */
  add(country: number, x: number): void {
    if (country >= 0 && country < this.value.length) this.value[country] = this.value[country]! + x;
  }
}

/** Whether force `f` may be in country `k` on `day`: a member that invited it or passed the threshold. */
export function mayDeploy(
  f: Force,
  k: number,
  day: number,
  severity: ArrayLike<number>,
  threshold: number,
): boolean {
  if (k < 0 || f.member[k] !== 1) return false;
  if ((severity[k] ?? 0) >= threshold) return true;
  return f.invitations.some((i) => i.country === k && i.fromDay <= day && day <= i.toDay);
}

/** Per-run alliance state. */
export class AllianceState {
  /** Allowed flag per force × country (index f × countries + k), as of today. */
  readonly allowed: Uint8Array;
  /** Troop-days spent per force. */
  readonly spent: Float64Array;
  /** Contingents recalled (activation lost or budget spent). */
  recalls = 0;
  /** Re-plans done. */
  plans = 0;
  private lastPlan = Number.NEGATIVE_INFINITY;
  private readonly previous: Uint8Array;

  constructor(
    forces: number,
    readonly countries: number,
  ) {
    this.allowed = new Uint8Array(forces * countries);
    this.previous = new Uint8Array(forces * countries);
    this.spent = new Float64Array(forces);
  }

  /** Recompute today's allowed flags; true if they changed or a routine re-plan is due. */
  update(forces: readonly Force[], r: AllianceRules, day: number, severity: ArrayLike<number>): boolean {
    this.previous.set(this.allowed);
    forces.forEach((f, fi) => {
      for (let k = 0; k < this.countries; k++) {
        this.allowed[fi * this.countries + k] = mayDeploy(f, k, day, severity, r.threshold) ? 1 : 0;
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

/** Whether contingent `id` counts as deployed today (in transit or in position). */
export function isDeployed(store: Contingents, id: number): boolean {
  return store.col.troops[id]! > 0 && (store.col.cell[id]! >= 0 || store.col.transit[id]! > 0);
}

/** One day of the alliance phase (see the file comment). `flow` (kg/day per cell) guides route-control. */
export function allianceDay(
  store: Contingents,
  forces: readonly Force[],
  r: AllianceRules,
  st: AllianceState,
  world: World,
  severity: ArrayLike<number>,
  flow: ArrayLike<number>,
  day: number,
  rng: RngStream,
): void {
  const replan = st.update(forces, r, day, severity);
  const K = st.countries;
  const c = store.col;
  const ids = store.order();
  for (const id of ids) {
    const place = c.target[id]! >= 0 ? c.target[id]! : c.cell[id]!;
    if (c.troops[id]! <= 0 || (place >= 0 && st.allowed[c.force[id]! * K + world.country[place]!] !== 1)) {
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
  if (replan) planPositions(store, forces, r, st.allowed, world, flow, cap, rng);
  forces.forEach((_, fi) => {
    let today = 0;
    for (const id of ids) if (c.force[id] === fi && isDeployed(store, id)) today += c.troops[id]!;
    for (let i = ids.length - 1; i >= 0 && today > cap[fi]!; i--) {
      const id = ids[i]!;
      if (c.force[id] !== fi || !isDeployed(store, id)) continue;
      today -= c.troops[id]!;
      recall(store, id, st);
    }
    st.spent[fi] = st.spent[fi]! + today;
  });
  for (const id of ids) {
    if (c.transit[id]! <= 0) continue;
    c.transit[id] = c.transit[id]! - 1;
    if (c.transit[id] === 0) c.cell[id] = c.target[id]!;
  }
}
