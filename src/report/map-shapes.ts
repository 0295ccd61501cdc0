/**
 * The shapes a province map is drawn from, whichever world it is: one path per province in the
 * picture's pixel space, plus what goes under (water) and over (country borders) them.
 */
import type { Ring } from "./trace.js";

/** One province's outline and label point. */
export interface ProvinceShape {
  /** Province name, as the outcomes name it. */
  name: string;
  /** SVG path data. */
  d: string;
  /** Label point (pixels). */
  x: number;
  y: number;
}

/** A drawable map. */
export interface MapShapes {
  /** Which map, for captions. */
  title: string;
  /** Picture size in pixels (the viewBox; CSS scales it). */
  width: number;
  height: number;
  /** Provinces in map order. */
  provinces: ProvinceShape[];
  /** SVG drawn under the provinces. */
  under: string;
  /** SVG drawn over the provinces. */
  over: string;
  /** Whether province names fit on the small maps. */
  labels: boolean;
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

/** Even-odd point-in-ring test. */
function inside(r: Ring, x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, yi] = r[i]!;
    const [xj, yj] = r[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/**
 * Rings grouped into polygons: each outer (clockwise) ring with the holes it encloses. A hole is
 * placed by the centre of the cell on its left of its first edge, which lies inside the hole,
 * never on a boundary, so the test cannot be ambiguous.
 */
export function polygonsOf(rings: Ring[]): Ring[][] {
  const outers = rings.filter((r) => ringArea(r) > 0);
  const polys = outers.map((r) => [r]);
  for (const h of rings.filter((r) => ringArea(r) < 0)) {
    const [x0, y0] = h[0]!;
    const [x1, y1] = h[1]!;
    const dx = Math.sign(x1 - x0);
    const dy = Math.sign(y1 - y0);
    // Left of direction (dx, dy) on screen is (dy, −dx).
    const px = x0 + dx * 0.5 + dy * 0.5;
    const py = y0 + dy * 0.5 - dx * 0.5;
    let best = -1;
    outers.forEach((o, i) => {
      if (inside(o, px, py) && (best < 0 || ringArea(o) < ringArea(outers[best]!))) best = i;
    });
    if (best >= 0) polys[best]!.push(h);
  }
  return polys;
}

/** Path data of rings in pixel space (`at` maps a cell corner to pixels). */
export function ringsPath(rings: Ring[], at: (x: number, y: number) => [number, number]): string {
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

/** One decimal: a tenth of a pixel is below what a screen shows, and halves the file. */
export function round(v: number): string {
  return String(Math.round(v * 10) / 10);
}
