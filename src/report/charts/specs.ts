/**
 * Vega-Lite specs of the report's charts. Data arrive aggregated (means, bands, quartiles), so a
 * chart's size does not grow with the number of runs. Every chart has a title, a subtitle saying
 * what the marks are, axis titles with units, and the arms' colour-blind-safe colours in the
 * same order everywhere.
 */
import type { TopLevelSpec } from "vega-lite";
import { armColour } from "./arm-colours.js";

/** Arms as the charts colour them. */
export interface ArmScale {
  /** Legend title (the `by` factor). */
  title: string;
  /** Labels in study order. */
  labels: string[];
}

/** A row of a per-tick band chart. */
export interface BandRow {
  tick: number;
  level: string;
  arm: string;
  mean: number;
  lo: number;
  hi: number;
}

/** A row of a box chart: one cell's quartiles, 5th/95th percentiles and mean. */
export interface BoxRow {
  cell: string;
  arm: string;
  q1: number;
  median: number;
  q3: number;
  p5: number;
  p95: number;
  mean: number;
}

const FONT = "Helvetica, Arial, sans-serif";

const CONFIG = {
  font: FONT,
  title: { anchor: "start", fontSize: 14, subtitleFontSize: 11, subtitleColor: "#444", offset: 10 },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: "normal", gridColor: "#e8e8e8" },
  legend: { labelFontSize: 11, titleFontSize: 12, orient: "bottom", labelLimit: 260 },
  header: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: "normal" },
  view: { stroke: "#cccccc" },
} as const;

/** Axis label format: SI prefixes for big numbers (3.4G reads better than 3,400,000,000). */
function numberFormat(max: number): string {
  return Math.abs(max) >= 1e6 ? "~s" : ",~r";
}

function colour(arms: ArmScale, legend = true) {
  return {
    field: "arm",
    type: "nominal",
    title: arms.title,
    sort: arms.labels,
    scale: { domain: arms.labels, range: arms.labels.map((_, i) => armColour(i)) },
    ...(legend ? {} : { legend: null }),
  } as const;
}

/** A top-level spec with the report's title, subtitle, white background and shared style. */
export function top(title: string, subtitle: string, body: Record<string, unknown>): TopLevelSpec {
  return { title: { text: title, subtitle }, background: "#ffffff", config: CONFIG, ...body } as TopLevelSpec;
}

/** Facet into one column per level when there are several; `width` is the whole chart's. */
function facetted(
  levels: string[],
  within: string | undefined,
  width: number,
  spec: Record<string, unknown>,
) {
  if (levels.length <= 1) return { ...spec, width };
  return {
    facet: { column: { field: "level", type: "nominal", title: within ?? "", sort: levels } },
    spec: { ...spec, width: Math.max(160, Math.floor(width / levels.length) - 30) },
  };
}

/** Per-tick mean line and 5–95 % band per arm, one panel per level. */
export function bandSpec(
  title: string,
  unit: string,
  rows: BandRow[],
  arms: ArmScale,
  levels: string[],
  within: string | undefined,
): TopLevelSpec {
  const max = Math.max(...rows.map((r) => r.hi));
  const y = { type: "quantitative", title: unit, axis: { format: numberFormat(max) } };
  const x = { field: "tick", type: "quantitative", title: "day (tick)" };
  const layer = [
    // The lines carry the legend (colour and dash); a pale band swatch would be hard to read.
    {
      mark: { type: "area", opacity: 0.18 },
      encoding: { x, y: { ...y, field: "lo" }, y2: { field: "hi" }, color: colour(arms, false) },
    },
    {
      mark: { type: "line", strokeWidth: 2 },
      encoding: {
        x,
        y: { ...y, field: "mean" },
        color: colour(arms),
        strokeDash: { field: "arm", sort: arms.labels, title: arms.title },
      },
    },
  ];
  return top(title, "line: mean over runs · band: 5th–95th percentile of runs (90 %)", {
    data: { values: rows },
    ...facetted(levels, within, 900, { height: 220, layer }),
  });
}

