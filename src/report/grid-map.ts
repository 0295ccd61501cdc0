/**
 * The stylised corridor world for the report: its 40 × 30 cell raster drawn as it is (no real
 * coordinates to project), one traced outline per province, the river cells as water.
 */
import { corridorRegionMap } from "../worlds/corridor.js";
import { type MapShapes, ringsPath } from "./map-shapes.js";
import { WATER } from "./palette.js";
import { traceRings } from "./trace.js";

/** Pixels per cell: 40 cells make a 360 px picture, the Central Asia map's width. */
const CELL = 9;

/** The shapes of the corridor world. */
export function corridorShapes(): MapShapes {
  const map = corridorRegionMap();
  const { width, height } = map;
  const names: string[] = [];
  const WATER_INDEX = -2;
  const layer = new Int32Array(width * height);
  for (let c = 0; c < layer.length; c++) {
    const info = map.regions[map.region[c]!]!;
    if (info.blocked) {
      layer[c] = WATER_INDEX;
      continue;
    }
    let i = names.indexOf(info.province);
    if (i < 0) i = names.push(info.province) - 1;
    layer[c] = i;
  }
  const at = (x: number, y: number): [number, number] => [x * CELL, y * CELL];
  const grid = { width, height, cells: layer };
  const provinces = names.map((name, i) => {
    // Label on the province's cell nearest the mean of its cells, so it sits inside the province.
    let sx = 0;
    let sy = 0;
    let n = 0;
    for (let c = 0; c < layer.length; c++) {
      if (layer[c] !== i) continue;
      sx += c % width;
      sy += Math.floor(c / width);
      n++;
    }
    let best = -1;
    let bestD = Infinity;
    for (let c = 0; c < layer.length; c++) {
      if (layer[c] !== i) continue;
      const d = ((c % width) - sx / n) ** 2 + (Math.floor(c / width) - sy / n) ** 2;
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    const [x, y] = at((best % width) + 0.5, Math.floor(best / width) + 0.5);
    return { name, d: ringsPath(traceRings(grid, i), at), x, y };
  });
  const water = ringsPath(traceRings(grid, WATER_INDEX), at);
  return {
    title: `the stylised Northern Route corridor (${width} × ${height} cells of about 50 km)`,
    width: width * CELL,
    height: height * CELL,
    provinces,
    under: `<path d="${water}" fill="${WATER}"/>`,
    over: "",
    labels: true,
  };
}
