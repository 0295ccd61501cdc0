/**
 * Borders on the raster: which cells touch another country, and where a crossing given as a
 * point lands. A crossing is snapped to the nearest cell of either of its two countries that has
 * a 4-neighbour in the other, so every crossing sits on the border it joins.
 */
import { centreLat, centreLon, type GridSpec } from "../file/grid-spec.js";

const DX = [1, -1, 0, 0];
const DY = [0, 0, 1, -1];

/** Whether cell `c` (country `a`) has a 4-neighbour of country `b`. */
export function touches(spec: GridSpec, country: ArrayLike<number>, c: number, b: number): boolean {
  const x = c % spec.width;
  const y = (c - x) / spec.width;
  for (let k = 0; k < 4; k++) {
    const nx = x + DX[k]!;
    const ny = y + DY[k]!;
    if (nx < 0 || ny < 0 || nx >= spec.width || ny >= spec.height) continue;
    if (country[ny * spec.width + nx] === b) return true;
  }
  return false;
}

/** Where a point snapped: the cell and its centre's distance from the point (degrees, east–west scaled by cos latitude). */
export interface Snap {
  cell: number;
  distance: number;
}

/**
 * The border cell between countries `a` and `b` (ids) nearest to (lon, lat); ties go to the lower
 * cell index. Undefined when the two countries share no border on the raster.
 */
export function snapToBorder(
  spec: GridSpec,
  country: ArrayLike<number>,
  a: number,
  b: number,
  lon: number,
  lat: number,
): Snap | undefined {
  let best: Snap | undefined;
  const k = Math.cos((lat * Math.PI) / 180);
  for (let c = 0; c < spec.width * spec.height; c++) {
    const own = country[c];
    const other = own === a ? b : own === b ? a : -1;
    if (other < 0 || !touches(spec, country, c, other)) continue;
    const x = c % spec.width;
    const y = (c - x) / spec.width;
    const d = Math.hypot((centreLon(spec, x) - lon) * k, centreLat(spec, y) - lat);
    if (!best || d < best.distance) best = { cell: c, distance: d };
  }
  return best;
}
