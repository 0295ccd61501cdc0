/**
 * Catalogue entries of the state as an actor (models/nexus/officials/outcomes.ts). Directions:
 * less violence is better; the fees and purges themselves have none (a purge is violence now and
 * less protected trade after).
 */
import { type OutcomeSpec, spec } from "../../../core/outcomes.js";

/** Strongmen, purges and trafficker-fight outcomes. */
export const OFFICIALS_OUTCOMES: readonly OutcomeSpec[] = [
  spec(
    "protection_fees_usd",
    "USD",
    "none",
    "Protection fees strongmen (officials, ex-commanders) took from loads entering their turf.",
    { label: "Protection fees" },
  ),
  spec("strongmen_active", "strongmen", "none", "Strongmen holding their turf on the last day (not purged)."),
  spec(
    "protection_clashes",
    "clashes",
    "lower",
    "Clashes of strongmen's men: with units that would not be bought, and with bands taxing their turf.",
  ),
  spec(
    "protection_clashes_with_units",
    "clashes",
    "lower",
    "Clashes of strongmen's men with state units that would not be bought (the load went on).",
  ),
  spec("protection_deaths", "people", "lower", "Deaths in strongmen's clashes (all sides)."),
  spec("purges", "events", "none", "Purges: security operations of the centre against a visible strongman.", {
    label: "Purges",
  }),
  spec("purge_deaths", "people", "lower", "Deaths in purge operations (state forces, civilians, his men).", {
    label: "Deaths in purges",
  }),
  spec("strongmen_men_lost", "people", "none", "Strongmen's men killed in their clashes and in purges."),
  spec(
    "trafficker_clashes",
    "clashes",
    "lower",
    "Shoot-outs of traffickers' guards with units that refused their bribe (no escort, off any turf).",
    { label: "Trafficker clashes" },
  ),
  spec("trafficker_clash_deaths", "people", "lower", "Deaths in those shoot-outs (all sides)."),
  spec("trafficker_escapes", "loads", "lower", "Loads that got away after such a shoot-out."),
];
