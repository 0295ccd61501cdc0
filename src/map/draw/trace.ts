/**
 * Raster → polygon rings: the outline of every province of a cell layer as closed rings of cell
 * corners. Maps are filled and stroked per province, so each province needs its boundary as one
 * path (a union of cell squares would show every cell edge once stroked). Rings are in cell space
 * (column x, row y); a projection turns them into pixels.
 */
import { round } from "./text.js";

/** A ring of cell corners (column x, row y), closed implicitly (the last point joins the first). */
export type Ring = [number, number][];

/** A cell layer: width × height province indexes, row-major from the top-left, −1 for none. */
export interface CellLayer {
  width: number;
  height: number;
  cells: ArrayLike<number>;
}

// Directions of a boundary step on screen (y down): right, down, left, up.
const DX = [1, 0, -1, 0];
const DY = [0, 1, 0, -1];

/**
 * The rings of every cell holding `value`. Each boundary edge is walked with the province on its
 * right (clockwise on screen), so outer rings run clockwise and holes anticlockwise. Where two
 * cells touch only at a corner the walk turns right, keeping them as separate rings instead of
 * one self-touching figure of eight. Points where a ring goes straight on are dropped only along
 * columns (`mergeColumns`), since a projected meridian stays straight but a parallel may curve.
 */
export function traceRings(layer: CellLayer, value: number, mergeColumns = true): Ring[] {
  const { width, height, cells } = layer;
  const inside = (x: number, y: number) =>
    x >= 0 && y >= 0 && x < width && y < height && cells[y * width + x] === value;
  const W = width + 1;
  // Outgoing boundary edges per corner, as direction bit masks (a corner has at most two).
  const out = new Map<number, number>();
  const add = (x: number, y: number, dir: number) => {
    const k = y * W + x;
    out.set(k, (out.get(k) ?? 0) | (1 << dir));
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!inside(x, y)) continue;
      if (!inside(x, y - 1)) add(x, y, 0);
      if (!inside(x + 1, y)) add(x + 1, y, 1);
      if (!inside(x, y + 1)) add(x + 1, y + 1, 2);
      if (!inside(x - 1, y)) add(x, y + 1, 3);
    }
  }
  const rings: Ring[] = [];
  // Corners in ascending order make the ring order and each ring's start point deterministic.
  for (const start of [...out.keys()].sort((a, b) => a - b)) {
    while ((out.get(start) ?? 0) !== 0) {
      const ring: Ring = [];
      let k = start;
      let dir = Math.log2((out.get(k) ?? 0) & -(out.get(k) ?? 0));
      for (;;) {
        const x = k % W;
        const y = (k - x) / W;
        const mask = out.get(k) ?? 0;
        // Back at the start (or stuck, which a closed boundary never is): the ring is closed.
        if (mask === 0 || (k === start && ring.length > 0)) break;
        // Prefer turning right, then straight on, then left (relative to the way we came).
        let next = -1;
        for (const turn of [1, 0, 3]) {
          const d = (dir + turn) % 4;
          if (mask & (1 << d)) {
            next = d;
            break;
          }
        }
        if (next < 0) next = Math.log2(mask & -mask);
        out.set(k, mask & ~(1 << next));
        const straight = ring.length > 0 && next === dir;
        if (!(straight && (mergeColumns ? DX[next] === 0 : false))) ring.push([x, y]);
        dir = next;
        k = (y + DY[next]!) * W + (x + DX[next]!);
      }
      if (ring.length >= 3) rings.push(ring);
    }
  }
  return rings;
}

/** Twice the signed area of a ring (positive = clockwise on screen, where y points down). */
export function ringArea(r: Ring): number {
  let a = 0;
  for (let i = 0; i < r.length; i++) {
    const [x0, y0] = r[i]!;
    const [x1, y1] = r[(i + 1) % r.length]!;
    a += x0 * y1 - x1 * y0;
  }
  return a;
}

/**
 * Path data of rings in pixel space (`at` maps a cell corner to pixels). Outer rings run
 * clockwise and holes anticlockwise, so SVG's default nonzero fill leaves holes empty.
 */
export function ringsPath(
  rings: readonly Ring[],
  at: (x: number, y: number) => readonly [number, number],
): string {
  let d = "";
  for (const r of rings) {
    r.forEach(([x, y], i) => {
      const [px, py] = at(x, y);
      d += `${i === 0 ? "M" : "L"}${round(px)} ${round(py)}`;
    });
    d += "Z";
  }
  return d;
}
