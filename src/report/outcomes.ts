/**
 * What the report knows about the nexus model's outcomes: labels, units and which way each is
 * good. Everything else in the report is driven by which of these names a study's runs carry,
 * so a study without insurgents (the drug-route economy) gets the sections it has data for.
 */
import { OUTCOME_DIRECTIONS, REGRET_PREFERENCE } from "../stats/directions.js";
import type { Direction } from "../stats/regret.js";

/** Default outcome of the regret table (stats/directions.ts, shared with `pamir discover`'s regret form). */
export { REGRET_PREFERENCE };

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

/** Key outcomes of the comparison, in table order (their directions: stats/directions.ts). */
const KEY: readonly OutcomeInfo[] = [
  { name: "delivered_kg", label: "Heroin delivered", unit: "kg" },
  { name: "seized_kg", label: "Heroin seized", unit: "kg" },
  { name: "violent_events", label: "Violent events", unit: "events" },
  { name: "insurgent_fighters", label: "Insurgent fighters at the end", unit: "fighters" },
  { name: "insurgent_revenue_usd", label: "Insurgent revenue", unit: "USD" },
  { name: "incursions", label: "Incursions", unit: "incursions" },
  { name: "fighters_crossed", label: "Fighters who crossed", unit: "fighters" },
  { name: "clashes", label: "Clashes", unit: "clashes" },
  { name: "attributed_terror_share", label: "Violence the state called terrorism", unit: "share" },
  { name: "true_terror_share", label: "Violence that was terrorism", unit: "share" },
  { name: "alliance_troop_days", label: "Alliance troop-days", unit: "troop-days" },
  { name: "actives", label: "Active rebels at the end", unit: "people" },
  { name: "legitimacy_mean", label: "Mean legitimacy, 0–1", unit: "" },
];

/** Key outcomes of the comparison with the way each is good, in table order. */
export const KEY_OUTCOMES: readonly OutcomeInfo[] = KEY.map((o) => {
  const direction = OUTCOME_DIRECTIONS[o.name];
  return direction ? { ...o, direction } : o;
});

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
