/**
 * Province values on a map, drawn one way by every map that shows them (`pamir map --metric` or
 * `--values`, the report's small maps): the same value classes from one scale rule, the same
 * fills, the same tooltips ("Gorno-Badakhshan (TJ-GB): 1,234 kg") and the same legend rows, in
 * the one number format of pamir's tables.
 */
import { formatNumber } from "../../core/number-format.js";
import type { ProvincePaint } from "./areas.js";
import type { LegendKey } from "./legend.js";
import type { MapOutline } from "./outline.js";
import { classBreaks, scaleEntries, type ValueScale, valueFill } from "./scale.js";

/** One value per province of an outline (by index); undefined or NaN draws it as "no data". */
export interface ValueLayer {
  /** What the values are, for titles and the legend ("Heroin seized (kg, mean per run)"). */
  label: string;
  /** Unit written after each value in tooltips ("kg"); none when unknown. */
  unit?: string | undefined;
  values: readonly (number | undefined)[];
}

/**
 * The one scale rule: classes from 0 covering the largest finite value of all `layers` (maps
 * side by side share it, so they compare), or 0–1 for shares.
 */
export function layerScale(layers: readonly ValueLayer[], share = false): ValueScale {
  if (share) return classBreaks(1);
  let max = 0;
  for (const l of layers)
    for (const v of l.values) if (v !== undefined && Number.isFinite(v) && v > max) max = v;
  return classBreaks(max);
}

/** A province's value as its tooltip shows it. */
function valueText(v: number | undefined, unit: string | undefined): string {
  return v === undefined || !Number.isFinite(v) ? "no data" : formatNumber(v, { unit });
}

/** Fills and tooltips of `layer` on `outline`'s provinces, in the classes of `scale`. */
export function layerPaint(outline: MapOutline, layer: ValueLayer, scale: ValueScale): ProvincePaint {
  return {
    fill: (i) => valueFill(layer.values[i], scale),
    title: (i) => {
      const p = outline.provinces[i]!;
      const code = p.id ?? p.country;
      return `${p.name}${code ? ` (${code})` : ""}: ${valueText(layer.values[i], layer.unit)}`;
    },
  };
}

/** The legend rows of a layer: each class's colour and bounds, then "no data". */
export function layerLegend(layer: Pick<ValueLayer, "label">, scale: ValueScale): LegendKey {
  return { title: layer.label, entries: scaleEntries(scale, (v) => formatNumber(v)) };
}
