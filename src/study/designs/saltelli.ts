/**
 * Saltelli's sampling scheme for Sobol indices (Saltelli 2002; Saltelli et al. 2010, "Variance
 * based sensitivity analysis of model output", Comput. Phys. Commun. 181, 259–270): a Sobol
 * sequence of dimension 2k gives two independent N × k matrices, A (its first k columns) and B
 * (its last k); AB_j is A with column j taken from B, and BA_j (second order only) is B with
 * column j from A. Samples are laid out per base row i, as SALib does: A_i, AB_1,i … AB_k,i,
 * [BA_1,i … BA_k,i,] B_i — N·(k + 2) samples, or N·(2k + 2) with second order.
 */

import { type DesignRoles, emptyRoles } from "./roles.js";
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from "./sobol.js";

/** Most factors a Saltelli design takes: its Sobol sequence has 2k dimensions. */
export const SALTELLI_MAX_FACTORS = Math.floor(SOBOL_MAX_DIMENSIONS / 2);

/** Samples per base row: A, the k AB_j, the k BA_j with second order, and B. */
export function saltelliBlock(k: number, secondOrder: boolean): number {
  return secondOrder ? 2 * k + 2 : k + 2;
}

/**
 * The Saltelli design with base size `n` over `k` factors: unit-cube samples (row-major, sample s,
 * factor j at s·k + j) and each sample's role.
 */
export function saltelliSamples(
  n: number,
  k: number,
  secondOrder: boolean,
): { unit: Float64Array; roles: DesignRoles } {
  const base = sobolPoints(n, 2 * k);
  const block = saltelliBlock(k, secondOrder);
  const unit = new Float64Array(n * block * k);
  const roles = emptyRoles(n * block);
  const a = (i: number, j: number) => base[i * 2 * k + j]!;
  const b = (i: number, j: number) => base[i * 2 * k + k + j]!;
  for (let i = 0; i < n; i++) {
    const first = i * block;
    const put = (
      offset: number,
      role: DesignRoles["role"][number],
      factor: number,
      fromB: (j: number) => boolean,
    ) => {
      const s = first + offset;
      for (let j = 0; j < k; j++) unit[s * k + j] = fromB(j) ? b(i, j) : a(i, j);
      roles.role[s] = role;
      roles.row[s] = i;
      roles.factor[s] = factor;
    };
    put(0, "A", -1, () => false);
    for (let m = 0; m < k; m++) put(1 + m, "AB", m, (j) => j === m);
    if (secondOrder) for (let m = 0; m < k; m++) put(1 + k + m, "BA", m, (j) => j !== m);
    put(block - 1, "B", -1, () => true);
  }
  return { unit, roles };
}
