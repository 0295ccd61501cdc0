/**
 * What each sample of a sensitivity design is for, so the estimators can find their matrices in
 * a study's rows. Columns, one entry per sample s (a design point p of a factorial cell has
 * sample s = p mod samples):
 * - Saltelli: `role` is "A", "B", "AB" or "BA"; `row` the base row i (0 … N−1); `factor` the
 *   column j taken from the other matrix (AB_j, BA_j), −1 for A and B.
 * - Morris: `role` is "start" or "step"; `row` the trajectory t; `factor` the factor moved at
 *   this step (−1 at the start); `step` +1 or −1, the direction of the move (0 at the start).
 */

/** Saltelli's layout parameters. */
export interface SaltelliLayout {
  /** Base sample size N (rows of A and B). */
  base: number;
  /** Whether the BA_j matrices (for second-order indices) are in the design. */
  secondOrder: boolean;
}

/** Morris's layout parameters. */
export interface MorrisLayout {
  /** Trajectories r run. */
  trajectories: number;
  /** Grid levels p. */
  levels: number;
  /** The step Δ = p / (2(p − 1)) on the unit scale. */
  delta: number;
  /** Candidate trajectories the r were chosen from (Campolongo 2007), or null without selection. */
  candidates: number | null;
}

/** Per-sample roles of a sensitivity design, as columns. */
export interface DesignRoles {
  /** Role per sample. */
  role: ("A" | "B" | "AB" | "BA" | "start" | "step")[];
  /** Base row (Saltelli) or trajectory (Morris) per sample. */
  row: number[];
  /** Factor index (into the range factors) per sample, −1 where none. */
  factor: number[];
  /** Direction of a Morris step per sample (+1, −1; 0 elsewhere). */
  step: number[];
}

/** The sensitivity layout of a design: Saltelli's or Morris's, with the roles of its samples. */
export type SensitivityLayout =
  | ({ kind: "saltelli"; roles: DesignRoles } & SaltelliLayout)
  | ({ kind: "morris"; roles: DesignRoles } & MorrisLayout);

/** Empty role columns for `n` samples. */
export function emptyRoles(n: number): DesignRoles {
  return {
    role: new Array(n),
    row: new Array(n).fill(0),
    factor: new Array(n).fill(-1),
    step: new Array(n).fill(0),
  };
}
