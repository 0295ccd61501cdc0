/**
 * Least-cost paths and cost-distance fields over a grid's cost layer.
 *
 * Cost model (the ArcGIS cost-distance convention):
 * - Each cell has a cost ≥ 0 in a Float64Array of length `grid.size`. A cell whose cost is
 *   Infinity, NaN or negative is impassable: no path enters, leaves or crosses it.
 * - A move between adjacent cells a → b costs `(cost[a] + cost[b]) / 2 × step`, step = 1 for an
 *   orthogonal move and √2 for a diagonal one. Each cell thus pays half its cost on the way in and
 *   half on the way out, which makes every move cost the same in both directions, so a distance
 *   field computed from targets equals the cost of reaching them.
 * - Connectivity 8 (default) allows the 8 king moves; 4 allows only orthogonal ones. A diagonal move
 *   is allowed even when both orthogonal cells beside it are impassable (no corner-cutting rule),
 *   which keeps the move set independent of the neighbours' costs.
 * - On a torus the moves wrap around the edges. On a tiny torus (width or height 1 or 2) several
 *   moves can reach the same cell; the cheapest of them counts, and a move onto the cell itself is
 *   ignored.
 *
 * Distance fields use multi-source Dijkstra; single pairs use A* with the heuristic "octile (or
 * Manhattan) step distance × the smallest passable cell cost", a lower bound on every remaining
 * path, so A* returns the Dijkstra cost. All searches run on a reusable `PathSearch`
 * (`paths-search.ts`) that owns its typed arrays and heap; the free functions use a per-grid cached
 * one, so they allocate only the arrays they return.
 */
import type { Grid } from "./grid.js";
import { PathSearch } from "./paths-search.js";

export { createPathSearch, isPassable, minPassableCost, PathSearch } from "./paths-search.js";

/** Which moves are allowed: 4 orthogonal, or 8 including diagonals. */
export type Connectivity = 4 | 8;

/** Options shared by every search. */
export interface PathOptions {
  /** 4 or 8 (default 8). */
  connectivity?: Connectivity;
}

/** A cost-distance field: cheapest cost from the nearest source, and the previous cell on that route. */
export interface DistanceField {
  /** Cost from the cheapest source; Infinity where unreachable (or beyond `maxCost`). */
  dist: Float64Array;
  /** Previous cell on a cheapest route; -1 at sources and unreachable cells. */
  parent: Int32Array;
}

/** Options of `distanceField`. */
export interface DistanceFieldOptions {
  /** Cells costing more than this to reach are left unreachable and not expanded (default Infinity). */
  maxCost?: number;
  /** Arrays of length `grid.size` to write into instead of allocating new ones. */
  out?: DistanceField;
}

/** Options of a single-pair search. */
export interface LeastCostOptions {
  /** Lower bound on passable cell costs for the A* heuristic; computed from the layer when omitted. */
  minCost?: number;
  /** Give up (report unreachable) when the path would cost more than this (default Infinity). */
  maxCost?: number;
}

/** A least-cost path: its total cost and its cells from start to end inclusive. */
export interface PathResult {
  /** Total cost; Infinity when there is no path. */
  cost: number;
  /** Cells from `from` to `to` inclusive; empty when there is no path. */
  cells: Int32Array;
}

// One cached searcher per grid and connectivity, so the free functions do not rebuild buffers per call.
const cache = new WeakMap<Grid, { c4?: PathSearch; c8?: PathSearch }>();

function cachedSearch(grid: Grid, conn: Connectivity = 8): PathSearch {
  if (conn !== 4 && conn !== 8) throw new RangeError("connectivity must be 4 or 8");
  let entry = cache.get(grid);
  if (!entry) {
    entry = {};
    cache.set(grid, entry);
  }
  const key = conn === 4 ? "c4" : "c8";
  let search = entry[key];
  if (!search) {
    search = new PathSearch(grid, { connectivity: conn });
    entry[key] = search;
  }
  return search;
}

/** Multi-source cost-distance field (Dijkstra) from `sources` over `cost`. */
export function distanceField(
  grid: Grid,
  cost: ArrayLike<number>,
  sources: ArrayLike<number>,
  opts: DistanceFieldOptions & PathOptions = {},
): DistanceField {
  return cachedSearch(grid, opts.connectivity).distanceField(cost, sources, opts);
}

/** Least-cost path from → to (A*); cost Infinity and no cells when unreachable. */
export function leastCostPath(
  grid: Grid,
  cost: ArrayLike<number>,
  from: number,
  to: number,
  opts: LeastCostOptions & PathOptions = {},
): PathResult {
  return cachedSearch(grid, opts.connectivity).leastCostPath(cost, from, to, opts);
}

/** Cells from the field's source to `target` by following `parent`; empty if `dist` says unreachable. */
export function pathFromParents(parent: Int32Array, target: number, dist?: ArrayLike<number>): Int32Array {
  if (!Number.isInteger(target) || target < 0 || target >= parent.length) {
    throw new RangeError(`target cell ${target} is off the grid`);
  }
  // Without `dist` an unreachable target (parent -1) is indistinguishable from a source.
  if (dist && !(dist[target]! < Number.POSITIVE_INFINITY)) return new Int32Array(0);
  let len = 1;
  for (let c = parent[target]!; c >= 0; c = parent[c]!) {
    if (++len > parent.length) throw new Error("parent array has a cycle");
  }
  const cells = new Int32Array(len);
  let c = target;
  for (let i = len - 1; i >= 0; i--) {
    cells[i] = c;
    c = parent[c]!;
  }
  return cells;
}
