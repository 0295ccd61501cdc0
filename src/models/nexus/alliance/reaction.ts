/**
 * The drill's reserves against a mass crossing: the screen follows the threat. A column of hundreds
 * marching through northern Afghanistan to the border is seen (border liaison, the 201st base's
 * intelligence, the CSTO's rehearsed scenario of militants massing at the border — targets.md §4,
 * "CSTO exercises"). Each day, for every band marching on a target abroad, the alliance learns of it
 * with chance `warningChance`; it finds the crossing the column's path will use (its first cell in
 * another country) and, if a drill force may act there and no drill contingent covers or heads for
 * it, moves that force's nearest drill contingent in position there. The contingent needs
 * `readyDays` before it moves, then travels at its force's mobility: the reaction force's readiness
 * and mobility. A moved screen keeps its troops and costs no extra troop-days; the next routine
 * re-plan (alliance.ts) may move it again.
 */
import type { RngStream } from "../../../engine/rng.js";
import type { World } from "../../../worlds/types.js";
import type { AllianceState } from "./alliance.js";
import type { Contingents } from "./contingents.js";
import { type AllianceRules, type Force, POSTURE_DRILL } from "./forces.js";

/** The marching columns the alliance may learn of today (read from the band store). */
export interface Columns {
  /** Ids of the live bands, in scan order. */
  ids: ArrayLike<number>;
  /** Whether band id is marching on a target abroad. */
  marching: (id: number) => boolean;
  /** The crossing band id's path will use: its first cell in another country, −1 if none. */
  entry: (id: number) => number;
}

/** What the reaction reads and writes. */
export interface Reaction {
  world: World;
  forces: readonly Force[];
  rules: AllianceRules;
  contingents: Contingents;
  state: AllianceState;
  /** Drill screens moved to a threatened crossing over the run. */
  moved: number;
}

/** Whether a drill contingent covers cell c (its position or destination within `radius`, same country). */
function covered(r: Reaction, c: number): boolean {
  const { world, contingents: store } = r;
  const col = store.col;
  const radius = r.rules.radius[POSTURE_DRILL]!;
  for (const id of store.order()) {
    if (col.posture[id] !== POSTURE_DRILL || col.troops[id]! <= 0) continue;
    const at = col.target[id]! >= 0 ? col.target[id]! : col.cell[id]!;
    if (at < 0 || world.country[at] !== world.country[c]) continue;
    if (world.grid.distance(at, c, "chebyshev") <= radius) return true;
  }
  return false;
}

/** The nearest drill contingent in position of a force allowed in `entry`'s country, −1 if none. */
function nearestScreen(r: Reaction, entry: number): number {
  const { world, contingents: store, state } = r;
  const col = store.col;
  const k = world.country[entry]!;
  let best = -1;
  let bestD = Number.POSITIVE_INFINITY;
  for (const id of store.order()) {
    if (col.posture[id] !== POSTURE_DRILL || col.troops[id]! <= 0 || col.cell[id]! < 0) continue;
    if (state.allowed[col.force[id]! * state.countries + k] !== 1) continue;
    const d = world.grid.distance(col.cell[id]!, entry, "chebyshev");
    if (d < bestD) {
      best = id;
      bestD = d;
    }
  }
  return best;
}

/** One day of the reaction (see the file comment); draws from `rng` once per marching column. */
export function reactToColumns(r: Reaction, columns: Columns, rng: RngStream): void {
  const { world, contingents: store } = r;
  const col = store.col;
  for (let i = 0; i < columns.ids.length; i++) {
    const band = columns.ids[i]!;
    if (!columns.marching(band) || rng.next() >= r.rules.warningChance) continue;
    const entry = columns.entry(band);
    if (entry < 0 || covered(r, entry)) continue;
    const id = nearestScreen(r, entry);
    if (id < 0) continue;
    const f = r.forces[col.force[id]!]!;
    const d = world.grid.distance(col.cell[id]!, entry, "chebyshev");
    col.cell[id] = -1;
    col.target[id] = entry;
    col.transit[id] = r.rules.readyDays + Math.max(1, Math.ceil(d / f.mobility));
    r.moved++;
  }
}
