/**
 * The province layer of the build: Natural Earth shapes burnt into the raster in a fixed order,
 * the provinces that stay on the map, capitals given their own cells, and the province table's
 * rows. Problems go to the caller's `errors`, decisions worth knowing to its `notes`.
 */
import { type Problem, problem } from "../../core/problems.js";
import type { ProvinceRow } from "../file/document.js";
import { cellAt, centreLat, centreLon, type GridSpec } from "../file/grid-spec.js";
import { COUNTRIES, NE_PROVINCES, type ProvinceName } from "./names.js";
import { type Ring, rasterisePolygons } from "./rasterise.js";
import type { ProvincesFile } from "./sources.js";

/** One Natural Earth admin-1 feature, reduced to what the build reads. */
export interface SourceFeature {
  /** Natural Earth `adm1_code`. */
  adm1: string;
  /** Natural Earth `iso_a2` (country). */
  isoA2: string;
  /** All rings of the feature (outer rings, holes, every part). */
  rings: Ring[];
}

/** A province of the map: its current name and every ring of the features that make it. */
export interface ProvinceShape {
  name: ProvinceName;
  rings: Ring[];
}

/** The province raster: province index per cell (−1 outside), and the provinces kept on it. */
export interface ProvinceRaster {
  layer: Int32Array;
  kept: ProvinceShape[];
  /** Every province reaching the box, kept or not (their attributes are not typos). */
  reaching: ProvinceShape[];
}

function reachesBox(spec: GridSpec, rings: readonly Ring[]): boolean {
  let w = Number.POSITIVE_INFINITY;
  let e = Number.NEGATIVE_INFINITY;
  let s = Number.POSITIVE_INFINITY;
  let n = Number.NEGATIVE_INFINITY;
  for (const r of rings) {
    for (const [x, y] of r) {
      w = Math.min(w, x!);
      e = Math.max(e, x!);
      s = Math.min(s, y!);
      n = Math.max(n, y!);
    }
  }
  return w < spec.east && e > spec.west && s < spec.north && n > spec.south;
}

/** The province entries of the features inside the box, in burn order, each with its shapes. */
function provinceShapes(
  spec: GridSpec,
  features: readonly SourceFeature[],
  errors: Problem[],
): ProvinceShape[] {
  const size = spec.width * spec.height;
  const byIso = new Map<string, { name: ProvinceName; rings: Ring[] }>();
  for (const f of features) {
    if (!(COUNTRIES as readonly string[]).includes(f.isoA2) || !reachesBox(spec, f.rings)) continue;
    const name = NE_PROVINCES[f.adm1];
    if (!name) {
      // Of China only Xinjiang is modelled. Any other unknown feature that holds a cell centre
      // means the source changed; one that only grazes the box is harmless.
      const cells = rasterisePolygons(spec, [{ value: 0, rings: f.rings }], new Int32Array(size).fill(-1));
      if (f.isoA2 !== "CN" && cells[0]! > 0) {
        errors.push(
          problem(
            "map",
            "",
            `Natural Earth feature ${f.adm1} (${f.isoA2}) has cells in the box but is not in src/map/builder/names.ts`,
          ),
        );
      }
      continue;
    }
    const entry = byIso.get(name.iso) ?? { name, rings: [] };
    entry.rings.push(...f.rings);
    byIso.set(name.iso, entry);
  }
  const country = (iso: string) => COUNTRIES.indexOf(iso.slice(0, 2) as (typeof COUNTRIES)[number]);
  return [...byIso.values()].sort(
    (a, b) => country(a.name.iso) - country(b.name.iso) || (a.name.iso < b.name.iso ? -1 : 1),
  );
}

/**
 * Burn the provinces into the raster and keep those a cell centre falls in or whose capital lies
 * in the box (small cities); the others are noted and left out.
 */
export function rasteriseProvinces(
  spec: GridSpec,
  features: readonly SourceFeature[],
  attrs: ProvincesFile,
  errors: Problem[],
  notes: string[],
): ProvinceRaster {
  const size = spec.width * spec.height;
  const entries = provinceShapes(spec, features, errors);
  const layer = new Int32Array(size).fill(-1);
  const counts = rasterisePolygons(
    spec,
    entries.map((e, i) => ({ value: i, rings: e.rings })),
    layer,
  );
  const keep: number[] = [];
  entries.forEach((e, i) => {
    const a = attrs.provinces[e.name.iso];
    const capitalCell = a ? cellAt(spec, a.capital.lon, a.capital.lat) : -1;
    if (counts[i]! > 0 || capitalCell >= 0) keep.push(i);
    else notes.push(`${e.name.iso} ${e.name.name} reaches into the box but holds no cell centre; left out`);
  });
  const renumber = new Int32Array(entries.length).fill(-1);
  keep.forEach((old, i) => {
    renumber[old] = i;
  });
  for (let c = 0; c < size; c++) if (layer[c]! >= 0) layer[c] = renumber[layer[c]!]!;
  return { layer, kept: keep.map((i) => entries[i]!), reaching: entries };
}