/** Horizontal boxes per cell: quartiles, 5th–95th percentile whiskers, mean; run values as ticks when few. */
export function boxSpec(
  title: string,
  unit: string,
  boxes: BoxRow[],
  strips: { cell: string; value: number }[],
  arms: ArmScale,
): TopLevelSpec {
  const max = Math.max(...boxes.map((b) => b.p95));
  const x = {
    type: "quantitative",
    title: unit,
    axis: { format: numberFormat(max) },
    scale: { zero: false },
  };
  // The y labels name the arms, so the colours need no legend.
  const y = {
    field: "cell",
    type: "nominal",
    title: null,
    sort: boxes.map((b) => b.cell),
    axis: { labelLimit: 300 },
  };
  const layer: Record<string, unknown>[] = [
    {
      mark: { type: "rule" },
      encoding: { y, x: { ...x, field: "p5" }, x2: { field: "p95" }, color: colour(arms, false) },
    },
    {
      mark: { type: "bar", size: 14, opacity: 0.55 },
      encoding: { y, x: { ...x, field: "q1" }, x2: { field: "q3" }, color: colour(arms, false) },
    },
    {
      mark: { type: "tick", color: "#000000", size: 14, thickness: 2 },
      encoding: { y, x: { ...x, field: "median" } },
    },
    {
      mark: { type: "point", shape: "diamond", filled: true, color: "#000000", size: 40 },
      encoding: { y, x: { ...x, field: "mean" } },
    },
  ];
  if (strips.length > 0) {
    layer.push({
      data: { values: strips },
      // No per-run aria labels: hundreds of them would say nothing the box does not, and weigh.
      mark: { type: "tick", color: "#333333", opacity: 0.35, size: 8, yOffset: 13, aria: false },
      encoding: { y, x: { ...x, field: "value" } },
    });
  }
  const marks = strips.length > 0 ? " · grey ticks: runs" : "";
  return top(title, `box: quartiles · whiskers: 5th–95th percentile · ◆ mean · bar: median${marks}`, {
    data: { values: boxes },
    width: 380,
    height: { step: 30 },
    layer,
  });
}

/** Mean price per market (ordered along the route) with 95 % intervals, per arm and level. */
export function priceSpec(
  rows: { market: string; level: string; arm: string; mean: number; lo: number; hi: number }[],
  markets: string[],
  arms: ArmScale,
  levels: string[],
  within: string | undefined,
): TopLevelSpec {
  const x = {
    field: "market",
    type: "nominal",
    title: "market, cheapest first (from the source along the route)",
    sort: markets,
    axis: { labelAngle: 0 },
  };
  const y = { type: "quantitative", title: "USD/kg", axis: { format: ",~r" } };
  const layer = [
    {
      mark: { type: "rule", strokeWidth: 2 },
      encoding: {
        x,
        xOffset: { field: "arm", sort: arms.labels },
        y: { ...y, field: "lo" },
        y2: { field: "hi" },
        color: colour(arms),
      },
    },
    {
      mark: { type: "point", filled: true, size: 50 },
      encoding: {
        x,
        xOffset: { field: "arm", sort: arms.labels },
        y: { ...y, field: "mean" },
        color: colour(arms),
        shape: { field: "arm", sort: arms.labels, title: arms.title },
      },
    },
  ];
  return top(
    "Heroin price by market along the route",
    "point: mean over runs of each run's mean price · line: 95 % t interval",
    {
      data: { values: rows },
      ...facetted(levels, within, 900, { height: 240, layer }),
    },
  );
}

/** Outcome against a sampled factor: one dot per run, or counts in bins when there are too many dots. */
export function scatterSpec(
  factor: string,
  title: string,
  unit: string,
  points: { x: number; y: number; arm: string }[],
  arms: ArmScale,
  binned: boolean,
): TopLevelSpec {
  const yTitle = unit ? `${title} (${unit})` : title;
  if (binned) {
    return top(`${title} against ${factor}`, "colour: runs per bin (too many runs for one dot each)", {
      data: { values: points },
      width: 560,
      height: 260,
      mark: "rect",
      encoding: {
        x: { field: "x", bin: { maxbins: 40 }, type: "quantitative", title: factor },
        y: { field: "y", bin: { maxbins: 25 }, type: "quantitative", title: yTitle },
        color: {
          aggregate: "count",
          type: "quantitative",
          title: "runs",
          scale: { scheme: "viridis", reverse: true },
        },
      },
    });
  }
  return top(`${title} against ${factor}`, "one dot per run", {
    data: { values: points },
    width: 560,
    height: 260,
    mark: { type: "point", filled: true, opacity: 0.6, size: 30 },
    encoding: {
      x: { field: "x", type: "quantitative", title: factor, scale: { zero: false } },
      y: { field: "y", type: "quantitative", title: yTitle, scale: { zero: false } },
      color: colour(arms),
      shape: { field: "arm", sort: arms.labels, title: arms.title },
    },
  });
}
