/**
 * What the Schelling model's outcomes and series mean (models/classic/schelling.ts, docs/model.md).
 * A validation model: no posture is evaluated on it, so no outcome has a better side.
 */
import { type OutcomeCatalogue, spec } from "../../../core/outcomes.js";

/** The Schelling model's catalogue. */
export const schellingCatalogue: OutcomeCatalogue = {
  model: "schelling",
  version: "1",
  outcomes: [
    spec("ticks", "ticks", "none", "Ticks run (fewer than asked when the run stopped with everyone happy)."),
    spec("agents", "agents", "none", "Residents on the grid, half in each group."),
    spec(
      "happy_share",
      "share 0–1",
      "none",
      "Share of residents happy at the last tick (at setup for a run of 0 ticks).",
    ),
    spec("moves_last_tick", "moves", "none", "Residents who moved in the last tick."),
    spec("moves_total", "moves", "none", "Moves over the whole run."),
    spec(
      "segregation",
      "share 0–1",
      "none",
      "Mean share of a resident's occupied neighbour cells held by its own group (≈ 0.5 mixed, 1 fully apart).",
    ),
  ],
  series: [
    spec("happy_share", "share 0–1", "none", "Share of residents happy after the tick."),
    spec("moves", "moves", "none", "Residents who moved in the tick."),
  ],
};
