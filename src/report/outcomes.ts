/**
 * What the report shows of a study's outcomes and how it names them. Which outcomes make the
 * comparison table, the maps and the per-tick charts is the report's choice (the lists below);
 * their labels, units and directions come from the results folder's outcomes.csv, the catalogue
 * of the model the study ran. A folder written before there was one gets plain names, no units,
 * and the directions of stats/directions.ts. Sections are driven by which names the runs carry,
 * so a study without insurgents (the drug-route economy) gets the sections it has data for.
 */
import { describeColumn, type OutcomeCatalogue, type OutcomeSpec } from "../core/outcomes.js";
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

/** Key outcomes of the comparison, in table order. */
const KEY_NAMES: readonly string[] = [
  "delivered_kg",
  "seized_kg",
  "violent_events",
  "insurgent_fighters",
  "insurgent_revenue_usd",
  "incursions",
  "fighters_crossed",
  "clashes",
  "attributed_terror_share",
  "true_terror_share",
  "alliance_troop_days",
  "actives",
  "legitimacy_mean",
];

/** Per-province metrics drawn as maps (`province.<name>.<metric>`), in section order. */
const PROVINCE_METRIC_NAMES: readonly string[] = [
  "seized_kg",
  "influence_days",
  "violent_events",
  "attributed_terror_share",
  "true_terror_share",
];

/** Per-tick series charted per arm, in section order. */
const SERIES_NAMES: readonly string[] = ["delivered_kg", "insurgent_fighters", "incursions", "clashes"];

/** The report's reading of a catalogue direction ("none": no direction). */
function directionOf(spec: OutcomeSpec): Direction | undefined {
  if (spec.direction === "lower") return "lower-is-better";
  return spec.direction === "higher" ? "higher-is-better" : undefined;
}

/** How to show any outcome (or series): its catalogue entry, or its own name without a unit. */
export function outcomeInfo(
  name: string,
  catalogues: readonly OutcomeCatalogue[],
  kind: "outcomes" | "series" = "outcomes",
): OutcomeInfo {
  const spec = describeColumn(catalogues, name, kind)?.spec;
  const direction = spec ? directionOf(spec) : OUTCOME_DIRECTIONS[name];
  const info = { name, label: spec?.label ?? name, unit: spec?.unit ?? "" };
  return direction ? { ...info, direction } : info;
}

/** Key outcomes of the comparison with the way each is good, in table order. */
export function keyOutcomes(catalogues: readonly OutcomeCatalogue[]): OutcomeInfo[] {
  return KEY_NAMES.map((n) => outcomeInfo(n, catalogues));
}

/** Per-province metrics drawn as maps, in section order; `share` ones are drawn on a 0–1 scale. */
export function provinceMetrics(
  catalogues: readonly OutcomeCatalogue[],
): (OutcomeInfo & { share: boolean })[] {
  return PROVINCE_METRIC_NAMES.map((metric) => {
    const pattern = `province.{province}.${metric}`;
    const spec = catalogues.flatMap((c) => c.outcomes).find((s) => s.name === pattern);
    const unit = spec?.unit ?? "";
    return {
      name: metric,
      label: spec?.label ?? metric,
      unit: unit === "" ? "mean per run" : `${unit}, mean per run`,
      // A folder without a catalogue still draws its shares on 0–1: their names say what they are.
      share: spec ? unit.startsWith("share") : metric.endsWith("_share"),
    };
  });
}

/** Per-tick series charted per arm, in section order. */
export function seriesInfo(catalogues: readonly OutcomeCatalogue[]): OutcomeInfo[] {
  return SERIES_NAMES.map((n) => outcomeInfo(n, catalogues, "series"));
}

/** Prefix of the per-market mean price outcomes. */
export const PRICE_PREFIX = "price_mean.";

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
