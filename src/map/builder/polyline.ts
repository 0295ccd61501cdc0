/**
 * Polyline rasterisation: every cell a line passes through is marked, found by walking each
 * segment cell boundary by cell boundary (Amanatides–Woo traversal), so a road is a 4-connected
 * chain of cells with no gaps, and the result depends only on the coordinates.
 */
import type { GridSpec } from "../file/grid-spec.js";

/** Cells crossed by the polyline through `points` ([lon, lat] pairs), in walking order, no repeats in a row. */
export function polylineCells(spec: GridSpec, points: readonly (readonly [number, number])[]): number[] {
  const cells: number[] = [];
  const push = (x: number, y: number) => {
    if (x < 0 || y < 0 || x >= spec.width || y >= spec.height) return;
    const c = y * spec.width + x;
    if (cells[cells.length - 1] !== c) cells.push(c);
  };
  for (let i = 0; i + 1 < points.length; i++) {
    // Work in cell units: u grows east, v grows south.
    const [lon0, lat0] = points[i]!;
    const [lon1, lat1] = points[i + 1]!;
    const u0 = (lon0 - spec.west) / spec.res;
    const v0 = (spec.north - lat0) / spec.res;
    const u1 = (lon1 - spec.west) / spec.res;
    const v1 = (spec.north - lat1) / spec.res;
    let x = Math.floor(u0);
    let y = Math.floor(v0);
    const xEnd = Math.floor(u1);
    const yEnd = Math.floor(v1);
    const du = u1 - u0;
    const dv = v1 - v0;
    const sx = du > 0 ? 1 : -1;
    const sy = dv > 0 ? 1 : -1;
    // Parameter t along the segment at which the next vertical / horizontal cell edge is met.
    const tdx = du === 0 ? Number.POSITIVE_INFINITY : Math.abs(1 / du);
    const tdy = dv === 0 ? Number.POSITIVE_INFINITY : Math.abs(1 / dv);
    let tx = du === 0 ? Number.POSITIVE_INFINITY : (sx > 0 ? x + 1 - u0 : u0 - x) * tdx;
    let ty = dv === 0 ? Number.POSITIVE_INFINITY : (sy > 0 ? y + 1 - v0 : v0 - y) * tdy;
    push(x, y);
    const steps = Math.abs(xEnd - x) + Math.abs(yEnd - y);
    for (let s = 0; s < steps; s++) {
      // Ties step in x first, so a line through a cell corner still gives a 4-connected chain.
      if (tx <= ty) {
        x += sx;
        tx += tdx;
      } else {
        y += sy;
        ty += tdy;
      }
      push(x, y);
    }
  }
  return cells;
}
