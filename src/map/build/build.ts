/**
 * The map build, as a pure function: Natural Earth features + the hand-written YAML inputs → the
 * map document. Same inputs, same bytes: shapes are burnt in a fixed order (country, then ISO
 * code), every tie is broken by cell index, and nothing reads the clock or the file system.
 */
import type { MapDocument, ProvinceRow } from "../file/document.js";
import { cellAt, centreLat, centreLon, type GridSpec } from "../file/grid-spec.js";
import { encodeRuns } from "../file/rle.js";
import { COUNTRIES, COUNTRY_NAMES, NE_PROVINCES, type ProvinceName } from "./names.js";
import { buildNetwork } from "./network.js";
import { type Ring, rasterisePolygons } from "./rasterise.js";
import { ruggednessLayer } from "./ruggedness.js";
import type { NetworkFile, ProvincesFile, TerrainFile } from "./sources.js";

/** One Natural Earth admin-1 feature, reduced to what the build reads. */
export interface SourceFeature {
  /** Natural Earth `adm1_code`. */
  adm1: string;
  /** Natural Earth `iso_a2` (country). */
  isoA2: string;
  /** All rings of the feature (outer rings, holes, every part). */
  rings: Ring[];
}

/** Everything the build reads. */
export interface BuildInput {
  spec: GridSpec;
  features: readonly SourceFeature[];
  provinces: ProvincesFile;
  network: NetworkFile;
  terrain: TerrainFile;
  /** Where the polygons came from, copied into the provenance. */
  source: { source: string; package: string; version: string; file: string; sha256: string };
}

