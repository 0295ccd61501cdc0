/**
 * Types of the drug-route world: the province table a scenario supplies and the typed cell layers
 * `buildWorld` derives from it and from a region map. A `RegionMap` (`core/region-map.ts`) is the
 * raw grid an ASCII map or a map file gives; a `World` is that grid built with the province
 * table's attributes, ready for the drug-route models.
 */
import type { Problem } from "../core/problems.js";
import type { Grid } from "../engine/grid.js";

/** Crossing code of a cell that is no border crossing. */
export const CROSSING_NONE = 0;
/** Crossing code of an official border post (bridge, customs point). */
export const CROSSING_OFFICIAL = 1;
/** Crossing code of an informal crossing (ford, boat landing, mountain track). */
export const CROSSING_INFORMAL = 2;

/** A province's heroin market: a place where trafficked heroin is sold at wholesale. */
export interface MarketAttributes {
  /** Wholesale demand at the base price, kg/day (> 0). */
  demandKgPerDay: number;
  /** Wholesale price when delivered supply equals demand, USD/kg (> 0). */
  basePriceUsdPerKg: number;
  /** Absolute price elasticity of demand (> 0); price moves by (supply/demand)^(−1/elasticity). */
  elasticity: number;
  /** Cells (x, y) where the market trades, e.g. the city; every cell of the province when absent. */
  sites?: readonly (readonly [number, number])[] | undefined;
}

/** What the model knows about one province (one row of the province table). */
export interface ProvinceAttributes {
  /** Province name, as the map legend spells it. */
  name: string;
  /** Country code (e.g. "TJ"); "" for none. */
  country: string;
  /** Ability of the state to act here (policing, border control), 0–1. */
  stateCapacity: number;
  /** Popular acceptance of the state's authority here, 0–1. */
  legitimacy: number;
  /** Share of officials open to bribes here, 0–1. */
  corruption: number;
  /** Economic hardship (poverty, lack of licit income), 0–1. */
  hardship: number;
  /** Terrain ruggedness used for cells whose legend entry gives none, 0–1. */
  ruggedness: number;
  /** Heroin entering the map here per day (produced or arriving from the south), kg/day ≥ 0. */
  productionKgPerDay: number;
  /** The province's wholesale market, if it has one. */
  market?: MarketAttributes | undefined;
}

/** The built world: an engine grid, typed per-cell layers, the province table and cells per province (a RegionMap given meaning). */
export interface World {
  /** The engine grid; it also holds the layers below under the same names. */
  grid: Grid;
  /** Province index per cell into `provinces`; −1 for a blocked cell whose province is not in the table. */
  province: Int32Array;
  /** Country index per cell into `countries`. Cells without a country have the index of "". */
  country: Int32Array;
  /** Terrain ruggedness per cell, 0–1 (legend value, else the province's). */
  ruggedness: Float64Array;
  /** 1 on main roads. */
  road: Uint8Array;
  /** CROSSING_NONE, CROSSING_OFFICIAL or CROSSING_INFORMAL per cell. */
  crossing: Uint8Array;
  /** 1 where nothing may pass (rivers, glaciers). */
  blocked: Uint8Array;
  /** The province table, in the order given. */
  provinces: ProvinceAttributes[];
  /** Distinct country codes, in order of first appearance in the province table ("" included if used). */
  countries: string[];
  /** Cells of each province (ascending), indexed like `provinces`. */
  cellsOf: Int32Array[];
  /** Markets as [province index, trading cells], in province-table order. */
  markets: [number, Int32Array][];
}

/** A world, or every problem that stopped it (kind `world`, paths like "provinces[2].corruption"). */
export type BuildWorldResult = { ok: true; world: World } | { ok: false; problems: Problem[] };
