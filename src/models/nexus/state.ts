/**
 * The state of one nexus run: the drug-route economy's (models/economy/state.ts), the armed side
 * (models/nexus/armed/state.ts) and the people (models/nexus/people.ts) on its world, with the
 * run's own books: the heroin flow bands and route-control read, and days under insurgent
 * influence. Built without the schedule; the day's order is models/nexus/schedule.ts. The armed
 * side reaches the economy through its hooks (models/economy/hooks.ts): held cells are tolls on
 * route cost and levies on passing loads, alliance coverage multiplies detection, escorts fight
 * the units that stop their loads.
 */
import { createRecorder, type Recorder } from "../../engine/recorder.js";
import type { RngHub } from "../../engine/rng.js";
import type { World } from "../../worlds/types.js";
import type { EconomyHooks } from "../economy/hooks.js";
import { Economy } from "../economy/state.js";
import { planFirst } from "../economy/steps/plan.js";
import { orgLaunch } from "./armed/launch.js";
import { Armed } from "./armed/state.js";
import { Officials } from "./officials/officials.js";
import type { NexusModelParams } from "./params.js";
import { People } from "./people.js";

/** The state of one nexus run (tests check invariants after every tick). */
export class Nexus {
  /** The drug-route economy. */
  readonly economy: Economy;
  /** Bands, alliance, clashes and attribution. */
  readonly armed: Armed;
  /** Citizens, arrests and legitimacy. */
  readonly people: People;
  /** Strongmen who protect the trade, the centre's purges, traffickers who fight. */
  readonly officials: Officials;
  /** The run's event table (violent events, crackdowns). */
  readonly recorder: Recorder;
  /** The world. */
  readonly world: World;
  /** What the armed side adds to the economy's day (tolls, levies, detection, escorts). */
  readonly hooks: EconomyHooks;
  /** Days each province spent under insurgent influence. */
  readonly influenceDays: Float64Array;
  /** Corruption per province (the country's override, else the province table's). */
  readonly corruption: Float64Array;
  private readonly flowSeen: Float64Array;
  private readonly present: Float64Array;

  /** Set up on the world `params.world` names, every mechanism drawing from its own stream of `hub`. */
  constructor(
    readonly params: NexusModelParams,
    hub: RngHub,
  ) {
    this.recorder = createRecorder();
    const e = new Economy(params, hub);
    const w = e.world;
    this.economy = e;
    this.world = w;
    this.people = new People(w, params, hub);
    this.armed = new Armed({
      world: w,
      params,
      hub,
      events: this.recorder.events,
      graph: e.graph,
      orgs: orgLaunch(w, e.orgs.home),
      actives: this.people.actives,
    });
    this.officials = new Officials({
      world: w,
      params: params.officials,
      hub,
      clash: this.armed.clash,
      tax: this.armed.st.tax,
      purge: { legitimacy: this.people.legitimacy },
    });
    this.hooks = this.officials.hooks(this.armed.hooks());
    this.influenceDays = new Float64Array(w.provinces.length);
    this.present = new Float64Array(w.provinces.length);
    this.flowSeen = new Float64Array(w.grid.size);
    this.corruption = Float64Array.from(w.provinces, (q) => {
      const code = q.country as keyof NexusModelParams["security"];
      return params.security[code]?.corruption ?? q.corruption;
    });
    planFirst(e, this.hooks.toll);
    this.seedFlow();
  }

  /** The people step: citizens read today's security and act, units arrest, inmates return, legitimacy steps. */
  stepPeople(day: number): void {
    const { people: pp, armed: a } = this;
    pp.setSecurity(a.hostiles.personnel, a.clashRules.personnelPerUnit);
    pp.actAll();
    pp.arrest(this.economy.units, day);
    pp.endDay(a.attribution.misCrackdownsToday, this.corruption);
    // Those radicalised by misattributed crackdowns swell tomorrow's recruitment pool.
    const aggrieved = a.attribution.aggrieved;
    for (let q = 0; q < aggrieved.length; q++) pp.actives[q]! += aggrieved[q]!;
  }

  /** The flow step, ending the day: fold today's flow in; count provinces under insurgent influence. */
  stepFlow(): void {
    this.foldFlow();
    const a = this.armed;
    const w = this.world;
    this.present.fill(0);
    const { cell, fighters } = a.bands.col;
    const ids = a.bands.order();
    for (let i = 0; i < ids.length; i++) {
      const q = w.province[cell[ids[i]!]!]!;
      if (q >= 0) this.present[q]! += fighters[ids[i]!]!;
    }
    for (const c of a.st.tax.held) {
      const q = w.province[c]!;
      if (q >= 0) this.present[q] = Math.max(this.present[q]!, this.params.influenceFighters);
    }
    for (let q = 0; q < this.present.length; q++)
      if (this.present[q]! >= this.params.influenceFighters) this.influenceDays[q]! += 1;
  }

  /** Fold today's flow (the cumulative kg per cell the books hold, less what was seen) into the decayed daily mean. */
  private foldFlow(): void {
    const cumulative = this.economy.ledger.flowByCell;
    const { flow } = this.armed;
    const previous = this.flowSeen;
    const k = Math.exp(-1 / this.params.flowMemoryDays);
    for (let c = 0; c < flow.length; c++) {
      flow[c] = flow[c]! * k + (cumulative[c]! - previous[c]!) * (1 - k);
      previous[c] = cumulative[c]!;
    }
  }

  /**
   * Before day 1 nothing has moved, yet bands and route-control positions read the flow: start it
   * at what the organisations' first plans imply, each one's daily supply split over markets by
   * demand along its planned route to each.
   */
  private seedFlow(): void {
    const e = this.economy;
    const w = this.world;
    const flow = this.armed.flow;
    const M = e.markets.length;
    const demand = w.markets.map(([q]) => w.provinces[q]!.market!.demandKgPerDay);
    const total = demand.reduce((s, d) => s + d, 0);
    const launch = orgLaunch(w, e.orgs.home);
    for (let o = 0; o < e.orgs.n; o++) {
      for (let m = 0; m < M; m++) {
        const plan = e.orgs.plans[o * M + m]!;
        const kg = (launch.kgPerDay[o]! * demand[m]!) / total;
        for (let c = plan.origin, steps = 0; c >= 0 && steps < w.grid.size; c = plan.next[c]!, steps++)
          flow[c]! += kg;
      }
    }
  }
}