/** The document, or every problem that stopped the build. */
export type BuildResult = { ok: true; doc: MapDocument } | { ok: false; errors: string[] };

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
function provinceShapes(input: BuildInput, errors: string[]) {
  const size = input.spec.width * input.spec.height;
  const byIso = new Map<string, { name: ProvinceName; rings: Ring[] }>();
  for (const f of input.features) {
    if (!(COUNTRIES as readonly string[]).includes(f.isoA2) || !reachesBox(input.spec, f.rings)) continue;
    const name = NE_PROVINCES[f.adm1];
    if (!name) {
      // Of China only Xinjiang is modelled. Any other unknown feature that holds a cell centre
      // means the source changed; one that only grazes the box is harmless.
      const cells = rasterisePolygons(
        input.spec,
        [{ value: 0, rings: f.rings }],
        new Int32Array(size).fill(-1),
      );
      if (f.isoA2 !== "CN" && cells[0]! > 0) {
        errors.push(
          `Natural Earth feature ${f.adm1} (${f.isoA2}) has cells in the box but is not in src/map/names.ts`,
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

/** Build the map document from its inputs. */
export function buildMap(input: BuildInput): BuildResult {
  const { spec, provinces: attrs } = input;
  const errors: string[] = [];
  const notes: string[] = [];
  const size = spec.width * spec.height;
  const entries = provinceShapes(input, errors);
  const layer = new Int32Array(size).fill(-1);
  const counts = rasterisePolygons(
    spec,
    entries.map((e, i) => ({ value: i, rings: e.rings })),
    layer,
  );

  // Keep a province when a cell centre falls in it or its capital lies in the box (small cities).
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
  const kept = keep.map((i) => entries[i]!);

  for (const e of kept) {
    if (!attrs.provinces[e.name.iso])
      errors.push(`provinces.${e.name.iso}: missing (the province has cells on the map)`);
  }
  // Attributes of a province that grazes the box are kept for finer resolutions; any other key is a typo.
  const reaching = new Set(entries.map((e) => e.name.iso));
  for (const iso of Object.keys(attrs.provinces)) {
    if (!reaching.has(iso))
      errors.push(`provinces.${iso}: not a province of the map (does not reach the box)`);
  }
  if (errors.length > 0) return { ok: false, errors };

  // A 0.25° cell is ~25 km, so border generalisation can put a seat in a neighbour's cell; the
  // capital's cell goes to its province so every seat stands on its own ground.
  const claimedBy = new Map<number, string>();
  kept.forEach((e, i) => {
    const cap = attrs.provinces[e.name.iso]!.capital;
    const c = cellAt(spec, cap.lon, cap.lat);
    if (c < 0) return;
    const other = claimedBy.get(c);
    if (other) errors.push(`provinces.${e.name.iso}.capital: in the same cell as ${other}'s capital`);
    claimedBy.set(c, e.name.iso);
    if (layer[c] !== i) {
      const from = layer[c]! >= 0 ? kept[layer[c]!]!.name.iso : "outside the region";
      notes.push(`cell ${c} given to ${e.name.iso} (capital ${cap.name}); the raster had ${from}`);
      layer[c] = i;
    }
  });
  const cellCount = new Array<number>(kept.length).fill(0);
  for (let c = 0; c < size; c++) if (layer[c]! >= 0) cellCount[layer[c]!]!++;
  cellCount.forEach((n, i) => {
    if (n === 0)
      errors.push(`provinces.${kept[i]!.name.iso}: lost all its cells to capitals of other provinces`);
  });
  if (errors.length > 0) return { ok: false, errors };

  const countryId = kept.map(
    (e) => COUNTRIES.indexOf(e.name.iso.slice(0, 2) as (typeof COUNTRIES)[number]) + 1,
  );
  const country = new Uint8Array(size);
  for (let c = 0; c < size; c++) if (layer[c]! >= 0) country[c] = countryId[layer[c]!]!;

  const rows: ProvinceRow[] = kept.map((e, i) => {
    const a = attrs.provinces[e.name.iso]!;
    const cc = e.name.iso.slice(0, 2) as (typeof COUNTRIES)[number];
    const defaults = attrs.countries[cc];
    const capCell = cellAt(spec, a.capital.lon, a.capital.lat);
    const row: ProvinceRow = {
      iso: e.name.iso,
      name: e.name.name,
      ...(e.name.was ? { was: e.name.was } : {}),
      country: countryId[i]!,
      cells: cellCount[i]!,
      capital: { ...a.capital, cell: capCell },
      anchor: capCell >= 0 ? capCell : nearestCell(spec, layer, i, a.capital.lon, a.capital.lat),
      population: { ...a.population, source: defaults?.populationSource ?? "" },
      stateCapacity: a.stateCapacity ?? defaults?.stateCapacity ?? Number.NaN,
      legitimacy: a.legitimacy ?? defaults?.legitimacy ?? Number.NaN,
      corruption: a.corruption ?? defaults?.corruption ?? Number.NaN,
      hardship: a.hardship,
      ruggedness: a.ruggedness,
      heroinSource: a.heroinSource ?? 0,
    };
    if (!defaults) errors.push(`countries.${cc}: missing (province ${e.name.iso} needs its defaults)`);
    return row;
  });
  if (errors.length > 0) return { ok: false, errors };

  const rugged = ruggednessLayer(
    spec,
    (c) => (layer[c]! >= 0 ? rows[layer[c]!]!.ruggedness : Number.NaN),
    input.terrain,
  );
  const net = buildNetwork(
    spec,
    layer,
    country,
    input.network,
    attrs.markets,
    rows.map((r) => r.iso),
  );
  if (!net.ok) return { ok: false, errors: net.errors };
  notes.push(...net.notes);

  return {
    ok: true,
    doc: {
      format: "pamir-map/1",
      name: "Central Asia",
      grid: { ...spec },
      countries: COUNTRIES.map((iso) => ({ iso, name: COUNTRY_NAMES[iso] })),
      provinces: rows,
      crossings: net.crossings,
      roads: input.network.roads.map((r) => ({ id: r.id, name: r.name, via: r.via })),
      markets: net.markets,
      layers: { province: encodeRuns(layer), road: encodeRuns(net.road), ruggedness: encodeRuns(rugged) },
      provenance: { ...input.source, resolution: spec.res, date: attrs.asOf, notes },
    },
  };
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
