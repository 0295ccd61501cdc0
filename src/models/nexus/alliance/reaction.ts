/**
 * The drill's reserves against a mass crossing: the screen follows the threat and is massed to
 * match it. A column of hundreds marching through northern Afghanistan to the border is seen
 * (border liaison, the 201st base's intelligence, the CSTO's rehearsed scenario of militants
 * massing at the border — targets.md §4, "CSTO exercises"). Each day, for every band marching on a
 * target abroad, the alliance learns of it with chance `warningChance`; it finds the crossing the
 * column's path will use into a country a drill force may act in (a column from Kazakhstan through
 * Uzbekistan is met where it enters Tajikistan, not where it leaves home) and moves drill
 * contingents there, nearest first, until the screen's Lanchester strength (Σ quality × troops ×
 * troops × (1 + terrainDefence × ruggedness)) exceeds the column's (quality × fighters²): a screen
 * the column will not storm, so a detected column breaks contact and turns back
 * (models/nexus/clashes/crossings.ts). One company against a column of 600 is no block; the
 * reserves are what make it one. Each contingent needs `readyDays` before it moves, then travels at
 * its force's mobility: the reaction force's readiness and mobility. A moved screen keeps its troops
 * and costs no extra troop-days (the quiet crossings it leaves are thinner); the next routine
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
  /**
   * The crossing band id's path will use into a country other than the one it stands in for
   * which `defended` (country index) holds: its first cell there, −1 if none.
   */
  entry: (id: number, defended: (country: number) => boolean) => number;
  /** Band id's Lanchester strength: quality × fighters². */
  strength: (id: number) => number;
}

/** What the reaction reads and writes. */
export interface Reaction {
  world: World;
  forces: readonly Force[];
  rules: AllianceRules;
  contingents: Contingents;
  state: AllianceState;
  /** The defender's terrain bonus in clashes (models/nexus/clashes/clashes.ts). */
  terrainDefence: number;
  /** Drill contingents moved to a threatened crossing over the run. */
  moved: number;
}

/** Whether drill contingent `id` stands at or heads for a position covering cell c (within the drill radius, same country). */
function covers(r: Reaction, id: number, c: number): boolean {
  const { world, contingents: store } = r;
  const col = store.col;
  if (col.posture[id] !== POSTURE_DRILL || col.troops[id]! <= 0) return false;
  const at = col.target[id]! >= 0 ? col.target[id]! : col.cell[id]!;
  if (at < 0 || world.country[at] !== world.country[c]) return false;
  return world.grid.distance(at, c, "chebyshev") <= r.rules.radius[POSTURE_DRILL]!;
}

/** Lanchester strength of the drill troops covering (or heading to cover) cell c: Σ q·t × Σ t × (1 + d·rug). */
function screenStrength(r: Reaction, c: number): number {
  const col = r.contingents.col;
  let q = 0;
  let t = 0;
  for (const id of r.contingents.order()) {
    if (!covers(r, id, c)) continue;
    q += r.forces[col.force[id]!]!.quality * col.troops[id]!;
    t += col.troops[id]!;
  }
  return q * t * (1 + r.terrainDefence * r.world.ruggedness[c]!);
}

/** The nearest drill contingent in position, of a force allowed in `entry`'s country, not already covering it; −1 if none. */
function nearestScreen(r: Reaction, entry: number): number {
  const { world, contingents: store, state } = r;
  const col = store.col;
  const k = world.country[entry]!;
  let best = -1;
  let bestD = Number.POSITIVE_INFINITY;
  for (const id of store.order()) {
    if (col.posture[id] !== POSTURE_DRILL || col.troops[id]! <= 0 || col.cell[id]! < 0) continue;
    if (state.allowed[col.force[id]! * state.countries + k] !== 1 || covers(r, id, entry)) continue;
    const d = world.grid.distance(col.cell[id]!, entry, "chebyshev");
    if (d < bestD) {
      best = id;
      bestD = d;
    }
  }
  return best;
}

/** Whether some force may act in country k today. */
function mayAct(r: Reaction, k: number): boolean {
  const { state } = r;
  for (let f = 0; f < r.forces.length; f++) if (state.allowed[f * state.countries + k] === 1) return true;
  return false;
}

/** Send contingent `id` to `entry`: readiness, then distance ÷ mobility days. */
function send(r: Reaction, id: number, entry: number): void {
  const col = r.contingents.col;
  const f = r.forces[col.force[id]!]!;
  const d = r.world.grid.distance(col.cell[id]!, entry, "chebyshev");
  col.cell[id] = -1;
  col.target[id] = entry;
  col.transit[id] = r.rules.readyDays + Math.max(1, Math.ceil(d / f.mobility));
  r.moved++;
}

/** One day of the reaction (see the file comment); draws from `rng` once per marching column. */
export function reactToColumns(r: Reaction, columns: Columns, rng: RngStream): void {
  const defended = (k: number) => mayAct(r, k);
  for (let i = 0; i < columns.ids.length; i++) {
    const band = columns.ids[i]!;
    if (!columns.marching(band) || rng.next() >= r.rules.warningChance) continue;
    const entry = columns.entry(band, defended);
    if (entry < 0) continue;
    const need = columns.strength(band);
    // Mass until the column would not storm the screen; each move re-reads the screen it joins.
    while (screenStrength(r, entry) <= need) {
      const id = nearestScreen(r, entry);
      if (id < 0) break;
      send(r, id, entry);
    }
  }
}
