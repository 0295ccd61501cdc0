/**
 * Catalogue entries of the bands' outcomes (`insurgentOutcomes` in models/nexus/outcomes.ts):
 * strength, money, manpower, incursions and the blocking screen. Directions: the states' view
 * docs/model.md takes (stats/directions.ts): fewer fighters, less money and fewer incursions is
 * better. Fighters lost in clashes are both violence (a cost) and attrition (a gain): no side.
 */
import { type OutcomeSpec, spec } from "../../../core/outcomes.js";
import { MOTIVE_CLASSES } from "../motives.js";

const motive = { values: { motive: MOTIVE_CLASSES } };

/** The bands' end-of-run outcomes. */
export const INSURGENT_OUTCOMES: readonly OutcomeSpec[] = [
  spec("insurgent_bands", "bands", "lower", "Insurgent bands alive at the end."),
  spec("insurgent_fighters", "fighters", "lower", "Fighters in the live bands at the end.", {
    label: "Insurgent fighters at the end",
  }),
  spec("insurgent_cash_usd", "USD", "lower", "Cash the live bands hold at the end."),
  spec(
    "insurgent_revenue_usd",
    "USD",
    "lower",
    "Drug money the bands took over the run: insurgent_tax_usd + insurgent_escort_usd.",
    { label: "Insurgent revenue" },
  ),
  spec("insurgent_tax_usd", "USD", "lower", "Tax the bands collected from loads passing cells they held."),
  spec("insurgent_escort_usd", "USD", "lower", "Escort fees organisations paid the bands."),
  spec("insurgent_upkeep_usd", "USD", "none", "Wages the bands paid their fighters (what cash could pay)."),
  spec(
    "insurgent_funding_usd",
    "USD",
    "lower",
    "Non-drug funding (sponsors, diaspora, extortion) the bands received.",
  ),
  spec(
    "criminal_share_mean",
    "share 0–1",
    "none",
    "Fighter-weighted mean criminal share of the live bands' motives at the end (0 ideological, 1 criminal).",
  ),
  spec("insurgent_recruited", "fighters", "lower", "Fighters the bands recruited over the run."),
  spec("insurgent_deserted", "fighters", "higher", "Fighters who deserted for want of pay over the run."),
  spec(
    "insurgent_losses",
    "fighters",
    "none",
    "Fighters the bands lost in clashes (as casualties.insurgent).",
  ),
  spec("bands_destroyed", "bands", "none", "Bands wiped out in clashes (no fighters left)."),
  spec("incursions", "incursions", "lower", "Armed border crossings of bands out of their home country.", {
    label: "Incursions",
  }),
  spec(
    "fighters_crossed",
    "fighters",
    "lower",
    "Fighters who crossed in those incursions, summed over incursions.",
    {
      label: "Fighters who crossed",
    },
  ),
  spec(
    "crossing_attempts_screened",
    "attempts",
    "none",
    "Band crossings halted at a border where drill troops stood a blocking screen.",
  ),
  spec(
    "crossings_detected",
    "attempts",
    "none",
    "Screened crossing attempts the blocking troops detected (each a fight).",
  ),
  spec(
    "crossings_turned_back",
    "attempts",
    "higher",
    "Detected crossings beaten and turned back to their own side.",
  ),
  spec("fighters_turned_back", "fighters", "higher", "Fighters in the columns turned back."),
  spec(
    "incursions.{motive}",
    "incursions",
    "lower",
    "Armed incursions by bands of this motive class.",
    motive,
  ),
  spec(
    "fighters_crossed.{motive}",
    "fighters",
    "lower",
    "Fighters who crossed in incursions of this motive class.",
    motive,
  ),
];
