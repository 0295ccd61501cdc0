/**
 * The loaded map: plain data and typed-array layers, ready for models. Models receive this
 * object; they never read the map file themselves (the loader is the edge).
 */
import type { MapDocument, ProvinceRow } from "./document.js";
import type { GridSpec } from "./grid-spec.js";

/** A map of real provinces on a lon/lat raster, with borders, crossings, roads and markets. */
export interface CentralAsiaMap {
  /** Map name. */
  name: string;
  /** Raster geometry; cells are row-major from the north-west corner. */
  grid: GridSpec;
  /** width × height. */
  size: number;
  /** Province index per cell (into `provinces`), -1 outside the modelled region. */
  province: Int32Array;
  /** Country id per cell (index into `countries` + 1), 0 outside the modelled region. */
  country: Uint8Array;
  /** Ruggedness per cell, 0–1 (province value raised near mountain crests). */
  ruggedness: Float64Array;
  /** 1 where a main road passes, else 0. */
  road: Uint8Array;
  /** Crossing index per cell (into `crossings`), -1 where there is none. */
  crossing: Int32Array;
  /** Countries in id order (id = index + 1). */
  countries: MapDocument["countries"];
  /** Province table, indexed by the `province` layer. */
  provinces: ProvinceRow[];
  /** Border crossings, each on a cell of one of its two countries next to the other. */
  crossings: MapDocument["crossings"];
  /** Main roads as the polylines they were drawn from. */
  roads: MapDocument["roads"];
  /** Heroin markets: city markets (id = province ISO code) and off-map sinks (id = country code), with their cells. */
  markets: MapDocument["markets"];
  /** Where the map came from. */
  provenance: MapDocument["provenance"];
}