/** Every kept province needs attributes; an attribute key of no province reaching the box is a typo. */
export function checkAttributeKeys(raster: ProvinceRaster, attrs: ProvincesFile, errors: Problem[]): void {
  for (const e of raster.kept) {
    if (!attrs.provinces[e.name.iso])
      errors.push(problem("map", `provinces.${e.name.iso}`, "missing (the province has cells on the map)"));
  }
  // Attributes of a province that grazes the box are kept for finer resolutions; any other key is a typo.
  const reaching = new Set(raster.reaching.map((e) => e.name.iso));
  for (const iso of Object.keys(attrs.provinces)) {
    if (!reaching.has(iso))
      errors.push(problem("map", `provinces.${iso}`, "not a province of the map (does not reach the box)"));
  }
}

/**
 * Give every capital's cell to its province: a 0.25° cell is ~25 km, so border generalisation can
 * put a seat in a neighbour's cell, and every seat should stand on its own ground. Returns the
 * provinces' cell counts afterwards.
 */
export function placeCapitals(
  spec: GridSpec,
  raster: ProvinceRaster,
  attrs: ProvincesFile,
  errors: Problem[],
  notes: string[],
): number[] {
  const { layer, kept } = raster;
  const claimedBy = new Map<number, string>();
  kept.forEach((e, i) => {
    const cap = attrs.provinces[e.name.iso]!.capital;
    const c = cellAt(spec, cap.lon, cap.lat);
    if (c < 0) return;
    const other = claimedBy.get(c);
    if (other)
      errors.push(
        problem("map", `provinces.${e.name.iso}.capital`, `in the same cell as ${other}'s capital`),
      );
    claimedBy.set(c, e.name.iso);
    if (layer[c] !== i) {
      const from = layer[c]! >= 0 ? kept[layer[c]!]!.name.iso : "outside the region";
      notes.push(`cell ${c} given to ${e.name.iso} (capital ${cap.name}); the raster had ${from}`);
      layer[c] = i;
    }
  });
  const cellCount = new Array<number>(kept.length).fill(0);
  for (let c = 0; c < layer.length; c++) if (layer[c]! >= 0) cellCount[layer[c]!]!++;
  cellCount.forEach((n, i) => {
    if (n === 0)
      errors.push(
        problem("map", `provinces.${kept[i]!.name.iso}`, "lost all its cells to capitals of other provinces"),
      );
  });
  return cellCount;
}

/** Country id (index into COUNTRIES + 1) of a province by its ISO 3166-2 code. */
export function countryIdOf(iso: string): number {
  return COUNTRIES.indexOf(iso.slice(0, 2) as (typeof COUNTRIES)[number]) + 1;
}

/** The province table: names, cells, capital and anchor, attributes with the country defaults filled in. */
export function provinceRows(
  spec: GridSpec,
  raster: ProvinceRaster,
  cellCount: readonly number[],
  attrs: ProvincesFile,
  errors: Problem[],
): ProvinceRow[] {
  return raster.kept.map((e, i) => {
    const a = attrs.provinces[e.name.iso]!;
    const cc = e.name.iso.slice(0, 2) as (typeof COUNTRIES)[number];
    const defaults = attrs.countries[cc];
    const capCell = cellAt(spec, a.capital.lon, a.capital.lat);
    const row: ProvinceRow = {
      iso: e.name.iso,
      name: e.name.name,
      ...(e.name.was ? { was: e.name.was } : {}),
      country: countryIdOf(e.name.iso),
      cells: cellCount[i]!,
      capital: { ...a.capital, cell: capCell },
      anchor: capCell >= 0 ? capCell : nearestCell(spec, raster.layer, i, a.capital.lon, a.capital.lat),
      population: { ...a.population, source: defaults?.populationSource ?? "" },
      stateCapacity: a.stateCapacity ?? defaults?.stateCapacity ?? Number.NaN,
      legitimacy: a.legitimacy ?? defaults?.legitimacy ?? Number.NaN,
      corruption: a.corruption ?? defaults?.corruption ?? Number.NaN,
      hardship: a.hardship,
      ruggedness: a.ruggedness,
      heroinSource: a.heroinSource ?? 0,
    };
    if (!defaults)
      errors.push(problem("map", `countries.${cc}`, `missing (province ${e.name.iso} needs its defaults)`));
    return row;
  });
}

/** The cell of province `p` whose centre is nearest (lon, lat); ties go to the lower index. */
function nearestCell(spec: GridSpec, layer: Int32Array, p: number, lon: number, lat: number): number {
  let best = -1;
  let bestD = Number.POSITIVE_INFINITY;
  for (let c = 0; c < layer.length; c++) {
    if (layer[c] !== p) continue;
    const x = c % spec.width;
    const d = Math.hypot(centreLon(spec, x) - lon, centreLat(spec, (c - x) / spec.width) - lat);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}
