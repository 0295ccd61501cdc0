/**
 * Raster → vector outlines for drawing: a province as one SVG path of merged cell runs, and the
 * borders between provinces and between countries as segment paths along cell edges. Pure
 * geometry in the caller's pixel space, so any projection of the grid box can be used.
 */
import type { CentralAsiaMap } from "../file/types.js";

/** Maps grid corner (column x, row y; both may be fractional) to pixel coordinates. */
export type Corner = (x: number, y: number) => readonly [number, number];

const f = (v: number) => (Math.round(v * 10) / 10).toString();

/**
 * The path data (`d`) of every cell holding `value` in `layer`: each row's maximal runs of such
 * cells as one closed rectangle, so a province is one path whatever its shape.
 */
export function runsPath(map: CentralAsiaMap, layer: ArrayLike<number>, value: number, at: Corner): string {
  const { width, height } = map.grid;
  let d = "";
  for (let y = 0; y < height; y++) {
    let x = 0;
    while (x < width) {
      if (layer[y * width + x] !== value) {
        x++;
        continue;
      }
      const from = x;
      while (x < width && layer[y * width + x] === value) x++;
      const [x0, y0] = at(from, y);
      const [x1, y1] = at(x, y + 1);
      d += `M${f(x0)} ${f(y0)}H${f(x1)}V${f(y1)}H${f(x0)}Z`;
    }
  }
  return d;
}

/**
 * Path data of the cell edges where `differ(a, b)` holds for the two cells on either side (cells
 * outside the grid count as -1), merged along each row and column into long segments.
 */
export function edgesPath(
  map: CentralAsiaMap,
  differ: (a: number, b: number) => boolean,
  at: Corner,
): string {
  const { width, height } = map.grid;
  const cell = (x: number, y: number) => (x < 0 || y < 0 || x >= width || y >= height ? -1 : y * width + x);
  let d = "";
  // Horizontal edges: between row y-1 and row y, for y = 0..height.
  for (let y = 0; y <= height; y++) {
    let x = 0;
    while (x < width) {
      if (!differ(cell(x, y - 1), cell(x, y))) {
        x++;
        continue;
      }
      const from = x;
      while (x < width && differ(cell(x, y - 1), cell(x, y))) x++;
      const [x0, y0] = at(from, y);
      const [x1] = at(x, y);
      d += `M${f(x0)} ${f(y0)}H${f(x1)}`;
    }
  }
  // Vertical edges: between column x-1 and column x.
  for (let x = 0; x <= width; x++) {
    let y = 0;
    while (y < height) {
      if (!differ(cell(x - 1, y), cell(x, y))) {
        y++;
        continue;
      }
      const from = y;
      while (y < height && differ(cell(x - 1, y), cell(x, y))) y++;
      const [x0, y0] = at(x, from);
      const [, y1] = at(x, y);
      d += `M${f(x0)} ${f(y0)}V${f(y1)}`;
    }
  }
  return d;
}
