/**
 * What the analytic test functions emit: one value y, no series (their runs have no ticks).
 * They check the sensitivity estimators, so y has no better side.
 */
import { type OutcomeCatalogue, spec } from "../../core/outcomes.js";

/** The Ishigami function's catalogue. */
export const ishigamiCatalogue: OutcomeCatalogue = {
  model: "ishigami",
  version: "1",
  outcomes: [
    spec("y", "1", "none", "Ishigami's y = sin x1 + a·sin² x2 + b·x3⁴·sin x1 at the run's x1, x2, x3."),
  ],
  series: [],
};

/** The Sobol G function's catalogue. */
export const sobolGCatalogue: OutcomeCatalogue = {
  model: "sobol-g",
  version: "1",
  outcomes: [spec("y", "1", "none", "Sobol's G = ∏ (|4xᵢ − 2| + aᵢ) / (1 + aᵢ) at the run's x.")],
  series: [],
};
