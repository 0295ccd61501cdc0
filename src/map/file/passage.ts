/**
 * Who may step where across borders: inside a country any step between region cells is open;
 * between countries a step is open only into or out of a crossing cell that joins exactly those
 * two countries. Cells outside the region (Pakistan, Iran, Tibet, beyond the box) are closed.
 */
import type { CentralAsiaMap } from "./types.js";

/** Whether a move between neighbouring cells `a` and `b` is allowed by the border rule. */
export function canStep(map: CentralAsiaMap, a: number, b: number): boolean {
  const ca = map.country[a]!;
  const cb = map.country[b]!;
  if (ca === 0 || cb === 0) return false;
  if (ca === cb) return true;
  return joins(map, map.crossing[a]!, ca, cb) || joins(map, map.crossing[b]!, ca, cb);
}

function joins(map: CentralAsiaMap, x: number, ca: number, cb: number): boolean {
  if (x < 0) return false;
  const [p, q] = map.crossings[x]!.countries;
  return (p === ca && q === cb) || (p === cb && q === ca);
}
