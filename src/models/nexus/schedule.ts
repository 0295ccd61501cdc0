/**
 * The nexus model's day: one tick, these steps in this order.
 *
 *   alliance     a new day's books; severity fades; forces activate, deploy and rebuild coverage
 *   hostiles     state and alliance personnel per cell today
 *   bands        funding and upkeep; motive drift; every band chooses, moves and acts (tax cells,
 *                escorts, strikes, recruits), halting at a border where blocking troops stand
 *   clashes      crossings at a blocking screen, today's strikes, then encounters with hostiles;
 *                the day's incursions raise severity
 *   officials    strongmen's revenue, their attacks on rival bands, the centre's purges, today's shield
 *   the economy's day (models/economy/schedule.ts): events → produce → dispatch → patrol → move →
 *                interdict → deliver → markets → plan, with the armed side's hooks: tolls on route
 *                cost, levies on passing loads, alliance detection, escorts fighting patrols
 *   escort-fees  organisations pay their escorts
 *   severity     today's events labelled terrorist raise incident severity per country
 *   people       citizens act, units arrest, inmates return, legitimacy steps
 *   flow         today's flow folds into the mean bands read; provinces under influence are counted
 *
 * Stores flush after every step. `nexusDay` is the one place this order is written: the model
 * runs it with the economy's real steps, mechanism tests with stand-ins for the economy and people.
 */

import { createRngHub } from "../../engine/rng.js";
import type { Flushable, Phase, Simulation } from "../../engine/schedule.js";
import { createSimulation } from "../../engine/schedule.js";
import { economySteps, economyStores } from "../economy/schedule.js";
import type { Units } from "../economy/security/units.js";
import type { Armed } from "./armed/state.js";
import type { NexusModelParams } from "./params.js";
import { Nexus } from "./state.js";

/** What a nexus day is made of: the armed side, the economy's steps (or a stand-in) and the closing steps. */
export interface NexusDayParts {
  /** The armed side, whose steps open and follow the economy's. */
  armed: Armed;
  /** State security units (hostile presence counts them). */
  units: Units;
  /** Trafficking organisations' capital, USD (escort fees are paid from it). */
  orgCapital: Float64Array;
  /** The economy's day, in its own order. */
  economy: Phase[];
  /** The people step. */
  people: (day: number) => void;
  /** The flow step that ends the day. */
  flow: (day: number) => void;
  /** The officials step (strongmen and purges, models/nexus/officials/officials.ts); none in stand-ins. */
  officials?: (day: number) => void;
}

/** The nexus day in order (see the file comment). */
export function nexusDay(d: NexusDayParts): Phase[] {
  const a = d.armed;
  return [
    { name: "alliance", run: (day) => a.stepAlliance(day) },
    { name: "hostiles", run: (day) => a.stepHostiles(d.units, day) },
    { name: "bands", run: () => a.stepBands() },
    { name: "clashes", run: (day) => a.stepClashes(day) },
    ...(d.officials ? [{ name: "officials", run: d.officials }] : []),
    ...d.economy,
    { name: "escort-fees", run: () => a.stepEscortFees(d.orgCapital) },
    { name: "severity", run: () => a.stepSeverity() },
    { name: "people", run: d.people },
    { name: "flow", run: d.flow },
  ];
}

/** The armed side's stores, flushed after every step. */
export function armedStores(a: Armed): Flushable[] {
  return [a.bands, a.contingents];
}

/** The day of nexus run `n`: the armed side around the economy's real steps, then its people and flow. */
export function nexusSteps(n: Nexus): Phase[] {
  const e = n.economy;
  return nexusDay({
    armed: n.armed,
    units: e.units,
    orgCapital: e.orgs.capital,
    economy: economySteps(e, n.hooks),
    people: (day) => n.stepPeople(day),
    flow: () => n.stepFlow(),
    officials: (day) => n.officials.step(day),
  });
}

/** Every store of nexus run `n`, in flush order: the economy's, the armed side's, then citizens and inmates. */
export function nexusStores(n: Nexus): Flushable[] {
  const pop = n.people.pop;
  return [...economyStores(n.economy), ...armedStores(n.armed), pop.citizens, pop.inmates];
}

/** One nexus run: its state and the locked-tick simulation of its day. */
export interface NexusRun {
  /** The run's state. */
  nexus: Nexus;
  /** Its simulation, one tick a day. */
  simulation: Simulation;
}

/** Set up one nexus run on seed `seed`; `after` runs after each day (record series there). */
export function nexusRun(p: NexusModelParams, seed: number, after?: (tick: number) => void): NexusRun {
  const nexus = new Nexus(p, createRngHub(seed));
  const simulation = createSimulation({
    phases: nexusSteps(nexus),
    stores: nexusStores(nexus),
    ...(after ? { after } : {}),
  });
  return { nexus, simulation };
}
