/**
 * The legal-move graph of a world, built once: for every cell its up to 8 neighbours that the
 * border rule lets a load step to (−1 where none). Route fields for re-plans then run Dijkstra
 * over plain arrays instead of re-deriving coordinates and border checks per move; the fields are
 * the same as `routeField`'s (a test checks this), only cheaper, which matters because every
 * organisation re-plans one field per market.
 */
import { isPassable } from "../engine/paths.js";
import { crossesLegally } from "./build.js";
import type { RouteField } from "./routes.js";
import type { World } from "./types.js";

const DX = [1, -1, 0, 0, 1, 1, -1, -1] as const;
const DY = [0, 0, 1, -1, 1, -1, 1, -1] as const;

/** Legal moves per cell: `into[c × 8 + k]` is a neighbour v from which a load may step into c. */
export interface RouteGraph {
  /** Cells. */
  size: number;
  /** Neighbour v of c in direction k that may move into c, or −1. */
  into: Int32Array;
  /** Step length of direction k (1 or √2). */
  step: Float64Array;
  /** 1 on blocked cells (never a source). */
  blocked: Uint8Array;
}

/** Build the legal-move graph of `world` (blocked cells have no moves). */
export function routeGraph(world: World): RouteGraph {
  const g = world.grid;
  const into = new Int32Array(g.size * 8).fill(-1);
  for (let u = 0; u < g.size; u++) {
    if (world.blocked[u]) continue;
    const x = g.x(u);
    const y = g.y(u);
    for (let k = 0; k < 8; k++) {
      const v = g.at(x + DX[k]!, y + DY[k]!);
      if (v < 0 || v === u || world.blocked[v] || !crossesLegally(world, v, u)) continue;
      into[u * 8 + k] = v;
    }
  }
  const step = Float64Array.from(DX, (_, k) => (k < 4 ? 1 : Math.SQRT2));
  return { size: g.size, into, step, blocked: world.blocked };
}

/** A binary min-heap of (cell, priority) in typed arrays, reused by every search. */
class CellHeap {
  ids = new Int32Array(4096);
  values = new Float64Array(4096);
  length = 0;

  push(id: number, value: number): void {
    if (this.length === this.ids.length) {
      const ids = new Int32Array(this.length * 2);
      ids.set(this.ids);
      const values = new Float64Array(this.length * 2);
      values.set(this.values);
      this.ids = ids;
      this.values = values;
    }
    const { ids, values } = this;
    let pos = this.length++;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pv = values[parent]!;
      if (value >= pv) break;
      ids[pos] = ids[parent]!;
      values[pos] = pv;
      pos = parent;
    }
    ids[pos] = id;
    values[pos] = value;
  }

  /** Remove the top; its id and value are in `topId` / `topValue` first. */
  pop(): void {
    const { ids, values } = this;
    const last = --this.length;
    if (last <= 0) return;
    const id = ids[last]!;
    const value = values[last]!;
    let pos = 0;
    const half = last >> 1;
    while (pos < half) {
      let child = 2 * pos + 1;
      if (child + 1 < last && values[child + 1]! < values[child]!) child++;
      if (values[child]! >= value) break;
      ids[pos] = ids[child]!;
      values[pos] = values[child]!;
      pos = child;
    }
    ids[pos] = id;
    values[pos] = value;
  }
}

const shared = new CellHeap();

/**
 * Cells a search may stop after: once every cell of `cells` and one cell of `any` are settled,
 * their routes are final (every cell on a route from them is settled earlier), so the rest of the
 * grid need not be searched. A re-plan needs its loads' cells and the nearest of its home cells
 * (the launch cell). `mark` is scratch of the grid's size, all 0 between searches.
 */
export interface StopCells {
  /** Cells that must all settle (repeats allowed). */
  cells: Int32Array;
  /** How many of `cells` are used. */
  n: number;
  /** Cells of which the first to settle is enough (empty: no such condition). */
  any: Int32Array;
  /** Scratch marks, one per grid cell, 0 outside a search. */
  mark: Uint8Array;
}

const MUST = 1;
const ANY = 2;

/**
 * Dijkstra over a route graph toward the market cells (the same field as `routeField`). Writes
 * into `out` when given (re-plans reuse their arrays, so a re-plan allocates nothing). With `stop`
 * the search ends once its cells are settled: the field is then exact on those cells and on the
 * routes from them, and elsewhere Infinity or an upper bound (never below the exact cost).
 */
export function graphField(
  gr: RouteGraph,
  cost: Float64Array,
  marketCells: ArrayLike<number>,
  out?: RouteField,
  stop?: StopCells,
): RouteField {
  const n = gr.size;
  const dist = out?.dist ?? new Float64Array(n);
  const next = out?.next ?? new Int32Array(n);
  const end = out?.end ?? new Int32Array(n);
  dist.fill(Number.POSITIVE_INFINITY);
  next.fill(-1);
  end.fill(-1);
  const queue = shared;
  queue.length = 0;
  for (let i = 0; i < marketCells.length; i++) {
    const m = marketCells[i]!;
    if (isPassable(cost[m]!) && gr.blocked[m] === 0 && dist[m]! > 0) {
      dist[m] = 0;
      end[m] = m;
      queue.push(m, 0);
    }
  }
  // left: MUST cells not yet settled, plus 1 while no ANY cell has settled.
  let left = 0;
  const mark = stop?.mark;
  if (stop && mark) {
    for (let i = 0; i < stop.n; i++) {
      const c = stop.cells[i]!;
      if ((mark[c]! & MUST) === 0) {
        mark[c]! |= MUST;
        left++;
      }
    }
    for (let i = 0; i < stop.any.length; i++) mark[stop.any[i]!]! |= ANY;
    if (stop.any.length > 0) left++;
  }
  const { into, step } = gr;
  while (queue.length > 0) {
    const du = queue.values[0]!;
    const u = queue.ids[0]!;
    queue.pop();
    if (du > dist[u]!) continue;
    if (left > 0 && mark![u] !== 0) {
      const k = mark![u]!;
      if (k & MUST) left--;
      if (k & ANY) {
        left--;
        for (let i = 0; i < stop!.any.length; i++) mark![stop!.any[i]!]! &= ~ANY;
      }
      mark![u] = k & ~(MUST | ANY);
      if (left === 0) break;
    }
    const cu = cost[u]!;
    const base = u * 8;
    for (let k = 0; k < 8; k++) {
      const v = into[base + k]!;
      if (v < 0) continue;
      const cv = cost[v]!;
      // Costs here are ≥ 0 by construction, so "finite" is the whole passability test.
      if (!(cv < Number.POSITIVE_INFINITY)) continue;
      const nd = du + (cu + cv) * 0.5 * step[k]!;
      if (nd < dist[v]!) {
        dist[v] = nd;
        next[v] = u;
        end[v] = end[u]!;
        queue.push(v, nd);
      }
    }
  }
  if (stop && mark) {
    for (let i = 0; i < stop.n; i++) mark[stop.cells[i]!] = 0;
    for (let i = 0; i < stop.any.length; i++) mark[stop.any[i]!] = 0;
  }
  return { dist, next, end };
}
