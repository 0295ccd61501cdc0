/**
 * Routes to a market read from route fields (`route-graph.ts`): the cells of a cheapest route, its
 * cost under the engine's cost model, a cost layer with a risk surcharge, and a one-off field
 * for callers that do not keep the world's move graph.
 */
import { graphField, type RouteField, routeGraph } from "./route-graph.js";
import type { World } from "./types.js";

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
 * The route field toward `marketCells` over `cost`, building the world's move graph for this one
 * call (a model keeps the graph and calls `graphField`). Blocked cells are impassable whatever
 * `cost` says.
 */
export function routeField(
  world: World,
  cost: ArrayLike<number>,
  marketCells: ArrayLike<number>,
): RouteField {
  return graphField(routeGraph(world), cost, marketCells);
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
