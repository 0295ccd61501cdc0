/**
 * The A* phase of a stopped distance field (`field.ts`): from the sources toward the nearest
 * `stop.any` cell, cells leave the queue by cost so far + `guide` (a consistent lower bound of
 * the cost still to go), so a search across a wide grid settles a corridor instead of a disc.
 * A consistent guide settles every cell at its exact cost (Hart, Nilsson & Raphael 1968), so the
 * stop cells and the routes from them are as exact as plain Dijkstra's; only which of two
 * equal-cost routes wins may differ. Once an `any` cell settles, the queue is re-keyed by cost
 * so far alone and the caller finishes the `stop.cells` still open as plain Dijkstra: every
 * settled cell is exact, so the search simply continues from the same frontier.
 */
import type { DistanceField, StopCells } from "./field-types.js";
import type { MoveGraph } from "./graph.js";
import type { CellHeap } from "./heap.js";
import { ANY, settle } from "./stops.js";

// The guide is scaled down by this much so that rounding in the float sums never makes it
// overestimate by an ulp: a slightly weaker bound is still consistent with room to spare.
const SHRINK = 1 - 1e-9;

/**
 * Run the A* phase on `queue` (holding the sources at cost 0); returns the settlements still
 * awaited (`left` minus those done), with the queue re-keyed by cost so far for the rest.
 */
export function guidedSearch(
  graph: MoveGraph,
  cost: ArrayLike<number>,
  out: DistanceField,
  queue: CellHeap,
  guide: Float64Array,
  maxCost: number,
  awaited: number,
  stop: StopCells,
): number {
  const { dist, parent, origin } = out;
  const { into, step, moves } = graph;
  const mark = stop.mark;
  const any = stop.any;
  const h = (c: number) => guide[c]! * SHRINK;
  // The sources were pushed at cost 0: re-key them by their guide.
  rekey(queue, (c) => dist[c]! + h(c));
  let left = awaited;
  const anyCell = any[0]!;
  while (queue.length > 0) {
    const fu = queue.values[0]!;
    const u = queue.ids[0]!;
    queue.pop();
    const du = dist[u]!;
    if (fu > du + guide[u]! * SHRINK) continue; // stale entry
    let anySettled = false;
    if (mark[u] !== 0) {
      left -= settle(stop, u);
      if (left === 0) return 0;
      anySettled = (mark[anyCell]! & ANY) === 0; // A* has done its part once u is expanded
    }
    // The relaxation is field.ts's, inlined rather than shared: a call per relaxation in the hottest
    // loop of a run costs more than the dozen lines it would save; only the queue key differs.
    const cu = cost[u]!;
    const base = u * moves;
    for (let k = 0; k < moves; k++) {
      const v = into[base + k]!;
      if (v < 0) continue;
      const cv = cost[v]!;
      if (!(cv >= 0 && cv < Number.POSITIVE_INFINITY)) continue;
      const nd = du + (cu + cv) * 0.5 * step[k]!;
      if (nd < dist[v]! && nd <= maxCost) {
        dist[v] = nd;
        parent[v] = u;
        origin[v] = origin[u]!;
        queue.push(v, nd + guide[v]! * SHRINK);
      }
    }
    if (anySettled) break;
  }
  // Live entries only (a stale one's key is above its cell's cost + guide), keyed by cost so far.
  let n = 0;
  for (let i = 0; i < queue.length; i++) {
    const c = queue.ids[i]!;
    if (queue.values[i]! <= dist[c]! + h(c)) {
      queue.ids[n] = c;
      queue.values[n++] = dist[c]!;
    }
  }
  queue.length = n;
  queue.heapify();
  return left;
}

/** Give every queued cell the key `key(cell)` and restore the heap order. */
function rekey(queue: CellHeap, key: (c: number) => number): void {
  for (let i = 0; i < queue.length; i++) queue.values[i] = key(queue.ids[i]!);
  queue.heapify();
}
