/**
 * Shipments: an engine store, one row per load in transit (organisation, market, kg, cell, days
 * left to the next cell, countries entered). No per-shipment objects and no stored paths: a load
 * follows its organisation's route field toward its market, so a re-plan re-routes loads already
 * on the way. Movement spends one day per tick: a step a → b takes
 * step × (1/speed[a] + 1/speed[b]) / 2 days (step 1 or √2), as in `pathDays`; the cells a load
 * enters today go to a shared scratch list that interdiction then walks.
 */
import { type AgentStore, createAgentStore } from "../../engine/agents.js";
import type { World } from "../../worlds/types.js";
import { isDiagonal } from "./transport.js";

/** Columns of a shipment. */
export const SHIPMENT_SCHEMA = {
  org: "i32",
  market: "i32",
  kg: "f64",
  cell: "i32",
  wait: "f64",
  countries: "u32",
  visitStart: "i32",
  visitLen: "i32",
} as const;

/** The store of shipments. */
export type Shipments = AgentStore<typeof SHIPMENT_SCHEMA>;

/** Create an empty shipment store. */
export function createShipments(capacity: number): Shipments {
  return createAgentStore("shipment", SHIPMENT_SCHEMA, Math.max(64, capacity));
}

/** Days to step from a to b (neighbours) at the given speeds; Infinity if either speed is 0. */
export function stepDays(world: World, speed: ArrayLike<number>, a: number, b: number): number {
  return (isDiagonal(world, a, b) ? Math.SQRT2 : 1) * 0.5 * (1 / speed[a]! + 1 / speed[b]!);
}

/** The cells loads entered today, concatenated; each load owns visitStart..+visitLen. */
export class Visits {
  /** Cells, concatenated. */
  cells = new Int32Array(1024);
  /** Cells used today. */
  length = 0;

  /** Start a new day. */
  reset(): void {
    this.length = 0;
  }

  /** Append a cell. */
  push(c: number): void {
    if (this.length === this.cells.length) {
      const bigger = new Int32Array(this.cells.length * 2);
      bigger.set(this.cells);
      this.cells = bigger;
    }
    this.cells[this.length++] = c;
  }
}

/**
 * Move every load one day along `nextOf(org, market)`; a load at the end of its route (a market
 * cell, or nowhere to go after a closure) stays. Entered cells go to `visits`.
 */
export function moveDay(
  ships: Shipments,
  world: World,
  speed: ArrayLike<number>,
  nextOf: (org: number, market: number) => Int32Array,
  visits: Visits,
): void {
  visits.reset();
  const { org, market, cell, wait, visitStart, visitLen } = ships.col;
  const ids = ships.order();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const next = nextOf(org[id]!, market[id]!);
    let c = cell[id]!;
    let w = wait[id]!;
    let t = 1;
    visitStart[id] = visits.length;
    for (;;) {
      const nx = next[c]!;
      if (nx < 0) {
        w = 0;
        break;
      }
      if (w > t) {
        w -= t;
        break;
      }
      t -= w;
      c = nx;
      visits.push(c);
      const nn = next[c]!;
      w = nn < 0 ? 0 : stepDays(world, speed, c, nn);
    }
    cell[id] = c;
    wait[id] = w;
    visitLen[id] = visits.length - visitStart[id]!;
  }
}
