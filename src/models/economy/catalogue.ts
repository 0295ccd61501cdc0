/**
 * What the economy's outcomes (`economyOutcomes` in models/economy/model.ts) and series
 * (`economySeries`) mean, one entry per name. Directions take the view docs/model.md takes of
 * the states' postures: less heroin through and less money to traffickers is better, more seized
 * is better; volumes that describe the trade (stocks, prices, routes) have no better side.
 * The nexus model emits all of these first and reuses the entries (models/nexus/catalogue/).
 */
import { type OutcomeCatalogue, type OutcomeSpec, spec } from "../../core/outcomes.js";
import { AGENCIES } from "./params.js";

const agency = { values: { agency: AGENCIES } };

/** The economy's end-of-run outcomes. */
export const ECONOMY_OUTCOMES: readonly OutcomeSpec[] = [
  spec("days", "days", "none", "Days run (the run's ticks; one tick is one day)."),
  spec("produced_kg", "kg", "none", "Heroin the producing provinces made over the run."),
  spec("stocks_kg", "kg", "none", "Unsold heroin left in the producing provinces' stocks at the end."),
  spec("in_transit_kg", "kg", "none", "Heroin in shipments still on the way at the end."),
  spec("delivered_kg", "kg", "lower", "Heroin sold at the markets over the run, all markets.", {
    label: "Heroin delivered",
  }),
  spec("seized_kg", "kg", "higher", "Heroin seized by state security over the run, all countries.", {
    label: "Heroin seized",
  }),
  spec(
    "mass_balance_residual_kg",
    "kg",
    "none",
    "Produced minus (stocks + in transit + delivered + seized): the books' check, 0 up to rounding.",
  ),
  spec(
    "delivered_t_per_year",
    "t/yr",
    "lower",
    "Heroin delivered, as tonnes per 365 days at the run's rate.",
  ),
  spec(
    "flow_t_per_year",
    "t/yr",
    "none",
    "Heroin bought and sent into the route, as tonnes per 365 days (what moves through the region).",
  ),
  spec(
    "seized_share",
    "share 0–1",
    "higher",
    "Seized / (delivered + seized): the share of heroin that ended seized.",
  ),
  spec("shipments", "shipments", "none", "Shipments (lots) organisations dispatched over the run."),
  spec("mean_lot_kg", "kg", "none", "Mean size of a dispatched lot: kg dispatched / shipments."),
  spec(
    "seizures",
    "events",
    "higher",
    "Seizure events: a detected load neither bribed through nor (in the nexus) fought through by its escort.",
  ),
  spec("bribes", "events", "lower", "Bribes paid to a detecting unit, count (collusions included)."),
  spec(
    "collusions",
    "events",
    "lower",
    "Bribes taken by units whose corruption is at or above collusionLevel, which let every load through (a subset of bribes).",
  ),
  spec("bribes_usd", "USD", "lower", "Money paid in bribes over the run."),
  spec("revenue_usd", "USD", "lower", "Money organisations received at the markets over the run."),
  spec("purchases_usd", "USD", "none", "Money organisations paid the producers for heroin over the run."),
  spec("fares_usd", "USD", "none", "Money organisations paid carriers over the run."),
  spec(
    "profit_usd",
    "USD",
    "lower",
    "Traffickers' profit over the run: revenue − purchases − fares − bribes − levies (insurgent tax, in the nexus).",
  ),
  spec("capital_usd", "USD", "lower", "Capital the organisations hold at the end, all organisations."),
  spec(
    "replans",
    "events",
    "none",
    "Route re-plans of all organisations (after losses, closures or a review).",
  ),
  spec(
    "corridors_in_use",
    "crossings",
    "none",
    "Named crossings that carried at least corridorShare of all kg through crossings.",
  ),
  spec(
    "crossed_official_kg",
    "kg",
    "none",
    "Heroin through official border crossings, summed over every passage.",
  ),
  spec(
    "crossed_informal_kg",
    "kg",
    "none",
    "Heroin through informal border crossings, summed over every passage.",
  ),
  spec(
    "crossed_official_share",
    "share 0–1",
    "none",
    "Share of the kg through border crossings that went through official (road) posts.",
  ),
  spec(
    "road_share",
    "share 0–1",
    "none",
    "Share of kg·cell-steps on road cells: the distance-weighted share carried by road.",
  ),
  spec("delivered_kg.{market}", "kg", "lower", "Heroin sold at this market over the run."),
  spec(
    "onward_kg.{market}",
    "kg",
    "none",
    "Heroin this market's wholesalers sold on to the next market over the run (onward trade).",
  ),
  spec("price.{market}", "USD/kg", "none", "This market's wholesale price at the end of the run."),
  spec(
    "price_mean.{market}",
    "USD/kg",
    "none",
    "This market's mean daily closing price from day warmUpDays on (the final price if the run ends sooner).",
  ),
  spec(
    "transit_kg.{country}",
    "kg",
    "none",
    "Heroin that entered this country, counted once per shipment (countries no load entered are left out).",
  ),
  spec(
    "share_through_TJ",
    "share 0–1",
    "none",
    "Share of the heroin dispatched that entered Tajikistan (0 on a world without it).",
  ),
  spec(
    "seized_kg.{country}",
    "kg",
    "higher",
    "Heroin seized in this country over the run (countries with no seizure are left out).",
  ),
  spec(
    "seized_kg.{agency}",
    "kg",
    "higher",
    "Heroin this agency's units seized over the run, all countries.",
    agency,
  ),
  spec("stock_kg.{province}", "kg", "none", "Unsold stock left in this producing province at the end."),
];

/** The economy's per-tick series (one value per day, after the day). */
export const ECONOMY_SERIES: readonly OutcomeSpec[] = [
  spec("produced_kg", "kg", "none", "Heroin produced so far."),
  spec("stocks_kg", "kg", "none", "Unsold heroin in the producing provinces' stocks."),
  spec("in_transit_kg", "kg", "none", "Heroin in shipments on the way."),
  spec("delivered_kg", "kg", "lower", "Heroin sold at the markets so far.", {
    label: "Heroin delivered, cumulative",
  }),
  spec("seized_kg", "kg", "higher", "Heroin seized so far.", { label: "Heroin seized, cumulative" }),
  spec("bribes_usd", "USD", "lower", "Money paid in bribes so far."),
  spec("shipments_live", "shipments", "none", "Shipments on the way."),
  spec("mass_balance_residual_kg", "kg", "none", "The books' check that day (0 up to rounding)."),
  spec("price.{market}", "USD/kg", "none", "This market's wholesale price at the end of the day."),
];

/** The economy model's catalogue. */
export const economyCatalogue: OutcomeCatalogue = {
  model: "economy",
  version: "1",
  outcomes: ECONOMY_OUTCOMES,
  series: ECONOMY_SERIES,
};
