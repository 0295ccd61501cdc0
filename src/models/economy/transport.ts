/**
 * What moving heroin costs and how fast it goes, per cell: the per-kg carriage cost of one cell-step
 * (the cost layer routes are searched on) and the speed in cells/day (for travel times). Risk,
 * bribes and seizures are not in here: routes add them as a per-cell surcharge.
 */
import { CROSSING_INFORMAL, CROSSING_OFFICIAL, type World } from "../../worlds/types.js";

/** Speed and detection of one kind of border crossing. */
export interface CrossingParams {
  /** Speed through the crossing cell, cells/day. */
  speedCellsPerDay: number;
  /** Probability that one passage is detected, before state capacity and corruption adjust it. */
  detectionBase: number;
}

/** Transport parameters (units in the names; sources in TRANSPORT_DEFAULTS and docs/model.md). */
export interface TransportParams {
  /** Nominal cell edge, km (for reading the other values; no rule uses it). */
  cellKm: number;
  /** Carriage cost of 1 kg over one flat off-road cell, USD/kg per cell-step. */
  baseUsdPerKgCell: number;
  /** Extra cost per unit ruggedness: cost × (1 + terrainFactor × ruggedness). */
  terrainFactor: number;
  /** Cost multiplier on road cells. */
  roadFactor: number;
  /** Speed on a flat road, cells/day. */
  roadSpeedCellsPerDay: number;
  /** Speed on flat ground off the road, cells/day. */
  offRoadSpeedCellsPerDay: number;
  /** Share of speed lost at ruggedness 1: speed × (1 − terrainSlowdown × ruggedness). */
  terrainSlowdown: number;
  /** Official posts: fast (vehicles pass the bridge), but every load faces inspection. */
  official: CrossingParams;
  /** Informal fords and tracks: slow (night crossings, boats, pack animals), rarely watched. */
  informal: CrossingParams;
}

/**
 * Default transport parameters. All are ASSUMPTIONS (no source gives a per-kg haulage cost for
 * heroin), each chosen so the derived quantity matches something observed:
 * - cellKm 50: the corridor world squeezes Kunduz→Russian border (~2,000 km) into ~35 rows.
 * - baseUsdPerKgCell 40, terrainFactor 2, roadFactor 0.5: a half-rugged road cell then costs
 *   40 × (1 + 2 × 0.5) × 0.5 = 40 USD/kg, so Khorog→Osh (~730 km ≈ 15 cells) costs ≈ 600 USD/kg,
 *   under 10 % of the UNODC (2012) Tajik→Kyrgyz wholesale markup (~2.5k → ~9k USD/kg); the rest of
 *   the markup pays for risk, bribes and profit.
 * - roadSpeedCellsPerDay 6 (≈ 300 km/day: a truck at 30–40 km/h for 8–10 h);
 *   offRoadSpeedCellsPerDay 0.5 (≈ 25 km/day on foot or with pack animals); terrainSlowdown 0.5
 *   (high mountains halve either speed; the Pamir Highway is far slower than the steppe roads).
 * - detectionBase: calibrated (docs/model.md, "Calibration"). UNODC (2012) finds Central Asian
 *   states seized under 3 % of the heroin crossing the region in 2010 (about 3 t a year in
 *   2007–2011, UNODC World Drug Report 2013), far below the 10–15 % Tajik officials claim for the
 *   Afghan border. One border guard at an official post detects 4 % of passing loads; with
 *   corruption turning most detections into bribes, the baseline then seizes about 4 % of its
 *   flow. Informal crossings a third of that (assumption: unwatched most of the time).
 * - crossing speeds: official 6 cells/day (a road bridge); informal 0.25 cells/day (waiting for
 *   night and a boat takes days; assumption).
 */
export const TRANSPORT_DEFAULTS: Readonly<TransportParams> = Object.freeze({
  cellKm: 50,
  baseUsdPerKgCell: 40,
  terrainFactor: 2,
  roadFactor: 0.5,
  roadSpeedCellsPerDay: 6,
  offRoadSpeedCellsPerDay: 0.5,
  terrainSlowdown: 0.5,
  official: Object.freeze({ speedCellsPerDay: 6, detectionBase: 0.04 }),
  informal: Object.freeze({ speedCellsPerDay: 0.25, detectionBase: 0.04 / 3 }),
});

