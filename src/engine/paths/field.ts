/**
 * Cost-distance fields: multi-source Dijkstra over a move graph (`graph.ts`) and a cost layer.
 *
 * Cost model (the ArcGIS cost-distance convention):
 * - Each cell has a cost ≥ 0 (an array of length `graph.size`). A cell whose cost is Infinity,
 *   NaN or negative is impassable: no path enters, leaves or crosses it (nor a closed cell).
 * - A move between adjacent cells a → b costs `(cost[a] + cost[b]) / 2 × step`, step = 1 for an
 *   orthogonal move and √2 for a diagonal one. Each cell pays half its cost on the way in and half
 *   on the way out, so a move costs the same both ways, and without a move filter the field from
 *   sources equals the cost of reaching them. With a filter the field is the cost of reaching the
 *   sources along allowed moves.
 *
 * Relaxation follows the graph's direction order and the heap's fixed tie rules, so a field is
 * reproducible to the bit (the economy's route plans depend on that). With `stop` the search ends
 * early once the cells a caller needs are settled; with a `guide` as well it searches toward the
 * `stop.any` cells as A* first (`guided.ts`), which settles far fewer cells on a wide grid.
 */
import type { DistanceField, StopCells } from "./field-types.js";
import type { MoveGraph } from "./graph.js";
import { guidedSearch } from "./guided.js";
import { CellHeap } from "./heap.js";
import { clearStops, markStops, settle } from "./stops.js";

export type { DistanceField, StopCells } from "./field-types.js";

/** Options of `distanceField`. */
export interface DistanceFieldOptions {
  /** Cells costing more than this to reach are left unreachable and not expanded (default Infinity). */
  maxCost?: number;
  /** Arrays of length `graph.size` to write into instead of allocating new ones. */
  out?: DistanceField;
  /**
   * End once these cells are settled: the field is then exact on them and on the routes from
   * them, and elsewhere Infinity or an upper bound (never below the exact cost).
   */
  stop?: StopCells;
  /**
   * With `stop.any`: per cell a lower bound of the cost of reaching the nearest `stop.any` cell
   * from the sources' side, consistent (guide[v] ≤ move cost(u, v) + guide[u] for every move), such
   * as a field over a layer never above `cost` from the `stop.any` cells. The search is then A*
   * toward them: exact on the stop cells and their routes as without it, only equal-cost routes
   * may be chosen otherwise.
   */
  guide?: Float64Array;
}

/** Whether a cell cost lets paths through (finite and ≥ 0; NaN fails both tests). */
export function isPassable(c: number): boolean {
  return c >= 0 && c < Number.POSITIVE_INFINITY;
}

// One heap for every search: searches never nest, and it keeps its grown capacity.
const shared = new CellHeap();

/** Multi-source Dijkstra over `graph`: cheapest cost from every cell to the nearest passable source. */
export function distanceField(
  graph: MoveGraph,
  cost: ArrayLike<number>,
  sources: ArrayLike<number>,
  opts: DistanceFieldOptions = {},
): DistanceField {
  const size = graph.size;
  if (cost.length !== size) {
    throw new RangeError(`cost layer has length ${cost.length}, grid has ${size} cells`);
  }
  const out = opts.out ?? {
    dist: new Float64Array(size),
    parent: new Int32Array(size),
    origin: new Int32Array(size),
  };
  const { dist, parent, origin } = out;
  if (dist.length !== size || parent.length !== size || origin.length !== size) {
    throw new RangeError(`distanceField out arrays must have length ${size}`);
  }
  dist.fill(Number.POSITIVE_INFINITY);
  parent.fill(-1);
  origin.fill(-1);
  const queue = shared;
  queue.length = 0;
  const blocked = graph.blocked;
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i]!;
    if (!Number.isInteger(s) || s < 0 || s >= size) throw new RangeError(`source cell ${s} is off the grid`);
    // An impassable source cannot be left, so like any impassable cell it stays unreachable.
    if (isPassable(cost[s]!) && blocked[s] === 0 && dist[s]! > 0) {
      dist[s] = 0;
      origin[s] = s;
      queue.push(s, 0);
    }
  }
  const stop = opts.stop;
  let left = stop ? markStops(stop) : 0;
  const mark = stop?.mark;
  const maxCost = opts.maxCost ?? Number.POSITIVE_INFINITY;
  if (stop && opts.guide && stop.any.length > 0 && left > 0) {
    left = guidedSearch(graph, cost, out, queue, opts.guide, maxCost, left, stop);
    if (left === 0) queue.length = 0;
  }
  const { into, step, moves } = graph;
  while (queue.length > 0) {
    const du = queue.values[0]!;
    const u = queue.ids[0]!;
    queue.pop();
    if (du > dist[u]!) continue; // stale entry: u was reached more cheaply after this push
    if (left > 0 && mark![u] !== 0) {
      left -= settle(stop!, u);
      if (left === 0) break;
    }
    const cu = cost[u]!;
    const base = u * moves;
    for (let k = 0; k < moves; k++) {
      const v = into[base + k]!;
      if (v < 0) continue;
      const cv = cost[v]!;
      if (!(cv >= 0 && cv < Number.POSITIVE_INFINITY)) continue;
      const nd = du + (cu + cv) * 0.5 * step[k]!;
      // Non-negative moves and monotone float addition mean a popped cell never improves later.
      if (nd < dist[v]! && nd <= maxCost) {
        dist[v] = nd;
        parent[v] = u;
        origin[v] = origin[u]!;
        queue.push(v, nd);
      }
    }
  }
  if (stop) clearStops(stop);
  return out;
}
