/**
 * Where alliance contingents go. Candidate positions per posture, in the countries a force may
 * enter today: `incursion-drill` — entry cells, those a legal step from the front country reaches
 * (the near bank of each Afghan crossing), weighted 1 + approachWeight × the militant fighters on the
 * far bank whose paths to targets abroad cross there ÷ 100 (the avenues of approach:
 * models/nexus/bands/columns.ts `approachThreat`); `route-control` — cells carrying heroin, weighted by the
 * kg/day passing × (1 + taxPointWeight × the share of recent days a band taxed there): the drug
 * agencies' intelligence points positions at the armed tax points on the corridors. Forces plan in order; each contingent draws a position by weight, never a cell its
 * own force already covers while others remain, and — with chance `coordination` per pick — never
 * one another force covers. Coordination 0 is the essay's "planned in isolation": forces draw from
 * the same candidates blind to each other, so coverage overlaps and leaves gaps; 1 deconflicts.
 */
import type { RngStream } from "../../../engine/rng.js";
import { canStep } from "../../../worlds/build.js";
import type { World } from "../../../worlds/types.js";
import type { Contingents } from "./contingents.js";
import { type AllianceRules, type Force, POSTURE_DRILL, POSTURE_ROUTE } from "./forces.js";

/** Candidate cells and their weights. */
export interface Candidates {
  cells: Int32Array;
  weights: Float64Array;
}

/**
 * Entry cells of allowed countries: cells a legal step from the front country (any other country
 * if front < 0) reaches — where a column crossing from Afghanistan first sets foot — weighted 1 +
 * approachWeight × approach[c] / 100 (`approach`: fighters whose avenues of approach cross at c).
 */
export function drillCandidates(
  world: World,
  allowed: ArrayLike<number>,
  front: number,
  approach?: ArrayLike<number>,
  approachWeight = 0,
): Candidates {
  const g = world.grid;
  const cells: number[] = [];
  for (let c = 0; c < g.size; c++) {
    const k = world.country[c]!;
    if (world.blocked[c] !== 0 || allowed[k] !== 1 || k === front) continue;
    let faces = false;
    for (let dy = -1; dy <= 1 && !faces; dy++) {
      for (let dx = -1; dx <= 1 && !faces; dx++) {
        const n = g.at(g.x(c) + dx, g.y(c) + dy);
        if (n < 0 || world.country[n] === k) continue;
        if ((front < 0 || world.country[n] === front) && canStep(world, n, c)) faces = true;
      }
    }
    if (faces) cells.push(c);
  }
  const weight = (c: number) => 1 + (approach ? (approachWeight * approach[c]!) / 100 : 0);
  return { cells: Int32Array.from(cells), weights: Float64Array.from(cells, weight) };
}

/**
 * Passable cells of allowed countries carrying heroin, weighted by kg/day × (1 + taxPointWeight ×
 * taxHeld), taxHeld being the share of recent days a band held the cell to tax it.
 */
export function routeCandidates(
  world: World,
  allowed: ArrayLike<number>,
  flow: ArrayLike<number>,
  taxHeld: ArrayLike<number>,
  taxPointWeight: number,
): Candidates {
  const cells: number[] = [];
  for (let c = 0; c < world.grid.size; c++) {
    if (flow[c]! > 0 && world.blocked[c] === 0 && allowed[world.country[c]!] === 1) cells.push(c);
  }
  const weight = (c: number) => flow[c]! * (1 + taxPointWeight * taxHeld[c]!);
  return { cells: Int32Array.from(cells), weights: Float64Array.from(cells, weight) };
}

/** Call `fn` for every cell within Chebyshev `radius` of c (on the grid, blocked cells included). */
export function forCellsAround(world: World, c: number, radius: number, fn: (cell: number) => void): void {
  const g = world.grid;
  const x = g.x(c);
  const y = g.y(c);
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const v = g.at(x + dx, y + dy);
      if (v >= 0) fn(v);
    }
  }
}

