/**
 * The map build, as a pure function: Natural Earth features + the hand-written YAML inputs → the
 * map document. Same inputs, same bytes: shapes are burnt in a fixed order (country, then ISO
 * code), every tie is broken by cell index, and nothing reads the clock or the file system.
 */
import type { Problem } from "../../core/problems.js";
import type { MapDocument } from "../file/document.js";
import type { GridSpec } from "../file/grid-spec.js";
import { encodeRuns } from "../file/rle.js";
import { COUNTRIES, COUNTRY_NAMES } from "./names.js";
import { buildNetwork } from "./network.js";
import {
  checkAttributeKeys,
  countryIdOf,
  placeCapitals,
  provinceRows,
  rasteriseProvinces,
  type SourceFeature,
} from "./provinces.js";
import { ruggednessLayer } from "./ruggedness.js";
import type { NetworkFile, ProvincesFile, TerrainFile } from "./sources.js";

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
export type BuildResult = { ok: true; doc: MapDocument } | { ok: false; problems: Problem[] };

/** Build the map document from its inputs. */
export function buildMap(input: BuildInput): BuildResult {
  const { spec, provinces: attrs } = input;
  const errors: Problem[] = [];
  const notes: string[] = [];
  const raster = rasteriseProvinces(spec, input.features, attrs, errors, notes);
  checkAttributeKeys(raster, attrs, errors);
  if (errors.length > 0) return { ok: false, problems: errors };
  const cellCount = placeCapitals(spec, raster, attrs, errors, notes);
  if (errors.length > 0) return { ok: false, problems: errors };

  const { layer, kept } = raster;
  const countryId = kept.map((e) => countryIdOf(e.name.iso));
  const country = new Uint8Array(layer.length);
  for (let c = 0; c < layer.length; c++) if (layer[c]! >= 0) country[c] = countryId[layer[c]!]!;
  const rows = provinceRows(spec, raster, cellCount, attrs, errors);
  if (errors.length > 0) return { ok: false, problems: errors };

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
  if (!net.ok) return net;
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
