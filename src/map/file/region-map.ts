/**
 * A loaded map as the scenario `RegionMap` every map-reading model receives: one region per
 * distinct combination of province, road, crossing kind and cell ruggedness, plus one blocked
 * region for cells outside the modelled countries (Pakistan, Iran, Tibet). Models and
 * `buildWorld` then see the real map through the same interface as an ASCII map.
 */
import type { RegionInfo, RegionMap } from "../../core/region-map.js";
import type { CentralAsiaMap } from "./types.js";

/** Province name of the blocked region outside the modelled countries. */
export const OUTSIDE_REGION = "outside the modelled region";

/**
 * The region key of a cell: `char` of its RegionInfo. A map file has no legend characters, so
 * the key names what the cell is instead (`TJ-GB`, `TJ-GB road`, `TJ-GB official r0.95`), which
 * is what an error about that region needs to say.
 */
function regionKey(iso: string, road: boolean, crossing: string | undefined, rugged: number): string {
  return [iso, road ? "road" : "", crossing ?? "", `r${rugged.toFixed(2)}`].filter((s) => s !== "").join(" ");
}

/** The RegionMap of a loaded map (never wraps). Regions are numbered in order of first cell. */
export function regionMapOf(map: CentralAsiaMap): RegionMap {
  const { width, height } = map.grid;
  const region = new Int32Array(map.size);
  const regions: RegionInfo[] = [];
  // A numeric key per (province, road, crossing kind, ruggedness in hundredths): a first load
  // in a fresh process runs this loop unoptimised, where building string keys per cell costs
  // about 10 ms; numbers keep it near 1 ms.
  const index = new Map<number, number>();
  for (let c = 0; c < map.size; c++) {
    const p = map.province[c]!;
    const road = map.road[c] === 1 ? 1 : 0;
    const x = map.crossing[c]!;
    const crossing = x < 0 ? undefined : map.crossings[x]!.kind;
    const rugged = Math.round(map.ruggedness[c]! * 100);
    const key =
      p < 0
        ? -1
        : ((p * 2 + road) * 3 + (crossing === undefined ? 0 : crossing === "official" ? 1 : 2)) * 101 +
          rugged;
    let k = index.get(key);
    if (k === undefined) {
      k = regions.length;
      index.set(key, k);
      regions.push(
        p < 0
          ? { char: "outside", province: OUTSIDE_REGION, blocked: true }
          : regionOf(map, p, road === 1, crossing, rugged / 100),
      );
    }
    region[c] = k;
  }
  return { width, height, torus: false, region, regions };
}

/** The RegionInfo of cells of province `p` with these attributes. */
function regionOf(
  map: CentralAsiaMap,
  p: number,
  road: boolean,
  crossing: "official" | "informal" | undefined,
  ruggedness: number,
): RegionInfo {
  const row = map.provinces[p]!;
  return {
    char: regionKey(row.iso, road, crossing, ruggedness),
    province: row.name,
    country: map.countries[row.country - 1]!.iso,
    blocked: false,
    ...(road ? { road: true } : {}),
    ...(crossing === undefined ? {} : { crossing }),
    ruggedness,
  };
}
