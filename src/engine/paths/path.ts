/**
 * Single least-cost paths, built on the distance field (`field.ts`): a field from the target that
 * stops as soon as the start cell settles, then the start's parent chain is the path. It costs
 * what the A* it replaced cost (whose admissible heuristic, the smallest cell cost per step,
 * expanded most cells anyway; figures in bench/README.md), and it shares the field's move rules
 * and tie-breaks.
 */
import { type DistanceField, distanceField, type StopCells } from "./field.js";
import type { MoveGraph } from "./graph.js";

/** A least-cost path: its total cost and its cells from start to end inclusive. */
export interface PathResult {
  /** Total cost; Infinity when there is no path. */
  cost: number;
  /** Cells from `from` to `to` inclusive; empty when there is no path. */
  cells: Int32Array;
}

/** Reusable buffers of a single-pair search on one graph, so repeated searches allocate only their result. */
export interface PathScratch {
  /** The field searched from the target. */
  field: DistanceField;
  /** The start cell as the stop condition. */
  stop: StopCells;
}

/** Options of `leastCostPath`. */
export interface LeastCostOptions {
  /** Give up (report unreachable) when the path would cost more than this (default Infinity). */
  maxCost?: number;
  /** Buffers from `pathScratch(graph.size)`; allocated per call when omitted. */
  scratch?: PathScratch;
}

/** Buffers for `leastCostPath` on a graph of `size` cells. */
export function pathScratch(size: number): PathScratch {
  return {
    field: { dist: new Float64Array(size), parent: new Int32Array(size), origin: new Int32Array(size) },
    stop: { cells: new Int32Array(1), n: 1, any: new Int32Array(0), mark: new Uint8Array(size) },
  };
}

/** Least-cost path from → to over `graph`; cost Infinity and no cells when unreachable. */
export function leastCostPath(
  graph: MoveGraph,
  cost: ArrayLike<number>,
  from: number,
  to: number,
  opts: LeastCostOptions = {},
): PathResult {
  if (!Number.isInteger(from) || from < 0 || from >= graph.size) {
    throw new RangeError(`from cell ${from} is off the grid`);
  }
  const scratch = opts.scratch ?? pathScratch(graph.size);
  scratch.stop.cells[0] = from;
  const field = distanceField(graph, cost, [to], {
    out: scratch.field,
    stop: scratch.stop,
    maxCost: opts.maxCost ?? Number.POSITIVE_INFINITY,
  });
  const c = field.dist[from]!;
  if (!(c < Number.POSITIVE_INFINITY)) return { cost: Number.POSITIVE_INFINITY, cells: new Int32Array(0) };
  let len = 1;
  for (let v = from; v !== to; v = field.parent[v]!) len++;
  const cells = new Int32Array(len);
  for (let i = 0, v = from; i < len; i++, v = field.parent[v]!) cells[i] = v;
  return { cost: c, cells };
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
