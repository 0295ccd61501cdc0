/**
 * Polygon rasterisation at cell centres with the even-odd rule: a cell belongs to a shape when
 * its centre is inside. One scanline per row (the row's centre latitude), so the result depends
 * only on the coordinates and the order of shapes, never on the machine.
 */
import { centreLat, centreLon, type GridSpec } from "../file/grid-spec.js";

/** A ring is a closed list of [lon, lat] points (the closing point may repeat the first). */
export type Ring = readonly (readonly number[])[];

/** One shape to burn in: all its rings (outer rings, holes, every part of a multipolygon). */
export interface Shape {
  /** Value written into the cells of this shape. */
  value: number;
  /** Rings; holes and separate parts are handled by the even-odd rule across all of them. */
  rings: readonly Ring[];
}

/**
 * Burn shapes into `out` (length width × height) in the order given; a cell already holding a
 * value other than `empty` keeps it, so the first shape wins where shared edges pass exactly
 * through a cell centre. Returns how many cells each shape got, in shape order.
 */
export function rasterisePolygons(
  spec: GridSpec,
  shapes: readonly Shape[],
  out: Int32Array,
  empty = -1,
): number[] {
  const counts: number[] = [];
  const xs: number[] = [];
  for (const shape of shapes) {
    let count = 0;
    for (let y = 0; y < spec.height; y++) {
      const lat = centreLat(spec, y);
      xs.length = 0;
      for (const ring of shape.rings) crossings(ring, lat, xs);
      if (xs.length < 2) continue;
      xs.sort((a, b) => a - b);
      // Even-odd: a centre is inside when it lies in [xs[2k], xs[2k+1]).
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const from = Math.max(0, Math.ceil((xs[k]! - spec.west) / spec.res - 0.5));
        for (let x = from; x < spec.width; x++) {
          const lon = centreLon(spec, x);
          if (lon < xs[k]!) continue;
          if (lon >= xs[k + 1]!) break;
          const c = y * spec.width + x;
          if (out[c] === empty) {
            out[c] = shape.value;
            count++;
          }
        }
      }
    }
    counts.push(count);
  }
  return counts;
}

/** Push the longitudes where the ring's edges cross latitude `lat` (half-open in latitude). */
function crossings(ring: Ring, lat: number, xs: number[]): void {
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const a = ring[j]!;
    const b = ring[i]!;
    const ay = a[1]!;
    const by = b[1]!;
    // Half-open test (> on one end only) counts a vertex exactly on the scanline once.
    if (ay > lat !== by > lat) {
      const ax = a[0]!;
      xs.push(ax + ((lat - ay) * (b[0]! - ax)) / (by - ay));
    }
  }
}

/** Whether (lon, lat) is inside the rings by the even-odd rule (the same test, for one point). */
export function insideRings(rings: readonly Ring[], lon: number, lat: number): boolean {
  const xs: number[] = [];
  for (const ring of rings) crossings(ring, lat, xs);
  let right = 0;
  for (const x of xs) if (x > lon) right++;
  return right % 2 === 1;
}
