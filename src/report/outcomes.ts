/**
 * What the report knows about the nexus model's outcomes: labels, units and which way each is
 * good. Everything else in the report is driven by which of these names a study's runs carry,
 * so a study without insurgents (the drug-route economy) gets the sections it has data for.
 */
import type { Direction } from "../stats/regret.js";

/** How to show one outcome. */
export interface OutcomeInfo {
  /** Outcome name as the runs record it. */
  name: string;
  /** Words for tables and chart titles. */
  label: string;
  /** Unit for axes and table headers ("" when the outcome has none). */
  unit: string;
  /** Which way is good for the state; undefined where it is a description, not a goal. */
  direction?: Direction;
}

const lower: Direction = "lower-is-better";
const higher: Direction = "higher-is-better";

/**
 * Key outcomes of the comparison, in table order. Directions take the view of the states whose
 * postures are compared: less heroin through, more seized, less violence and insurgency, fewer
 * troop-days spent, more legitimacy.
 */
export const KEY_OUTCOMES: readonly OutcomeInfo[] = [
  { name: "delivered_kg", label: "Heroin delivered", unit: "kg", direction: lower },
  { name: "seized_kg", label: "Heroin seized", unit: "kg", direction: higher },
  { name: "violent_events", label: "Violent events", unit: "events", direction: lower },
  { name: "insurgent_fighters", label: "Insurgent fighters at the end", unit: "fighters", direction: lower },
  { name: "insurgent_revenue_usd", label: "Insurgent revenue", unit: "USD", direction: lower },
  { name: "incursions", label: "Incursions", unit: "incursions", direction: lower },
  { name: "fighters_crossed", label: "Fighters who crossed", unit: "fighters", direction: lower },
  { name: "clashes", label: "Clashes", unit: "clashes", direction: lower },
  { name: "attributed_terror_share", label: "Violence the state called terrorism", unit: "share" },
  { name: "true_terror_share", label: "Violence that was terrorism", unit: "share" },
  { name: "alliance_troop_days", label: "Alliance troop-days", unit: "troop-days", direction: lower },
  { name: "actives", label: "Active rebels at the end", unit: "people", direction: lower },
  { name: "legitimacy_mean", label: "Mean legitimacy, 0–1", unit: "", direction: higher },
];

/**
 * Default outcome of the regret table, first present wins: violence is what both postures claim
 * to prevent, then the heroin flow the criminal-motive argument is about.
 */
export const REGRET_PREFERENCE = [
  "violent_events",
  "delivered_kg",
  "insurgent_revenue_usd",
  "insurgent_fighters",
  "seized_kg",
] as const;

/** Per-province metrics drawn as maps (`province.<name>.<metric>`), in section order. */
export const PROVINCE_METRICS: readonly (OutcomeInfo & { share?: boolean })[] = [
  { name: "seized_kg", label: "Heroin seized", unit: "kg, mean per run" },
  { name: "influence_days", label: "Insurgent-influence days", unit: "days, mean per run" },
  { name: "violent_events", label: "Violent events", unit: "events, mean per run" },
  {
    name: "attributed_terror_share",
    label: "Share of violent events the state attributed to terrorism",
    unit: "share of events",
    share: true,
  },
  {
    name: "true_terror_share",
    label: "True share of violent events that were terrorism",
    unit: "share of events",
    share: true,
  },
];

/** Per-tick series charted per arm, in section order. */
export const SERIES: readonly OutcomeInfo[] = [
  { name: "delivered_kg", label: "Heroin delivered, cumulative", unit: "kg" },
  { name: "insurgent_fighters", label: "Insurgent strength", unit: "fighters" },
  { name: "incursions", label: "Incursions, cumulative", unit: "incursions" },
  { name: "clashes", label: "Clashes, cumulative", unit: "clashes" },
];

/** Prefix of the per-market mean price outcomes. */
export const PRICE_PREFIX = "price_mean.";

/** How to show any outcome: the catalogue entry, or its own name without a unit. */
export function outcomeInfo(name: string): OutcomeInfo {
  return KEY_OUTCOMES.find((o) => o.name === name) ?? { name, label: name, unit: "" };
}

/** "Label (unit)" for headers and axes; just the label when it already says the unit ("Clashes"). */
export function withUnit(o: OutcomeInfo): string {
  if (!o.unit || o.label.toLowerCase().includes(o.unit.toLowerCase())) return o.label;
  return `${o.label} (${o.unit})`;
}

/** Province name and metric of a `province.<name>.<metric>` outcome; the name may itself hold dots. */
export function parseProvinceOutcome(name: string): { province: string; metric: string } | undefined {
  if (!name.startsWith("province.")) return undefined;
  const rest = name.slice("province.".length);
  const dot = rest.lastIndexOf(".");
  if (dot <= 0 || dot === rest.length - 1) return undefined;
  return { province: rest.slice(0, dot), metric: rest.slice(dot + 1) };
}
