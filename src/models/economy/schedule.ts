/**
 * The drug-route economy's day: one tick, these steps in this order.
 *
 *   events    crossings the scenario closes today close; organisations re-plan around them
 *   produce   producing provinces add their harvest to stock
 *   dispatch  organisations buy at the source and send loads to markets
 *   patrol    security units move; the presence layer is rebuilt
 *   move      loads move along their planned routes
 *   interdict loads are detected where units are present, then bribe, are escorted or are seized
 *   deliver   loads at their market sell at the day's price
 *   markets   markets close the day and set prices with a risk premium
 *   plan      risk memories fade; organisations due for review re-plan
 *
 * Stores flush after every step, so loads sent today move today and loads seized are gone before
 * delivery. The nexus model runs these same steps inside its own day (models/nexus/schedule.ts),
 * reaching into them through the hooks (models/economy/hooks.ts).
 */
import { createRngHub } from "../../engine/rng.js";
import { createSimulation, type Flushable, type Phase, type Simulation } from "../../engine/schedule.js";
import { type DispatchState, dispatchDay, marketSizeTerms } from "./dispatch.js";
import type { EconomyHooks } from "./hooks.js";
import { deliverDay, type InterdictionState, interdictDay } from "./interdiction.js";
import type { EconomyParams } from "./params.js";
import { patrolDay } from "./security/units.js";
import { moveDay } from "./shipments.js";
import { Economy } from "./state.js";
import { eventsDay } from "./steps/events.js";
import { closeMarketsDay } from "./steps/markets.js";
import { planDay } from "./steps/plan.js";
import { produceDay } from "./steps/produce.js";

/** The economy's day over state `e`, in order (see the file comment); `hooks` are an embedding model's. */
export function economySteps(e: Economy, hooks: EconomyHooks = {}): Phase[] {
  const { world, orgs, ledger, ships, units, presence, markets, visits, rng } = e;
  const toll = hooks.toll;
  const M = markets.length;
  const nextOf = (o: number, m: number) => orgs.plans[o * M + m]!.next;
  const order = new Int32Array(orgs.n);
  const tr = e.params.traffickers;
  const dispatch: DispatchState = {
    world,
    orgs,
    ledger,
    markets,
    ships,
    speed: e.speed,
    orgRngs: rng.orgs,
    sourcePrice: tr.sourcePriceUsdPerKg,
    temperature: tr.choiceTemperatureUsdPerKg,
    profit: new Float64Array(M),
    sizeTerm: marketSizeTerms(markets, tr.choiceSizeWeight),
  };
  const { exposure, crossingOf, params: p } = e;
  const interdiction: InterdictionState = {
    world,
    ships,
    units,
    orgs,
    ledger,
    presence,
    exposure,
    crossingOf,
    markets,
    visits,
    p,
    hooks,
  };
  const seized = { seizedWindow: e.seizedWindow, rng: rng.detect };
  return [
    { name: "events", run: (day) => eventsDay(e, day, toll) },
    { name: "produce", run: () => produceDay(world, ledger) },
    { name: "dispatch", run: () => dispatchDay(dispatch, order, rng.trade) },
    { name: "patrol", run: (day) => patrolDay(units, world, presence, day, rng.patrol) },
    { name: "move", run: () => moveDay(ships, world, e.speed, nextOf, visits) },
    { name: "interdict", run: () => interdictDay(interdiction, seized) },
    { name: "deliver", run: () => deliverDay(ships, orgs, markets, ledger, e.deliveredWindow) },
    { name: "markets", run: (day) => closeMarketsDay(e, day) },
    { name: "plan", run: (day) => planDay(e, day, toll) },
  ];
}

/** The economy's stores, flushed after every step in this order. */
export function economyStores(e: Economy): Flushable[] {
  return [e.ships, e.units];
}

/** One economy run: its state and the locked-tick simulation of its day. */
export interface EconomyRun {
  /** The run's state. */
  economy: Economy;
  /** Its simulation, one tick a day. */
  simulation: Simulation;
}

/** Set up one economy run on seed `seed`; `after` runs after each day (record series there). */
export function economyRun(p: EconomyParams, seed: number, after?: (tick: number) => void): EconomyRun {
  const economy = new Economy(p, createRngHub(seed));
  const simulation = createSimulation({
    phases: economySteps(economy),
    stores: economyStores(economy),
    ...(after ? { after } : {}),
  });
  return { economy, simulation };
}
