/**
 * Vega-Lite specs of the methods sections: Sobol indices and PRCC as bars with their bootstrap intervals,
 * Morris's μ*–σ plane, PRIM's coverage/density trade-off and its box against the full ranges.
 * Undefined numbers arrive as null, which Vega-Lite leaves out of continuous scales (an index
 * without an interval is drawn without its line; one without a value is not drawn).
 */
import type { TopLevelSpec } from "vega-lite";
import { armColour } from "../charts/arm-colours.js";
import { top } from "../charts/specs.js";

/** One bar of the Sobol chart: an index of a factor with its interval. */
export interface IndexRow {
  factor: string;
  index: "S1" | "ST";
  value: number | null;
  low: number | null;
  high: number | null;
}

/** One factor of the Morris chart. */
export interface MorrisRow {
  factor: string;
  muStar: number | null;
  low: number | null;
  high: number | null;
  sigma: number | null;
}

/** One step of PRIM's trajectory. */
export interface StepRow {
  step: number;
  coverage: number;
  density: number;
  restricted: number;
  chosen: boolean;
}

/** One factor of the box chart, its limits as shares of its full range. */
export interface LimitRow {
  factor: string;
  lo: number;
  hi: number;
  restricted: "restricted" | "unrestricted";
  /** The limits in the factor's own units, and quasi-p-values, as text. */
  text: string;
}

const INDEX_ORDER = ["S1", "ST"];

/** First-order and total indices per factor: bars of the estimates, lines of the 95 % intervals. */
export function sobolSpec(
  title: string,
  factors: string[],
  rows: IndexRow[],
  resamples: number,
): TopLevelSpec {
  const y = { field: "factor", type: "nominal", title: null, sort: factors, axis: { labelLimit: 200 } };
  const yOffset = { field: "index", sort: INDEX_ORDER };
  const x = {
    type: "quantitative",
    title: "share of the outcome's variance",
    scale: { domain: [0, 1], clamp: true },
  };
  const color = {
    field: "index",
    type: "nominal",
    title: "index",
    sort: INDEX_ORDER,
    scale: { domain: INDEX_ORDER, range: [armColour(0), armColour(1)] },
  };
  const interval = resamples > 0 ? ` · line: bootstrap 95 % interval (${resamples} resamples)` : "";
  return top(title, `bar: S1 (the factor alone) and ST (with its interactions)${interval}`, {
    data: { values: rows },
    width: 420,
    height: { step: 18 },
    layer: [
      { mark: { type: "bar", opacity: 0.8 }, encoding: { y, yOffset, x: { ...x, field: "value" }, color } },
      {
        mark: { type: "rule", color: "#000000", strokeWidth: 1.5 },
        encoding: { y, yOffset, x: { ...x, field: "low" }, x2: { field: "high" } },
      },
    ],
  });
}

/** One bar of the PRCC chart: a factor's PRCC with its interval. */
export interface PrccRow {
  factor: string;
  value: number | null;
  low: number | null;
  high: number | null;
}

/** PRCC per factor on a −1 … 1 axis: bars of the estimates, lines of the 95 % intervals. */
export function prccSpec(title: string, factors: string[], rows: PrccRow[], resamples: number): TopLevelSpec {
  const y = { field: "factor", type: "nominal", title: null, sort: factors, axis: { labelLimit: 200 } };
  const x = {
    type: "quantitative",
    title: "partial rank correlation with the outcome",
    scale: { domain: [-1, 1], clamp: true },
  };
  const interval = resamples > 0 ? ` · line: bootstrap 95 % interval (${resamples} resamples)` : "";
  return top(title, `bar: PRCC, the factor's monotone effect with the others held fixed${interval}`, {
    data: { values: rows },
    width: 420,
    height: { step: 22 },
    layer: [
      {
        mark: { type: "bar", opacity: 0.8, color: armColour(0) },
        encoding: { y, x: { ...x, field: "value" } },
      },
      {
        mark: { type: "rule", color: "#000000", strokeWidth: 1.5 },
        encoding: { y, x: { ...x, field: "low" }, x2: { field: "high" } },
      },
    ],
  });
}

