/**
 * One nexus run: the drug-route economy (models/economy/economy.ts) with the armed side (models/nexus/armed.ts) and the
 * people (models/nexus/people.ts) around it, on the locked tick, one tick a day. Phases, in this order:
 * alliance → hostiles → bands → clashes → [economy: events → produce → dispatch → patrol → move →
 * interdict → deliver → markets → plan] → escort-fees → severity → people (citizens act, units
 * arrest, inmates return, legitimacy steps) → flow and influence. Bands reach the economy through
 * its hooks (models/economy/hooks.ts): held cells are tolls on route cost and levies on passing loads,
 * alliance coverage multiplies detection, escorts fight the units that stop their loads.
 */
import { createRecorder, type Recorder } from "../../engine/recorder.js";
import { createRngHub } from "../../engine/rng.js";
import type { Simulation } from "../../engine/schedule.js";
import type { World } from "../../worlds/types.js";
import { Economy } from "../economy/economy.js";
import { Armed, orgLaunch } from "./armed.js";
import type { NexusModelParams } from "./params.js";
import { People } from "./people.js";

/** The state of one nexus run, steppable tick by tick (tests check invariants after every tick). */
export class Nexus {
  readonly economy: Economy;
  readonly armed: Armed;
  readonly people: People;
  readonly recorder: Recorder;
  readonly world: World;
  readonly simulation: Simulation;
  /** Days each province spent under insurgent influence. */
  readonly influenceDays: Float64Array;
  /** Corruption per province (the country's override, else the province table's). */
  readonly corruption: Float64Array;
  private readonly flowSeen: Float64Array;
  private readonly present: Float64Array;

  constructor(
    readonly params: NexusModelParams,
    seed: number,
    after?: (tick: number) => void,
  ) {
    const hub = createRngHub(seed);
    const recorder = createRecorder();
    this.recorder = recorder;
    let armed: Armed | undefined;
    let people: People | undefined;
    this.economy = new Economy(params, seed, after, (e) => {
      const w = e.world;
      people = new People(w, params, hub);
      armed = new Armed(w, params, hub, recorder.events, e.graph, orgLaunch(w, e.orgs.home), people.actives);
      const a = armed;
      const pp = people;
      return {
        ...a.hooks(),
        stores: [a.bands, a.contingents, pp.pop.citizens, pp.pop.inmates],
        before: a.phasesBefore(() => e.units),
        after: [
          ...a.phasesAfter(() => e.orgs.capital),
          {
            name: "people",
            run: (day) => {
              pp.setSecurity(a.hostiles.personnel, a.clashRules.personnelPerUnit);
              pp.actAll();
              pp.arrest(e.units, day);
              pp.endDay(a.attribution.misCrackdownsToday, this.corruption);
            },
          },
          { name: "flow", run: () => this.endDay() },
        ],
      };
    });
    this.armed = armed!;
    this.people = people!;
    this.world = this.economy.world;
    this.simulation = this.economy.simulation;
    const w = this.world;
    this.influenceDays = new Float64Array(w.provinces.length);
    this.present = new Float64Array(w.provinces.length);
    this.flowSeen = new Float64Array(w.grid.size);
    this.corruption = Float64Array.from(w.provinces, (q) => {
      const code = q.country as keyof NexusModelParams["security"];
      return params.security[code]?.corruption ?? q.corruption;
    });
    this.economy.prepare();
    this.seedFlow();
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

  /** End of day: fold today's flow in; count provinces under insurgent influence. */
  private endDay(): void {
    const a = this.armed;
    a.updateFlow(this.economy.ledger.flowByCell, this.flowSeen);
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
}
