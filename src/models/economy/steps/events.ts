/**
 * Events: crossings the scenario closes on a given day become impassable (infinite carriage cost),
 * and every organisation re-plans around them the same day.
 */
import { findCrossing } from "../../../worlds/crossings.js";
import type { Economy } from "../state.js";
import { replan } from "./plan.js";

/** The events step of `day`: close today's crossings, then re-plan all if anything is to re-plan. */
export function eventsDay(e: Economy, day: number, toll: Float64Array | undefined): void {
  for (const c of e.params.closedCrossings) {
    if (c.fromDay !== day) continue;
    for (const cell of findCrossing(e.crossings, c.crossing)!.cells) e.carriage[cell] = Infinity;
    e.replanAll = true;
  }
  if (e.replanAll) replan(e, day, () => true, toll);
}
