/**
 * Which way the nexus model's outcomes are good, from the view of the states whose postures are
 * compared (less heroin through, more seized, less violence and insurgency, fewer troop-days
 * spent, more legitimacy), and which outcome a regret is about when none is named. The report's
 * regret table and the `regret(…)` form of `pamir discover`'s condition both read them here.
 */
import type { Direction } from "./regret.js";

/** Known outcomes' directions; outcomes that describe rather than score (a share of terrorism) have none. */
export const OUTCOME_DIRECTIONS: Readonly<Record<string, Direction>> = {
  delivered_kg: "lower-is-better",
  seized_kg: "higher-is-better",
  violent_events: "lower-is-better",
  insurgent_fighters: "lower-is-better",
  insurgent_revenue_usd: "lower-is-better",
  incursions: "lower-is-better",
  fighters_crossed: "lower-is-better",
  clashes: "lower-is-better",
  alliance_troop_days: "lower-is-better",
  actives: "lower-is-better",
  legitimacy_mean: "higher-is-better",
};

/**
 * Default outcome of a regret, first present wins: violence is what both postures claim to
 * prevent, then the heroin flow the criminal-motive argument is about.
 */
export const REGRET_PREFERENCE = [
  "violent_events",
  "delivered_kg",
  "insurgent_revenue_usd",
  "insurgent_fighters",
  "seized_kg",
] as const;
