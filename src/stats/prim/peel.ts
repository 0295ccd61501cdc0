/**
 * PRIM, the patient rule induction method (Friedman & Fisher 1999, "Bump hunting in
 * high-dimensional data", Statistics and Computing 9, 123–143), as EMA Workbench's `prim` module
 * runs it for scenario discovery: starting from the box holding every case, peel — of all the
 * boxes that cut off the lowest or highest α-quantile of the cases in one dimension, take the one
 * with the best "lenient" objective (gain in mean divided by cases removed; ties to the box with
 * fewer restricted dimensions) while it improves the mean and keeps mass ≥ the minimum support;
 * then paste — widen one restricted limit at a time by the α-quantile of the cases just outside
 * it while that raises the mean. Every accepted box is a step of the trajectory.
 */
import {
  type Box,
  type BoxStats,
  boxStats,
  casesIn,
  copyBox,
  initialBox,
  type PrimData,
  restrictedCount,
} from "./box.js";

/** Peeling and pasting parameters. */
export interface PrimOptions {
  /** Share of the box's cases a peel cuts off (α, EMA's peel_alpha). */
  peelAlpha: number;
  /** Share of the cases beyond a limit a paste takes in (EMA's paste_alpha). */
  pasteAlpha: number;
  /** Smallest mass a box may have (EMA's mass_min; the minimum support). */
  massMin: number;
}

/** One box of the peeling and pasting trajectory. */
export interface TrajectoryStep extends BoxStats {
  phase: "start" | "peel" | "paste";
  box: Box;
}

/**
 * The q-quantile of sorted values as sdtoolkit and EMA Workbench take it: position (n − 1)·q; the
 * two neighbouring values, widened past ties away from the median side, averaged — so a peel
 * never splits cases with equal values.
 */
export function primQuantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  let lo = Math.floor(h);
  let hi = Math.ceil(h);
  if (q > 0.5) while (sorted[lo] === sorted[hi] && lo > 0) lo--;
  else while (sorted[lo] === sorted[hi] && hi < sorted.length - 1) hi++;
  return (sorted[lo]! + sorted[hi]!) / 2;
}

/** EMA Workbench's "lenient1" objective: change of mean per case removed (or added). */
function lenient(meanOld: number, nOld: number, meanNew: number, nNew: number): number {
  if (meanNew === meanOld || nNew === nOld) return 0;
  return (meanNew - meanOld) / Math.abs(nOld - nNew);
}

/** A candidate next box, scored. */
interface Candidate {
  box: Box;
  obj: number;
  free: number;
}

const better = (a: Candidate, b: Candidate | undefined) =>
  !b || a.obj > b.obj || (a.obj === b.obj && a.free > b.free);

/** The best peel of `box` (holding `cases`), or undefined when no dimension can be cut. */
function bestPeel(
  data: PrimData,
  box: Box,
  cases: Int32Array,
  init: Box,
  alpha: number,
): Candidate | undefined {
  const n = cases.length;
  let kOld = 0;
  for (let t = 0; t < n; t++) kOld += data.y[cases[t]!]!;
  const values = new Float64Array(n);
  let best: Candidate | undefined;
  for (let j = 0; j < data.x.length; j++) {
    const col = data.x[j]!;
    for (let t = 0; t < n; t++) values[t] = col[cases[t]!]!;
    values.sort();
    for (const side of ["lower", "upper"] as const) {
      const limit = primQuantile(values, side === "lower" ? alpha : 1 - alpha);
      let nNew = 0;
      let kNew = 0;
      for (let t = 0; t < n; t++) {
        const v = col[cases[t]!]!;
        if (side === "lower" ? v >= limit : v <= limit) {
          nNew++;
          kNew += data.y[cases[t]!]!;
        }
      }
      const next = copyBox(box);
      next[side][j] = limit;
      const obj = nNew > 0 ? lenient(kOld / n, n, kNew / nNew, nNew) : 0;
      const c = { box: next, obj, free: data.x.length - restrictedCount(next, init) };
      if (better(c, best)) best = c;
    }
  }
  return best;
}

/** The best paste of `box`, over every case of the data set. */
function bestPaste(data: PrimData, box: Box, init: Box, alpha: number): Candidate | undefined {
  const inBox = casesIn(data, box);
  const meanOld = boxMean(data, inBox);
  let best: Candidate | undefined;
  for (let j = 0; j < data.x.length; j++) {
    for (const side of ["lower", "upper"] as const) {
      if (box[side][j] === init[side][j]) continue;
      // The slab between the limit and the data's end, within the box's other limits.
      const slab = copyBox(box);
      if (side === "lower") [slab.lower[j], slab.upper[j]] = [init.lower[j]!, box.lower[j]!];
      else [slab.lower[j], slab.upper[j]] = [box.upper[j]!, init.upper[j]!];
      const beyond = casesIn(data, slab);
      const values = Float64Array.from(beyond, (i) => data.x[j]![i]!).sort();
      const next = copyBox(box);
      next[side][j] =
        values.length > 0 ? primQuantile(values, side === "lower" ? 1 - alpha : alpha) : init[side][j]!;
      const cases = casesIn(data, next);
      const meanNew = boxMean(data, cases);
      if (!(meanNew > meanOld)) continue;
      const c = {
        box: next,
        obj: lenient(meanOld, inBox.length, meanNew, cases.length),
        free: data.x.length - restrictedCount(next, init),
      };
      if (better(c, best)) best = c;
    }
  }
  return best;
}

function boxMean(data: PrimData, cases: Int32Array): number {
  let k = 0;
  for (let t = 0; t < cases.length; t++) k += data.y[cases[t]!]!;
  return cases.length > 0 ? k / cases.length : 0;
}

/** The peeling and pasting trajectory of one PRIM box search, from the full box on. */
export function primTrajectory(data: PrimData, opts: PrimOptions): TrajectoryStep[] {
  const init = initialBox(data);
  let totalK = 0;
  for (let i = 0; i < data.y.length; i++) totalK += data.y[i]!;
  let box = copyBox(init);
  let cases = casesIn(data, box);
  const steps: TrajectoryStep[] = [{ phase: "start", box, ...boxStats(data, cases, 0, totalK) }];
  const accept = (phase: "peel" | "paste", next: Box, inside: Int32Array) => {
    box = next;
    cases = inside;
    steps.push({ phase, box, ...boxStats(data, cases, restrictedCount(box, init), totalK) });
  };
  const minCases = opts.massMin * data.y.length;
  for (;;) {
    const c = bestPeel(data, box, cases, init, opts.peelAlpha);
    if (!c || !(c.obj > 0)) break;
    const inside = casesIn(data, c.box, cases);
    if (inside.length < minCases || inside.length >= cases.length) break;
    accept("peel", c.box, inside);
  }
  for (;;) {
    const c = bestPaste(data, box, init, opts.pasteAlpha);
    if (!c || !(c.obj > 0)) break;
    const inside = casesIn(data, c.box);
    if (inside.length < minCases || inside.length <= cases.length) break;
    accept("paste", c.box, inside);
  }
  return steps;
}
