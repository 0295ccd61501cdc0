/**
 * A world's drawing shapes: what a province map is drawn from, whichever world it is. Everything
 * is in cell space (column x, row y, cell corners at whole numbers), so one projection turns it
 * into pixels: a map file's lon/lat box through an equal-area conic, a cell map as squares.
 */
import type { Ring } from "./trace.js";

/** One province: its outline, where its name goes, and what a tooltip says about it. */
export interface ProvinceOutline {
  /** Province name, as the model's outcomes name it. */
  name: string;
  /** ISO 3166-2 code, when the map has one (ids and values files use it). */
  id?: string | undefined;
  /** Country code ("" for none). */
  country: string;
  /** Number of cells. */
  cells: number;
  /** Outline rings (clockwise outer rings, anticlockwise holes). */
  rings: Ring[];
  /** Label point (cell space). */
  label: readonly [number, number];
}

/** One country: its outline (its border is drawn over the provinces) and, when known, its name. */
export interface CountryOutline {
  code: string;
  /** English name, when the map gives one (country names are drawn only then). */
  name?: string | undefined;
  rings: Ring[];
  /** Label point (cell space): the mean of its cells. */
  label: readonly [number, number];
}

/** A point mark: a crossing, a market link. */
export interface PointMark {
  /** Position (cell space). */
  x: number;
  y: number;
  /** Tooltip. */
  title: string;
}

/** The lon/lat box of a map file's grid, for the geographic projection. */
export interface GeoFrame {
  west: number;
  south: number;
  east: number;
  north: number;
  /** Cell size, degrees. */
  res: number;
}

/** Everything a province map is drawn from. */
export interface MapOutline {
  /** Short name ("Central Asia", "the corridor world", a scenario's name). */
  name: string;
  /** One line on what is drawn, for captions and titles. */
  caption: string;
  /** Grid size in cells. */
  width: number;
  height: number;
  /** Lon/lat box when the cells are a geographic raster; absent: cells are squares. */
  geo?: GeoFrame | undefined;
  /** Provinces in map order. */
  provinces: ProvinceOutline[];
  /** Countries in map order (those with at least one cell). */
  countries: CountryOutline[];
  /** Blocked cells (rivers) as rings. */
  water: Ring[];
  /** Main roads as polylines (a map file's), cell space. */
  roads: { name: string; points: (readonly [number, number])[] }[];
  /** Road cells as points (a cell map's roads). */
  roadCells: (readonly [number, number])[];
  /** Border crossings. */
  crossings: (PointMark & { kind: "official" | "informal" })[];
  /** Market links: a city market is a ring on its city, a sink an exit labelled with its market. */
  markets: (PointMark & { kind: "city" | "sink"; market: string })[];
  /** Footnotes: where the data come from, what grey and blue mean. */
  notes: string[];
}

/** A cell layer of province (or country) indexes, as the tracer reads it. */
export interface IndexLayer {
  width: number;
  height: number;
  cells: ArrayLike<number>;
}

/** Mean position (cell centres) of the cells holding `value`; undefined when none does. */
export function meanCell(layer: IndexLayer, value: number): [number, number] | undefined {
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let c = 0; c < layer.cells.length; c++) {
    if (layer.cells[c] !== value) continue;
    sx += c % layer.width;
    sy += Math.floor(c / layer.width);
    n++;
  }
  return n > 0 ? [sx / n + 0.5, sy / n + 0.5] : undefined;
}

/** Centre of the cell holding `value` nearest the mean of such cells, so a label sits inside its province. */
export function labelCell(layer: IndexLayer, value: number): [number, number] {
  const mean = meanCell(layer, value);
  if (!mean) return [0, 0];
  let best: [number, number] = [0, 0];
  let bestD = Number.POSITIVE_INFINITY;
  for (let c = 0; c < layer.cells.length; c++) {
    if (layer.cells[c] !== value) continue;
    const x = (c % layer.width) + 0.5;
    const y = Math.floor(c / layer.width) + 0.5;
    const d = (x - mean[0]) ** 2 + (y - mean[1]) ** 2;
    if (d < bestD) {
      bestD = d;
      best = [x, y];
    }
  }
  return best;
}

/** Centre of cell `c` on a grid `width` cells wide. */
export function cellCentre(c: number, width: number): [number, number] {
  return [(c % width) + 0.5, Math.floor(c / width) + 0.5];
}

/** The ring around the whole grid, with a point at every column so a projected parallel can curve. */
export function frameRing(width: number, height: number): Ring {
  const top = Array.from({ length: width + 1 }, (_, x) => [x, 0] as [number, number]);
  const bottom = Array.from({ length: width + 1 }, (_, x) => [width - x, height] as [number, number]);
  return [...top, ...bottom];
}
