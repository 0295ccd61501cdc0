/**
 * What re-plans can share instead of recomputing. An organisation that has passed nowhere yet
 * sees every cell at its prior, so two such organisations of one province (and the same one in
 * the next run of a study worker) search the same cost layer from the same cells: the route
 * field is the same to the bit. `freshField` keeps those fields per move graph (the Central Asia
 * world's graph lives as long as the process) and hands them out read-only; `PriorRisk` keeps the
 * per-cell risk of a cell without counts, which re-plans otherwise recompute for every cell;
 * `launchGuide` keeps the carriage-only cost from every cell to a province's launch cells, the
 * lower bound that lets a re-plan search toward them as A*.
 */
import { distanceField } from "../../engine/paths/field.js";
import { graphField, type RouteField, type RouteGraph, type StopCells } from "../../worlds/route-graph.js";

/** What the prior risk layer is computed from (a re-plan's context). */
export interface PriorRiskInputs {
  /** Speed per cell, cells/day. */
  speed: Float64Array;
  /** Prior seizure chance per passage of each cell. */
  priorSeize: Float64Array;
  /** Prior bribe chance per passage of each cell. */
  priorBribe: Float64Array;
  /** Pseudo-passages behind the priors. */
  weight: number;
  /** Bribe as a share of cargo value. */
  bribeShare: number;
  /** Holding cost, share of cargo value per day on the way. */
  holdingPerDay: number;
}

/**
 * The expected loss per unit of cargo value of a cell an organisation has no counts in, per
 * cell: the same expression a re-plan evaluates with counts of 0, so it is the same to the bit.
 * Recomputed only when the inputs change (they are fixed for a run).
 */
export class PriorRisk {
  private inputs: PriorRiskInputs | undefined;
  private out = new Float64Array(0);

  /** The layer for `x` (kept until inputs other than these arrays and values come). */
  layer(x: PriorRiskInputs): Float64Array {
    const k = this.inputs;
    const same =
      k !== undefined &&
      k.speed === x.speed &&
      k.priorSeize === x.priorSeize &&
      k.priorBribe === x.priorBribe &&
      k.weight === x.weight &&
      k.bribeShare === x.bribeShare &&
      k.holdingPerDay === x.holdingPerDay;
    if (same) return this.out;
    const { speed, priorSeize, priorBribe, weight, bribeShare, holdingPerDay } = x;
    const none = 0; // a cell's counts: none yet
    const out = new Float64Array(speed.length);
    for (let c = 0; c < out.length; c++) {
      out[c] =
        (none + weight * priorSeize[c]!) / (none + weight) +
        bribeShare * ((none + weight * priorBribe[c]!) / (none + weight)) +
        (speed[c]! > 0 ? holdingPerDay / speed[c]! : 0);
    }
    this.inputs = { speed, priorSeize, priorBribe, weight, bribeShare, holdingPerDay };
    this.out = out;
    return out;
  }
}

/** One kept field and the search it answers. */
interface Kept {
  cost: Float64Array;
  sources: Int32Array;
  any: Int32Array;
  guide: Float64Array | undefined;
  field: RouteField;
}

/** Fields kept per graph; a bound keeps a study that varies the priors from growing without limit. */
const kept = new WeakMap<RouteGraph, Kept[]>();
const MAX_KEPT = 256;

/**
 * The route field over `cost` toward `sources` that stops once one cell of `stop.any` settles
 * (`stop.n` must be 0): a kept one when the same search was done before, else computed into new
 * arrays and kept. The arrays are shared: never write into them.
 */
export function freshField(
  gr: RouteGraph,
  cost: Float64Array,
  sources: Int32Array,
  stop: StopCells,
  guide?: Float64Array,
): RouteField {
  let list = kept.get(gr);
  if (!list) {
    list = [];
    kept.set(gr, list);
  }
  for (const k of list) {
    // The guide may decide ties, so a field searched with another guide is another field.
    if (
      k.guide === guide &&
      sameInts(k.sources, sources) &&
      sameInts(k.any, stop.any) &&
      sameBits(k.cost, cost)
    )
      return k.field;
  }
  const field = graphField(gr, cost, sources, undefined, stop, guide);
  if (list.length >= MAX_KEPT) list.shift();
  list.push({ cost: cost.slice(), sources: sources.slice(), any: stop.any.slice(), guide, field });
  return field;
}

/** One kept launch guide and what it was computed from. */
interface Guide {
  carriage: Float64Array;
  launch: Int32Array;
  guide: Float64Array;
}

const guides = new WeakMap<RouteGraph, Guide[]>();
const MAX_GUIDES = 64;

/**
 * The cheapest carriage alone from every cell to the nearest of `launch` (a province's launch
 * cells): a re-plan's cost layer is carriage plus tolls and value × risk, never below carriage,
 * so this is a consistent lower bound of what a route still costs from a cell to the launch
 * cells, the guide of an A* search toward them. Kept per graph while carriage is unchanged to the
 * bit (a closed crossing makes a new one); read-only.
 */
export function launchGuide(gr: RouteGraph, carriage: Float64Array, launch: Int32Array): Float64Array {
  let list = guides.get(gr);
  if (!list) {
    list = [];
    guides.set(gr, list);
  }
  for (const k of list) if (sameInts(k.launch, launch) && sameBits(k.carriage, carriage)) return k.guide;
  const guide = distanceField(gr, carriage, launch).dist;
  if (list.length >= MAX_GUIDES) list.shift();
  list.push({ carriage: carriage.slice(), launch: launch.slice(), guide });
  return guide;
}

/**
 * Whether two cost layers are equal bit for bit: equal non-zero numbers are the same bits, zeros
 * are told apart by sign, and NaN equals nothing (a miss, so the search is simply done again).
 */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y || (x === 0 && 1 / x !== 1 / y)) return false;
  }
  return true;
}

/** Whether two cell lists are equal. */
function sameInts(a: Int32Array, b: Int32Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
