/**
 * Least-expected-cost routes to a market that obey the border rule.
 *
 * The cost model is the engine's (`src/engine/paths.ts`): a move a → b between king-move neighbours
 * costs (cost[a] + cost[b]) / 2 × step, step 1 or √2; a cell whose cost is not finite and ≥ 0 is
 * impassable. The engine's searches cannot refuse a single move between two passable cells, and
 * making every non-crossing border cell impassable instead would also close moves along the
 * border inside one country (and cut one-cell-wide strips). So the field is computed here by a
 * multi-source Dijkstra that asks `crossesLegally` before every move; with a single country it
 * gives exactly the engine's `distanceField` (a test checks this).
 *
 * A field is computed per market and kept until the caller re-plans (on loss events, not daily).
 */
import FlatQueue from "flatqueue";
import { isPassable } from "../engine/paths.js";
import { crossesLegally } from "./build.js";
import type { World } from "./types.js";

/** A reverse cost field toward one market: for every cell, the cheapest route cost and next step. */
export interface RouteField {
  /** Cheapest cost from the cell to any of the market's cells, USD/kg; Infinity if unreachable. */
  dist: Float64Array;
  /** Next cell on a cheapest route toward the market; −1 at market cells and unreachable cells. */
  next: Int32Array;
  /** The market cell that route ends at; −1 if unreachable. */
  end: Int32Array;
}

const DX = [1, -1, 0, 0, 1, 1, -1, -1] as const;
const DY = [0, 0, 1, -1, 1, -1, 1, -1] as const;

/** `cost + surcharge` per cell (e.g. carriage cost plus learned risk, both USD/kg), into `out` if given. */
export function addSurcharge(
  cost: ArrayLike<number>,
  surcharge: ArrayLike<number>,
  out: Float64Array = new Float64Array(cost.length),
): Float64Array {
  if (surcharge.length !== cost.length || out.length !== cost.length) {
    throw new RangeError("cost, surcharge and out must have the same length");
  }
  for (let i = 0; i < cost.length; i++) out[i] = cost[i]! + surcharge[i]!;
  return out;
}

/**
 * The reverse route field toward `marketCells` over `cost` (USD/kg per cell-step, risk surcharge
 * included if wanted). Blocked cells of the world are impassable whatever `cost` says.
 */
export function routeField(
  world: World,
  cost: ArrayLike<number>,
  marketCells: ArrayLike<number>,
): RouteField {
  const g = world.grid;
  const size = g.size;
  if (cost.length !== size)
    throw new RangeError(`cost layer has length ${cost.length}, grid has ${size} cells`);
  const dist = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
  const next = new Int32Array(size).fill(-1);
  const end = new Int32Array(size).fill(-1);
  const open = (c: number) => world.blocked[c] === 0 && isPassable(cost[c]!);
  const queue = new FlatQueue<number>();
  for (let i = 0; i < marketCells.length; i++) {
    const m = marketCells[i]!;
    if (!Number.isInteger(m) || m < 0 || m >= size) throw new RangeError(`market cell ${m} is off the grid`);
    if (open(m) && dist[m]! > 0) {
      dist[m] = 0;
      end[m] = m;
      queue.push(m, 0);
    }
  }
  while (queue.length > 0) {
    const du = queue.peekValue()!;
    const u = queue.pop()!;
    if (du > dist[u]!) continue; // stale entry
    const x = g.x(u);
    const y = g.y(u);
    const cu = cost[u]!;
    for (let k = 0; k < 8; k++) {
      const v = g.at(x + DX[k]!, y + DY[k]!);
      if (v < 0 || v === u || !open(v) || !crossesLegally(world, v, u)) continue;
      const nd = du + (cu + cost[v]!) * 0.5 * (k < 4 ? 1 : Math.SQRT2);
      if (nd < dist[v]!) {
        dist[v] = nd;
        next[v] = u;
        end[v] = end[u]!;
        queue.push(v, nd);
      }
    }
  }
  return { dist, next, end };
}

/** The cells of a cheapest route from `cell` to the market, both ends included; empty if unreachable. */
export function routeFrom(field: RouteField, cell: number): Int32Array {
  if (!Number.isInteger(cell) || cell < 0 || cell >= field.dist.length) {
    throw new RangeError(`cell ${cell} is off the grid`);
  }
  if (!(field.dist[cell]! < Number.POSITIVE_INFINITY)) return new Int32Array(0);
  let len = 1;
  for (let c = field.next[cell]!; c >= 0; c = field.next[c]!) {
    if (++len > field.next.length) throw new Error("route field has a cycle");
  }
  const cells = new Int32Array(len);
  let c = cell;
  for (let i = 0; i < len; i++) {
    cells[i] = c;
    c = field.next[c]!;
  }
  return cells;
}

/** Cost of a path under the engine's cost model (sum of mean cell cost × step length), USD/kg. */
export function pathCost(world: World, cost: ArrayLike<number>, path: ArrayLike<number>): number {
  const g = world.grid;
  let total = 0;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]!;
    const b = path[i]!;
    const step = g.x(a) !== g.x(b) && g.y(a) !== g.y(b) ? Math.SQRT2 : 1;
    total += (cost[a]! + cost[b]!) * 0.5 * step;
  }
  return total;
}
