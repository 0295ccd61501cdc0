/**
 * State security: units in an engine store (station, cell, country, agency, strength, detection
 * effectiveness, corruption, patrol radius and chance, first active day). Each day every active
 * unit patrols (to a random cell of its own country within its radius of its station) or holds,
 * and a per-cell presence layer is rebuilt: the summed detection hazard of the units in the cell
 * and the strongest of them (who makes the stop). Interdiction then reads the layer per cell a
 * shipment enters, so the cost is units + passages, never units × shipments.
 */
import { type AgentStore, createAgentStore } from "../../../engine/agents.js";
import type { RngStream } from "../../../engine/rng.js";
import { CROSSING_INFORMAL, CROSSING_NONE, CROSSING_OFFICIAL, type World } from "../../../worlds/types.js";
import type { EconomyParams } from "../params.js";

/** Columns of a security unit. */
export const UNIT_SCHEMA = {
  station: "i32",
  cell: "i32",
  country: "i32",
  agency: "u8",
  strength: "f64",
  effectiveness: "f64",
  corruption: "f64",
  radius: "i32",
  patrol: "f64",
  fromDay: "i32",
} as const;

/** The store of security units. */
export type Units = AgentStore<typeof UNIT_SCHEMA>;

/** Create an empty unit store. */
export function createUnits(capacity: number): Units {
  return createAgentStore("unit", UNIT_SCHEMA, Math.max(16, capacity));
}

/** What a unit is made of, before it is staged. */
export interface UnitSpec {
  station: number;
  country: number;
  agency: number;
  strength: number;
  effectiveness: number;
  corruption: number;
  radius: number;
  patrol: number;
  fromDay: number;
}

/** Stage one unit (it joins at the next flush). */
export function stageUnit(units: Units, u: UnitSpec): void {
  const k = units.stage();
  const s = units.staged;
  s.station[k] = u.station;
  s.cell[k] = u.station;
  s.country[k] = u.country;
  s.agency[k] = u.agency;
  s.strength[k] = u.strength;
  s.effectiveness[k] = u.effectiveness;
  s.corruption[k] = u.corruption;
  s.radius[k] = u.radius;
  s.patrol[k] = u.patrol;
  s.fromDay[k] = u.fromDay;
}

/**
 * Per-cell exposure of a passing load relative to an official post (where every load is
 * inspected): crossing kind or road/off-road, times (1 − concealment × ruggedness).
 */
export function exposureLayer(world: World, d: EconomyParams["detection"]): Float64Array {
  const out = new Float64Array(world.grid.size);
  for (let c = 0; c < out.length; c++) {
    const k = world.crossing[c];
    const kind =
      k === CROSSING_OFFICIAL
        ? 1
        : k === CROSSING_INFORMAL
          ? d.exposureInformal
          : world.road[c] === 1
            ? d.exposureRoad
            : d.exposureOffRoad;
    out[c] = world.blocked[c] ? 0 : kind * (1 - d.concealment * world.ruggedness[c]!);
  }
  return out;
}

/** The daily presence layer: detection hazard and the unit that makes the stop, per cell. */
export class Presence {
  /** Summed hazard (strength × effectiveness) of units in the cell today. */
  readonly hazard: Float64Array;
  /** Strongest unit in the cell today, −1 if none. */
  readonly top: Int32Array;
  private readonly topHazard: Float64Array;
  private readonly touched: Int32Array;
  private nTouched = 0;

  constructor(cells: number) {
    this.hazard = new Float64Array(cells);
    this.top = new Int32Array(cells).fill(-1);
    this.topHazard = new Float64Array(cells);
    this.touched = new Int32Array(cells);
  }

  /** Clear only the cells set yesterday (cost follows units, not the grid). */
  clear(): void {
    for (let i = 0; i < this.nTouched; i++) {
      const c = this.touched[i]!;
      this.hazard[c] = 0;
      this.top[c] = -1;
      this.topHazard[c] = 0;
    }
    this.nTouched = 0;
  }

  /** Add unit `id` with hazard h to cell c. */
  add(c: number, id: number, h: number): void {
    if (this.top[c] === -1) this.touched[this.nTouched++] = c;
    this.hazard[c]! += h;
    if (h > this.topHazard[c]! || this.top[c] === -1) {
      this.top[c] = id;
      this.topHazard[c] = h;
    }
  }
}

/**
 * One day of patrols: each active unit holds its station or, with its patrol chance, goes to a
 * uniformly drawn cell of its own country within its radius (Chebyshev) of the station — a few
 * draws, falling back to the station — then the presence layer is rebuilt.
 */
export function patrolDay(units: Units, world: World, presence: Presence, day: number, rng: RngStream): void {
  presence.clear();
  const g = world.grid;
  const { station, cell, country, strength, effectiveness, radius, patrol, fromDay } = units.col;
  const ids = units.order();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (fromDay[id]! > day) continue;
    const home = station[id]!;
    let at = home;
    const r = radius[id]!;
    if (r > 0 && rng.draw() < patrol[id]!) {
      const x = g.x(home);
      const y = g.y(home);
      for (let tries = 0; tries < 4; tries++) {
        const c = g.at(x + rng.int(-r, r), y + rng.int(-r, r));
        if (c >= 0 && world.blocked[c] === 0 && world.country[c] === country[id]) {
          at = c;
          break;
        }
      }
    }
    cell[id] = at;
    presence.add(at, id, strength[id]! * effectiveness[id]!);
  }
}

/** Chance a load in cell c is detected today: 1 − exp(−hazard × gain × exposure); `gain` scales the hazard (alliance intelligence). */
export function detectChance(presence: Presence, exposure: ArrayLike<number>, c: number, gain = 1): number {
  const h = presence.hazard[c]! * gain;
  return h > 0 ? 1 - Math.exp(-h * exposure[c]!) : 0;
}

/** Whether the cell is a border crossing (official or informal). */
export function isCrossing(world: World, c: number): boolean {
  return world.crossing[c] !== CROSSING_NONE;
}
