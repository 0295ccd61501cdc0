/**
 * The one colour scale for values on a province map: equal-width classes from zero with a round
 * step, at most six, coloured from the viridis classes. Classes rather than a continuous ramp, so
 * a reader can match a province to the legend, and from zero, so maps side by side compare.
 */
import { NO_DATA, VALUE_CLASSES } from "./palette.js";

/** A value scale: class width and count; class i spans [i·step, (i+1)·step). */
export interface ValueScale {
  step: number;
  classes: number;
}

/** Equal-width classes from 0 with a round step (1, 2, 2.5 or 5 × 10^k): at most six, covering `max`. */
export function classBreaks(max: number): ValueScale {
  if (!(max > 0)) return { step: 1, classes: 1 };
  const raw = max / VALUE_CLASSES.length;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw * (1 - 1e-12))!;
  return { step, classes: Math.max(1, Math.min(VALUE_CLASSES.length, Math.ceil(max / step - 1e-9))) };
}

/** Colour of class i of k, spread over the whole ramp so few classes still differ strongly. */
export function classColour(i: number, k: number): string {
  return VALUE_CLASSES[k === 1 ? 0 : Math.round((i * (VALUE_CLASSES.length - 1)) / (k - 1))]!;
}

/** Fill of value `v` on `scale`: its class's colour (values past either end in the end class), grey without a value. */
export function valueFill(v: number | undefined, scale: ValueScale): string {
  if (v === undefined || !Number.isFinite(v)) return NO_DATA;
  const k = scale.classes;
  return classColour(Math.min(k - 1, Math.max(0, Math.floor(v / scale.step))), k);
}

/** The legend rows of a scale: each class's colour and its bounds, then "no data". */
export function scaleEntries(
  scale: ValueScale,
  format: (v: number) => string,
): { fill: string; label: string }[] {
  const rows = Array.from({ length: scale.classes }, (_, i) => ({
    fill: classColour(i, scale.classes),
    label: `${format(i * scale.step)}–${format((i + 1) * scale.step)}`,
  }));
  rows.push({ fill: NO_DATA, label: "no data" });
  return rows;
}