/** Send contingent `id` toward `target`, arriving after distance / mobility days (at least one). */
function assign(store: Contingents, id: number, f: Force, target: number, world: World): void {
  const c = store.col;
  if (c.cell[id] === target) {
    c.target[id] = target;
    c.transit[id] = 0;
    return;
  }
  const from = c.cell[id]! >= 0 ? c.cell[id]! : f.base;
  const d = from >= 0 ? world.grid.distance(from, target, "chebyshev") : 0;
  c.cell[id] = -1;
  c.target[id] = target;
  c.transit[id] = Math.max(1, Math.ceil(d / f.mobility));
}

/** What deployment planning reads: the forces, their contingents and shared rules, the world and the flow. */
export interface Deployment {
  /** Contingents of every force. */
  contingents: Contingents;
  /** The forces. */
  forces: readonly Force[];
  /** Rules shared by all forces. */
  rules: AllianceRules;
  /** The world. */
  world: World;
  /** Heroin passing each cell, kg/day (route-control's weights). */
  flow: ArrayLike<number>;
  /** Share of recent days a band held each cell to tax it (what the drug agencies know). */
  taxHeld: ArrayLike<number>;
  /** Militant fighters whose avenues of approach cross at each cell, read at each plan (drill's weights). */
  approaches?: () => ArrayLike<number>;
}

/**
 * Re-plan every contingent's position (see the file comment). `allowed` is the force × country
 * flag table; `troopCap[f]` the troops force f can afford to deploy (the rest stay in reserve, so
 * no force plans around positions it cannot pay for); a contingent with no candidate in its
 * posture goes back to reserve. `allowedRoute` is the same table for route-control positions.
 */
export function planPositions(
  d: Deployment,
  allowed: Uint8Array,
  troopCap: ArrayLike<number>,
  rng: RngStream,
  allowedRoute: Uint8Array = allowed,
): void {
  const { contingents: store, forces, rules: r, world, flow, taxHeld } = d;
  const K = world.countries.length;
  const mask = new Uint8Array(world.grid.size);
  const maxRadius = Math.max(...r.radius);
  const col = store.col;
  const ids = store.order();
  const approach = d.approaches?.();
  forces.forEach((f, fi) => {
    const row = allowed.subarray(fi * K, fi * K + K);
    const cand = [
      drillCandidates(world, row, r.front, approach, r.approachWeight),
      // Route-control may have a wider mandate than troops (the CSTO's Kanal operation: alliance/alliance.ts).
      routeCandidates(world, allowedRoute.subarray(fi * K, fi * K + K), flow, taxHeld, r.taxPointWeight),
    ];
    const own = 1 << fi;
    const other = 0xff & ~own;
    const w = new Float64Array(Math.max(cand[0]!.cells.length, cand[1]!.cells.length));
    let planned = 0;
    for (const id of ids) {
      if (col.force[id] !== fi || col.troops[id]! <= 0) continue;
      if (f.garrison) {
        col.cell[id] = -1; // kept ready at base: it is paid for (alliance.ts) but takes no position
        continue;
      }
      const posture = col.posture[id] === POSTURE_DRILL ? POSTURE_DRILL : POSTURE_ROUTE;
      const { cells, weights } = cand[posture]!;
      if (cells.length === 0 || planned + col.troops[id]! > troopCap[fi]!) {
        col.cell[id] = -1;
        col.target[id] = -1;
        col.transit[id] = 0;
        continue;
      }
      const avoidOther = rng.next() < r.coordination;
      // Free cells first; then cells only this force covers (massing); then anything.
      let pick = -1;
      for (let pass = 0; pass < 3 && pick < 0; pass++) {
        for (let i = 0; i < cells.length; i++) {
          const m = mask[cells[i]!]!;
          const blockedOwn = pass === 0 && (m & own) !== 0;
          const blockedOther = pass < 2 && avoidOther && (m & other) !== 0;
          w[i] = blockedOwn || blockedOther ? 0 : weights[i]!;
        }
        pick = rng.weighted(w, cells.length);
      }
      const target = cells[pick]!;
      planned += col.troops[id]!;
      assign(store, id, f, target, world);
      // Mark every cell from which another position's coverage would touch this one's.
      forCellsAround(world, target, r.radius[posture]! + maxRadius, (v) => {
        mask[v] = mask[v]! | own;
      });
    }
  });
}
