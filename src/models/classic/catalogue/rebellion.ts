/**
 * What the rebellion model's outcomes and series mean (models/classic/rebellion.ts, docs/model.md).
 * A validation model of the citizen layer: no posture is evaluated on it, so no outcome has a
 * better side. Counts are of agents; `active_people_peak` scales by `peoplePerAgent`.
 */
import { type OutcomeCatalogue, spec } from "../../../core/outcomes.js";

const afterBurnIn = "over the ticks after burnIn";

/** The rebellion model's catalogue. */
export const rebellionCatalogue: OutcomeCatalogue = {
  model: "rebellion",
  version: "1",
  outcomes: [
    spec("ticks", "ticks", "none", "Ticks run."),
    spec("citizens", "agents", "none", "Citizen agents placed (round(citizenDensity × cells))."),
    spec("cops", "agents", "none", "Cops placed (round(copDensity × cells))."),
    spec("active", "agents", "none", "Citizens active (rebelling) at the end."),
    spec("jailed", "agents", "none", "Citizens in jail at the end."),
    spec(
      "quiet",
      "agents",
      "none",
      "Citizens free and quiet at the end (active + quiet + jailed = citizens).",
    ),
    spec(
      "active_mean",
      "agents",
      "none",
      `Mean number of active citizens per tick, ${afterBurnIn} (NaN with none).`,
    ),
    spec("active_peak", "agents", "none", `Most citizens active at once, ${afterBurnIn}.`),
    spec(
      "active_kurtosis",
      "1",
      "none",
      `Pearson kurtosis m₄/m₂² of the active count ${afterBurnIn} (3 for a normal series, large for rare outbursts).`,
    ),
    spec("active_people_peak", "people", "none", "active_peak × peoplePerAgent: the peak in people."),
    spec("arrests", "events", "none", "Arrests over the run."),
  ],
  series: [
    spec("active", "agents", "none", "Citizens active after the tick."),
    spec("jailed", "agents", "none", "Citizens in jail after the tick."),
    spec("quiet", "agents", "none", "Citizens free and quiet after the tick."),
    spec("arrests", "events", "none", "Arrests in the tick."),
  ],
};