/** Carriage cost of one cell, USD/kg per cell-step: base × (1 + terrain × ruggedness) × (road ? roadFactor : 1). */
export function cellCost(p: TransportParams, ruggedness: number, road: boolean): number {
  return p.baseUsdPerKgCell * (1 + p.terrainFactor * ruggedness) * (road ? p.roadFactor : 1);
}

/** Speed through one cell, cells/day (road or off-road, slowed by ruggedness; crossings use their own). */
export function cellSpeed(p: TransportParams, ruggedness: number, road: boolean, crossing: number): number {
  if (crossing === CROSSING_OFFICIAL) return p.official.speedCellsPerDay;
  if (crossing === CROSSING_INFORMAL) return p.informal.speedCellsPerDay;
  const flat = road ? p.roadSpeedCellsPerDay : p.offRoadSpeedCellsPerDay;
  return flat * (1 - p.terrainSlowdown * ruggedness);
}

/** The carriage cost layer of the world (Infinity on blocked cells, so no route enters them). */
export function transportCost(world: World, p: TransportParams = TRANSPORT_DEFAULTS): Float64Array {
  const out = new Float64Array(world.grid.size);
  for (let c = 0; c < out.length; c++) {
    out[c] = world.blocked[c]
      ? Number.POSITIVE_INFINITY
      : cellCost(p, world.ruggedness[c]!, world.road[c] === 1);
  }
  return out;
}

/** The speed layer of the world, cells/day (0 on blocked cells). */
export function transportSpeed(world: World, p: TransportParams = TRANSPORT_DEFAULTS): Float64Array {
  const out = new Float64Array(world.grid.size);
  for (let c = 0; c < out.length; c++) {
    out[c] = world.blocked[c]
      ? 0
      : cellSpeed(p, world.ruggedness[c]!, world.road[c] === 1, world.crossing[c]!);
  }
  return out;
}

/** Base detection probability per passage of each cell: the crossing kind's value, 0 off crossings. */
export function crossingDetection(world: World, p: TransportParams = TRANSPORT_DEFAULTS): Float64Array {
  const out = new Float64Array(world.grid.size);
  for (let c = 0; c < out.length; c++) {
    const k = world.crossing[c];
    out[c] =
      k === CROSSING_OFFICIAL
        ? p.official.detectionBase
        : k === CROSSING_INFORMAL
          ? p.informal.detectionBase
          : 0;
  }
  return out;
}

/**
 * Travel time of a path (cells in order), days. Like path cost, each step spends half its length
 * in each of its two cells: step × (1/speed[a] + 1/speed[b]) / 2, step = 1 or √2.
 */
export function pathDays(world: World, speed: ArrayLike<number>, path: ArrayLike<number>): number {
  let days = 0;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]!;
    const b = path[i]!;
    const step = isDiagonal(world, a, b) ? Math.SQRT2 : 1;
    days += step * 0.5 * (1 / speed[a]! + 1 / speed[b]!);
  }
  return days;
}

/** Whether neighbours a and b differ in both column and row (wrapping on a torus): a diagonal step. */
export function isDiagonal(world: World, a: number, b: number): boolean {
  const g = world.grid;
  const w = g.width;
  // On a bounded grid at least 3 wide, neighbours 1 or w apart share a row or a column and the
  // others are w ± 1 apart: one subtraction instead of four divisions per step of every load.
  if (!g.torus && w > 2) {
    const d = a > b ? a - b : b - a;
    return d === w - 1 || d === w + 1;
  }
  return g.x(a) !== g.x(b) && g.y(a) !== g.y(b);
}

/** Carriage along next-pointers from `cell` to the route's end, USD/kg (the engine's cost model). */
export function fareAlong(world: World, carriage: ArrayLike<number>, next: Int32Array, cell: number): number {
  let total = 0;
  let steps = 0;
  for (let a = cell, b = next[a]!; b >= 0; a = b, b = next[b]!) {
    if (++steps > next.length) throw new Error("route field has a cycle");
    const step = isDiagonal(world, a, b) ? Math.SQRT2 : 1;
    total += (carriage[a]! + carriage[b]!) * 0.5 * step;
  }
  return total;
}
