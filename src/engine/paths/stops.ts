/**
 * The stop cells of a distance field (`field.ts`) as marks on a scratch array: which cells the
 * search still waits for, so it can end as soon as the cells a caller needs are settled.
 */
import type { StopCells } from "./field-types.js";

/** Mark bit of a cell that must settle. */
const MUST = 1;
/** Mark bit of a cell of which one settling is enough. */
export const ANY = 2;

/** Mark the stop cells; returns how many settlements the search waits for. */
export function markStops(stop: StopCells): number {
  const { mark, cells, any } = stop;
  // MUST cells not yet settled, plus 1 while no ANY cell has settled.
  let left = 0;
  for (let i = 0; i < stop.n; i++) {
    const c = cells[i]!;
    if ((mark[c]! & MUST) === 0) {
      mark[c]! |= MUST;
      left++;
    }
  }
  for (let i = 0; i < any.length; i++) mark[any[i]!]! |= ANY;
  if (any.length > 0) left++;
  return left;
}

/** Settle marked cell u: how many of the awaited settlements it completes. */
export function settle(stop: StopCells, u: number): number {
  const { mark, any } = stop;
  const k = mark[u]!;
  let done = 0;
  if (k & MUST) done++;
  if (k & ANY) {
    done++;
    for (let i = 0; i < any.length; i++) mark[any[i]!]! &= ~ANY;
  }
  mark[u] = k & ~(MUST | ANY);
  return done;
}

/** Reset the marks to 0 for the next search. */
export function clearStops(stop: StopCells): void {
  for (let i = 0; i < stop.n; i++) stop.mark[stop.cells[i]!] = 0;
  for (let i = 0; i < stop.any.length; i++) stop.mark[stop.any[i]!] = 0;
}
