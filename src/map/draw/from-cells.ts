/**
 * The drawing shapes of a cell map (an ASCII map, the stylised corridor world): one outline per
 * province traced from its cells, blocked cells as water, countries where the legend or the
 * world's province table names them, road cells and crossing cells as points. No coordinates:
 * the cells are drawn as squares.
 */
import type { RegionMap } from "../../core/region-map.js";
import { cellCentre, labelCell, type MapOutline, meanCell } from "./outline.js";
import { traceRings } from "./trace.js";

/** Index of blocked cells in the province layer (−1 is "no province"). */
const WATER_INDEX = -2;

/** How a cell map is named, and where its countries come from. */
export interface CellMapInfo {
  /** Short name. */
  name: string;
  /** One line on what is drawn. */
  caption: string;
  /** A province's country where the legend does not give one (the corridor keeps them in its province table). */
  countryOf?: ((province: string) => string | undefined) | undefined;
}

/** The outline of the cell map `map`. */
export function outlineOfCells(map: RegionMap, info: CellMapInfo): MapOutline {
  const { width, height } = map;
  const names: string[] = [];
  const countryOfName = new Map<string, string>();
  const codes: string[] = [];
  const province = new Int32Array(width * height);
  const country = new Int32Array(width * height).fill(-1);
  const roadCells: [number, number][] = [];
  const crossings: MapOutline["crossings"] = [];
  for (let c = 0; c < province.length; c++) {
    const r = map.regions[map.region[c]!]!;
    if (r.blocked) {
      province[c] = WATER_INDEX;
      continue;
    }
    let i = names.indexOf(r.province);
    if (i < 0) {
      i = names.push(r.province) - 1;
      const code = r.country ?? info.countryOf?.(r.province) ?? "";
      countryOfName.set(r.province, code);
      if (code !== "" && !codes.includes(code)) codes.push(code);
    }
    province[c] = i;
    const code = countryOfName.get(r.province)!;
    if (code !== "") country[c] = codes.indexOf(code);
    const [x, y] = cellCentre(c, width);
    if (r.road) roadCells.push([x, y]);
    if (r.crossing) {
      const title = `${r.crossing} crossing, ${r.province} (cell ${c % width}, ${Math.floor(c / width)})`;
      crossings.push({ x, y, kind: r.crossing, title });
    }
  }
  const provinceLayer = { width, height, cells: province };
  const countryLayer = { width, height, cells: country };
  return {
    name: info.name,
    caption: info.caption,
    width,
    height,
    provinces: names.map((name, i) => ({
      name,
      country: countryOfName.get(name)!,
      cells: province.reduce((n, p) => n + (p === i ? 1 : 0), 0),
      rings: traceRings(provinceLayer, i),
      label: labelCell(provinceLayer, i),
    })),
    countries: codes.map((code, k) => ({
      code,
      rings: traceRings(countryLayer, k),
      label: meanCell(countryLayer, k) ?? [0, 0],
    })),
    water: traceRings(provinceLayer, WATER_INDEX),
    roads: [],
    roadCells,
    crossings,
    markets: [],
    notes: [
      "A cell map: cells are drawn as squares, without real coordinates. Blue: blocked cells (rivers).",
    ],
  };
}
