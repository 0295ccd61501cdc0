/**
 * Loading a map file: JSON → schema → decoded layers → cross-checks. Bad input is a result value
 * listing every problem with its path in the file (`layers.province`, `crossings[3].cell`), never
 * an exception, so a scenario that names a broken map gets all its problems at once.
 */
import { formatPath, type Problem, type ProblemKind } from "../../core/problems.js";
import { readText } from "../../core/read-file.js";
import { type MapDocument, mapDocumentSchema } from "./document.js";
import { decodeRuns } from "./rle.js";
import type { CentralAsiaMap } from "./types.js";

/** A loaded map, or every problem that stopped it (each in the file, at a dotted path, `(json)` or `(file)`). */
export type MapLoadResult = { ok: true; map: CentralAsiaMap } | { ok: false; problems: Problem[] };

/** Parse and check map text; `file` only labels the problems. */
export function parseCentralAsiaMap(text: string, file: string): MapLoadResult {
  const problems: Problem[] = [];
  const fail = (path: string, message: string, kind: ProblemKind = "map") =>
    problems.push({ kind, path, message, file } as Problem);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    fail("(json)", err instanceof Error ? err.message : String(err), "json");
    return { ok: false, problems };
  }
  const r = mapDocumentSchema.safeParse(data);
  if (!r.success) {
    for (const i of r.error.issues) fail(formatPath(i.path), i.message, "schema");
    return { ok: false, problems };
  }
  const doc = r.data;
  const map = decode(doc, fail);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, map };
}

/** Reports one problem at a path in the file. */
type Fail = (path: string, message: string) => void;

/** Decode the layers and check that tables and layers agree; reports through `fail`. */
function decode(doc: MapDocument, fail: Fail): CentralAsiaMap {
  const size = doc.grid.width * doc.grid.height;
  // In this order, so problems are listed as the file holds them: layers, provinces, crossings, markets.
  const { province, road, rugged } = decodeLayers(doc, size, fail);
  const country = countryLayer(doc, province, fail);
  const ruggedness = ruggednessOf(rugged, fail);
  const crossing = crossingLayer(doc, size, fail);
  checkMarketCells(doc, size, fail);
  return {
    name: doc.name,
    grid: doc.grid,
    size,
    province,
    country,
    ruggedness,
    road,
    crossing,
    countries: doc.countries,
    provinces: doc.provinces,
    crossings: doc.crossings,
    roads: doc.roads,
    markets: doc.markets,
    provenance: doc.provenance,
  };
}

/** The run-length coded layers, decoded (ruggedness still in hundredths). */
function decodeLayers(doc: MapDocument, size: number, fail: Fail) {
  const province = new Int32Array(size);
  const road = new Uint8Array(size);
  const rugged = new Int32Array(size);
  const layers = [
    ["province", province],
    ["road", road],
    ["ruggedness", rugged],
  ] as const;
  for (const [name, out] of layers) {
    const problem = decodeRuns(doc.layers[name], out);
    if (problem) fail(`layers.${name}`, problem);
  }
  return { province, road, rugged };
}

/**
 * The country layer, derived from the province layer and table so the two cannot disagree; checks
 * that province indexes, country ids, cell counts and anchors agree with the layer.
 */
function countryLayer(doc: MapDocument, province: Int32Array, fail: Fail): Uint8Array {
  const size = province.length;
  const nP = doc.provinces.length;
  const nC = doc.countries.length;
  const country = new Uint8Array(size);
  const counts = new Array<number>(nP).fill(0);
  let badCell = -1;
  for (let c = 0; c < size; c++) {
    const p = province[c]!;
    if (p < -1 || p >= nP) badCell = badCell < 0 ? c : badCell;
    else if (p >= 0) {
      counts[p]!++;
      country[c] = doc.provinces[p]!.country;
    }
  }
  if (badCell >= 0) fail("layers.province", `cell ${badCell} holds a province index outside 0–${nP - 1}`);
  doc.provinces.forEach((p, i) => {
    if (p.country > nC) fail(formatPath(["provinces", i, "country"]), `must be a country id 1–${nC}`);
    if (badCell < 0 && counts[i] !== p.cells) {
      fail(formatPath(["provinces", i, "cells"]), `says ${p.cells}, the province layer has ${counts[i]}`);
    }
    if (p.anchor >= size || province[p.anchor] !== i) {
      fail(formatPath(["provinces", i, "anchor"]), `cell ${p.anchor} is not a cell of ${p.iso}`);
    }
  });
  return country;
}

/** Ruggedness from hundredths to 0–1; the first value out of range is a problem. */
function ruggednessOf(rugged: Int32Array, fail: Fail): Float64Array {
  const ruggedness = new Float64Array(rugged.length);
  for (let c = 0; c < rugged.length; c++) {
    const v = rugged[c]!;
    if (v < 0 || v > 100) {
      fail("layers.ruggedness", `cell ${c} holds ${v}, not 0–100 hundredths`);
      break;
    }
    ruggedness[c] = v / 100;
  }
  return ruggedness;
}

/** The crossing layer (crossing index per cell, −1 for none), derived from the crossing table. */
function crossingLayer(doc: MapDocument, size: number, fail: Fail): Int32Array {
  const nC = doc.countries.length;
  const crossing = new Int32Array(size).fill(-1);
  for (const [i, x] of doc.crossings.entries()) {
    const at = (k: string) => formatPath(["crossings", i, k]);
    if (x.countries.some((id) => id > nC)) fail(at("countries"), `must be country ids 1–${nC}`);
    if (x.cell >= size) {
      fail(at("cell"), `must be below ${size}`);
      continue;
    }
    if (crossing[x.cell] !== -1)
      fail(at("cell"), `cell ${x.cell} already holds crossing ${crossing[x.cell]}`);
    crossing[x.cell] = i;
  }
  return crossing;
}

/** Check that every market link cell is on the grid. */
function checkMarketCells(doc: MapDocument, size: number, fail: Fail): void {
  for (const [i, m] of doc.markets.entries()) {
    for (const [j, l] of m.links.entries()) {
      if (l.cell >= size) fail(formatPath(["markets", i, "links", j, "cell"]), `must be below ${size}`);
    }
  }
}

/** Load the map file at `path`; an unreadable file is one problem with path `(file)`. */
export function loadCentralAsiaMap(path: string): MapLoadResult {
  const text = readText(path, { what: "map" });
  return text.ok ? parseCentralAsiaMap(text.value, path) : text;
}
