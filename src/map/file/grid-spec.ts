/**
 * The lon/lat raster a map is drawn on: a box split into square cells of `res` degrees, row 0 at
 * the north edge, so cell numbering matches the engine grid (`cell = row * width + col`).
 */

/** The geometry of a lon/lat raster. */
export interface GridSpec {
  /** West edge, degrees east. */
  west: number;
  /** South edge, degrees north. */
  south: number;
  /** East edge, degrees east. */
  east: number;
  /** North edge, degrees north. */
  north: number;
  /** Cell size in degrees (cells are square in degrees, not in km). */
  res: number;
  /** Columns: (east − west) / res. */
  width: number;
  /** Rows: (north − south) / res. */
  height: number;
}

/** A spec for a box and resolution; throws when the box is not a whole number of cells. */
export function gridSpec(
  box: { west: number; south: number; east: number; north: number },
  res: number,
): GridSpec {
  const w = (box.east - box.west) / res;
  const h = (box.north - box.south) / res;
  // A box that is not a whole number of cells would make cell edges drift from round degrees.
  if (
    !(res > 0) ||
    Math.abs(w - Math.round(w)) > 1e-9 ||
    Math.abs(h - Math.round(h)) > 1e-9 ||
    w < 1 ||
    h < 1
  ) {
    throw new RangeError(`box ${JSON.stringify(box)} is not a whole number of ${res}° cells`);
  }
  return { ...box, res, width: Math.round(w), height: Math.round(h) };
}

/** Longitude of the centre of column `x`. */
export function centreLon(spec: GridSpec, x: number): number {
  return spec.west + (x + 0.5) * spec.res;
}

/** Latitude of the centre of row `y`. */
export function centreLat(spec: GridSpec, y: number): number {
  return spec.north - (y + 0.5) * spec.res;
}

/** The cell containing (lon, lat), or -1 outside the box; points on an edge go east/south. */
export function cellAt(spec: GridSpec, lon: number, lat: number): number {
  const x = Math.floor((lon - spec.west) / spec.res);
  const y = Math.floor((spec.north - lat) / spec.res);
  if (x < 0 || y < 0 || x >= spec.width || y >= spec.height) return -1;
  return y * spec.width + x;
}