/** Morris's plane: μ* (with its interval) against σ, one labelled point per factor. */
export function morrisSpec(title: string, rows: MorrisRow[], resamples: number): TopLevelSpec {
  const x = { type: "quantitative", title: "μ*: mean |elementary effect| per whole range" };
  const y = { field: "sigma", type: "quantitative", title: "σ of the elementary effects" };
  const interval = resamples > 0 ? ` · line: bootstrap 95 % interval of μ* (${resamples} resamples)` : "";
  return top(
    title,
    `point: one factor; far right matters, high up acts non-linearly or with others${interval}`,
    {
      data: { values: rows },
      width: 420,
      height: 260,
      layer: [
        {
          mark: { type: "rule", color: "#888888" },
          encoding: { x: { ...x, field: "low" }, x2: { field: "high" }, y },
        },
        {
          mark: { type: "point", filled: true, size: 60, color: armColour(0) },
          encoding: { x: { ...x, field: "muStar" }, y },
        },
        {
          mark: { type: "text", align: "left", dx: 7, dy: -7, fontSize: 11 },
          encoding: { x: { ...x, field: "muStar" }, y, text: { field: "factor" } },
        },
      ],
    },
  );
}

/** PRIM's trade-off: density against coverage along the trajectory, the chosen step ringed. */
export function tradeoffSpec(title: string, rows: StepRow[]): TopLevelSpec {
  const x = {
    field: "coverage",
    type: "quantitative",
    title: "coverage: share of the cases of interest inside",
  };
  const y = {
    field: "density",
    type: "quantitative",
    title: "density: share of interest inside",
    scale: { zero: false },
  };
  const chosen = { filter: "datum.chosen" };
  return top(
    title,
    "point: a step of peeling and pasting, coloured by restricted factors · ring: the chosen box",
    {
      data: { values: rows },
      width: 420,
      height: 260,
      layer: [
        { mark: { type: "line", color: "#999999" }, encoding: { x, y, order: { field: "step" } } },
        {
          mark: { type: "point", filled: true, size: 45 },
          encoding: {
            x,
            y,
            color: {
              field: "restricted",
              type: "ordinal",
              title: "restricted factors",
              scale: { scheme: "viridis" },
            },
          },
        },
        {
          transform: [chosen],
          mark: { type: "point", size: 260, strokeWidth: 2, color: "#000000" },
          encoding: { x, y },
        },
        {
          transform: [chosen],
          mark: { type: "text", align: "left", dx: 12, dy: -10, fontSize: 11 },
          encoding: { x, y, text: { value: "chosen box" } },
        },
      ],
    },
  );
}

/** The chosen box: each factor's limits as a bar over its full range (0–1), with the limits in words. */
export function boxLimitsSpec(title: string, factors: string[], rows: LimitRow[]): TopLevelSpec {
  const y = { field: "factor", type: "nominal", title: null, sort: factors, axis: { labelLimit: 200 } };
  const x = { type: "quantitative", title: "share of the factor's sampled range", scale: { domain: [0, 1] } };
  return top(
    title,
    "grey: the factor's full range · bar: the box's limits · text: limits and quasi-p-values",
    {
      data: { values: rows },
      width: 320,
      height: { step: 26 },
      layer: [
        {
          mark: { type: "bar", color: "#e4e4e4", size: 16 },
          encoding: { y, x: { ...x, datum: 0 }, x2: { datum: 1 } },
        },
        {
          mark: { type: "bar", size: 16 },
          encoding: {
            y,
            x: { ...x, field: "lo" },
            x2: { field: "hi" },
            color: {
              field: "restricted",
              type: "nominal",
              title: null,
              scale: { domain: ["restricted", "unrestricted"], range: [armColour(0), "#b8b8b8"] },
            },
          },
        },
        {
          mark: { type: "text", align: "left", dx: 8, fontSize: 11 },
          encoding: {
            y,
            x: { datum: 1, type: "quantitative", scale: { domain: [0, 1] } },
            text: { field: "text" },
          },
        },
      ],
    },
  );
}
