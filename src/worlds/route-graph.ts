/**
 * A world's legal-move graph and route fields toward markets, on the engine's one shortest-path
 * search (`engine/paths/`). The world adds only its rules: blocked cells are closed, and the
 * border rule (`crossesLegally`) is the move filter, so a route never steps between two countries
 * except through a crossing. The graph is built once per world; every organisation re-plans one
 * field per market over it, which is the economy's hot path.
 */
import { distanceField, type StopCells } from "../engine/paths/field.js";
import { type MoveGraph, moveGraph } from "../engine/paths/graph.js";
import { crossesLegally } from "./build.js";
import type { World } from "./types.js";

export type { StopCells } from "../engine/paths/field.js";

/** A world's legal moves (8 directions): `into[c × 8 + k]` is a neighbour from which a load may step into c. */
export type RouteGraph = MoveGraph;

/** A reverse cost field toward one market: for every cell, the cheapest route cost and next step. */
export interface RouteField {
  /** Cheapest cost from the cell to any of the market's cells, USD/kg; Infinity if unreachable. */
  dist: Float64Array;
  /** Next cell on a cheapest route toward the market; −1 at market cells and unreachable cells. */
  next: Int32Array;
  /** The market cell that route ends at; −1 if unreachable. */
  end: Int32Array;
}

/** Build the legal-move graph of `world` (blocked cells have no moves). */
export function routeGraph(world: World): RouteGraph {
  return moveGraph(world.grid, {
    connectivity: 8,
    blocked: world.blocked,
    allow: (from, to) => crossesLegally(world, from, to),
  });
}

// Graphs of the worlds runs share (the Central Asia world is built once per process).
const graphs = new WeakMap<World, RouteGraph>();

/**
 * The legal-move graph of `world`, built on first use and shared by every run on that world
 * object: a graph is read-only, so a study worker builds the real map's once, not once per run.
 */
export function sharedRouteGraph(world: World): RouteGraph {
  let g = graphs.get(world);
  if (!g) {
    g = routeGraph(world);
    graphs.set(world, g);
  }
  return g;
}

/**
 * The route field toward `marketCells` over `cost` (USD/kg per cell-step, risk surcharge included
 * if wanted). Writes into `out` when given (re-plans reuse their arrays). With `stop` the search
 * ends once its cells are settled: a re-plan needs its loads' cells and the nearest of its launch
 * cells, exact there and on the routes from them, and elsewhere Infinity or an upper bound;
 * `guide` (a consistent lower bound of the cost on to `stop.any`) makes that search A*.
 */
export function graphField(
  gr: RouteGraph,
  cost: ArrayLike<number>,
  marketCells: ArrayLike<number>,
  out?: RouteField,
  stop?: StopCells,
  guide?: Float64Array,
): RouteField {
  const n = gr.size;
  const dist = out?.dist ?? new Float64Array(n);
  const next = out?.next ?? new Int32Array(n);
  const end = out?.end ?? new Int32Array(n);
  distanceField(gr, cost, marketCells, { out: { dist, parent: next, origin: end }, stop, guide });
  return { dist, next, end };
}
