/**
 * The region map: the raw cell grid a scenario's map gives a model, before any model reads
 * meaning into it. An ASCII map with its legend (`worlds/ascii.ts`) and a map file
 * (`map/file/region-map.ts`) both load to this one shape, so a model reads either the same way.
 *
 * It is not a World: `World` (`worlds/types.ts`) is what `buildWorld` makes of a RegionMap plus a
 * province table — an engine grid with typed per-cell layers (province, country, ruggedness, road,
 * crossing, blocked), cells per province and markets. Models that only need cells and regions
 * (Schelling) read the RegionMap; the drug-route models run on a World.
 */

/** A cell map read from a scenario (ASCII art plus legend, or a map file), already validated. */
export interface RegionMap {
  /** Cells per row. */
  width: number;
  /** Rows. */
  height: number;
  /** Whether the map wraps at its edges (a torus). */
  torus: boolean;
  /** Region index per cell (row-major), into `regions`. */
  region: Int32Array;
  /** One entry per legend character, in legend order. */
  regions: RegionInfo[];
}

/** What the legend says about one map character. */
export interface RegionInfo {
  /** The legend character. */
  char: string;
  /** Province (or region) name. */
  province: string;
  /** Country the province belongs to, when given. */
  country?: string | undefined;
  /** Cells no agent may occupy (water, ice, a wall). */
  blocked: boolean;
  /** On a main road; absent means false. */
  road?: boolean | undefined;
  /** A border crossing, official post or informal ford/track; absent means none. */
  crossing?: "official" | "informal" | undefined;
  /** Terrain ruggedness in [0, 1]; absent means "the province's value". */
  ruggedness?: number | undefined;
}
