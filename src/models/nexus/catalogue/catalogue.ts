/**
 * The nexus model's catalogue: the economy's outcomes and series first (the nexus emits them
 * first, models/nexus/outcomes.ts), then the armed side's, the people's and the places'. To add
 * an outcome, add one entry to the file of its group; the catalogue test fails until it matches.
 */
import type { OutcomeCatalogue } from "../../../core/outcomes.js";
import { spec } from "../../../core/outcomes.js";
import { ECONOMY_OUTCOMES, ECONOMY_SERIES } from "../../economy/catalogue.js";
import { OFFICIALS_OUTCOMES } from "../officials/catalogue.js";
import { INSURGENT_OUTCOMES } from "./insurgents.js";
import { PLACE_OUTCOMES } from "./places.js";
import { VIOLENCE_OUTCOMES } from "./violence.js";

/** The nexus model's catalogue. */
export const nexusCatalogue: OutcomeCatalogue = {
  model: "nexus",
  version: "2",
  outcomes: [
    ...ECONOMY_OUTCOMES,
    ...INSURGENT_OUTCOMES,
    ...VIOLENCE_OUTCOMES,
    ...OFFICIALS_OUTCOMES,
    ...PLACE_OUTCOMES,
  ],
  series: [
    ...ECONOMY_SERIES,
    spec("insurgent_fighters", "fighters", "lower", "Fighters in the live bands after the day.", {
      label: "Insurgent strength",
    }),
    spec("incursions", "incursions", "lower", "Armed incursions so far.", {
      label: "Incursions, cumulative",
    }),
    spec("clashes", "clashes", "lower", "Fights so far (encounters + strikes + escort fights).", {
      label: "Clashes, cumulative",
    }),
    spec("violent_events", "events", "lower", "Violent events so far."),
    spec("actives", "agents", "lower", "Citizen agents active after the day."),
    spec(
      "legitimacy_mean",
      "share 0–1",
      "higher",
      "Mean legitimacy over provinces with citizens after the day.",
    ),
    spec("alliance_troops", "troops", "none", "Alliance troops in position on the map after the day."),
  ],
};
