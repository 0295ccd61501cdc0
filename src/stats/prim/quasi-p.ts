/**
 * Quasi-p-values of a PRIM box's limits (Bryant & Lempert 2010, as EMA Workbench computes them):
 * for each restricted limit, drop that one limit (back to the data's end) and take the density p
 * of the wider box; the quasi-p-value is the one-sided binomial probability of seeing at least
 * as many cases of interest as the box holds, among its cases, if each were of interest with
 * probability p — small when the limit really concentrates the cases of interest.
 */
import { regularizedBeta } from "../student-t.js";
import { type Box, casesIn, copyBox, interesting, type PrimData } from "./box.js";

/** P(X ≥ k) for X ~ Binomial(n, p): the regularized incomplete beta I_p(k, n − k + 1). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return regularizedBeta(p, k, n - k + 1);
}

/** Quasi-p-values per dimension of `box`: [lower, upper], NaN where that limit is not restricted. */
export function quasiPValues(data: PrimData, box: Box, init: Box): [number, number][] {
  const inside = casesIn(data, box);
  const n = inside.length;
  const k = interesting(data, inside);
  return Array.from(
    { length: data.x.length },
    (_, j) =>
      (["lower", "upper"] as const).map((side) => {
        if (box[side][j] === init[side][j]) return Number.NaN;
        const wider = copyBox(box);
        wider[side][j] = init[side][j]!;
        const cases = casesIn(data, wider);
        return binomialUpperTail(k, n, interesting(data, cases) / cases.length);
      }) as [number, number],
  );
}
