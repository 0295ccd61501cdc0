/**
 * The whole build on a small fixture (two hand-made provinces, a crossing, a road, a market):
 * rebuilt twice it gives the same bytes, and each rule of the build does what it says.
 */
import { describe, expect, it } from "vitest";
import { problemLine } from "../../../../src/cli/problems.js";
import { type BuildInput, buildMap } from "../../../../src/map/builder/build.js";
import type { ProvincesFile } from "../../../../src/map/builder/sources.js";
import { formatMapDocument } from "../../../../src/map/file/format.js";
import { gridSpec } from "../../../../src/map/file/grid-spec.js";
import { parseCentralAsiaMap } from "../../../../src/map/file/load.js";

const rect = (w: number, s: number, e: number, n: number) => [
  [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ],
];
const place = (name: string, lat: number, lon: number) => ({ name, lat, lon });
const attrs = (capital: ReturnType<typeof place>) => ({
  capital,
  population: { value: 1000, year: 2023 },
  hardship: 0.5,
  ruggedness: 0.2,
});
const defaults = { stateCapacity: 0.4, legitimacy: 0.5, corruption: 0.6, populationSource: "fixture" };

function input(overrides: Partial<ProvincesFile["provinces"]> = {}): BuildInput {
  return {
    // 8×4 cells of 0.5°: lon 70–74, lat 36–38. Badakhshan (AF) south of 37° N, GBAO (TJ) north.
    spec: gridSpec({ west: 70, south: 36, east: 74, north: 38 }, 0.5),
    features: [
      { adm1: "AFG-1760", isoA2: "AF", rings: rect(70, 36, 74, 37) },
      { adm1: "TJK-366", isoA2: "TJ", rings: rect(70, 37, 74, 38) },
      // Outside the box: must be ignored, not reported.
      { adm1: "UZB-364", isoA2: "UZ", rings: rect(80, 40, 81, 41) },
    ],
    provinces: {
      asOf: "2026-01-01",
      countries: { AF: defaults, TJ: { ...defaults, corruption: 0.8 } } as ProvincesFile["countries"],
      provinces: {
        "AF-BDS": { ...attrs(place("Fayzabad", 36.6, 70.6)), heroinSource: 1 },
        "TJ-GB": { ...attrs(place("Khorog", 37.4, 71.6)), stateCapacity: 0.3 },
        ...overrides,
      } as ProvincesFile["provinces"],
      markets: [{ id: "CN", name: "China", demand: 10, price: 3, links: [place("east edge", 37.7, 73.9)] }],
    },
    network: {
      crossings: [
        { id: "bridge", name: "Bridge", kind: "official", countries: ["TJ", "AF"], lat: 37.1, lon: 71.6 },
      ],
      roads: [{ id: "r", name: "Road", via: [place("Fayzabad", 36.6, 70.6), place("Khorog", 37.4, 71.6)] }],
    },
    terrain: {
      crestRuggedness: 1,
      reachDeg: 0.6,
      ranges: [{ name: "ridge", crest: [place("w", 37.75, 72), place("e", 37.75, 74)] }],
    },
    source: { source: "fixture", package: "none", version: "0", file: "none", sha256: "0" },
  };
}

function built(i = input()) {
  const r = buildMap(i);
  if (!r.ok) throw new Error(r.problems.map(problemLine).join("\n"));
  return r.doc;
}

describe("buildMap on a fixture", () => {
  it("gives byte-identical text on every rebuild", () => {
    expect(formatMapDocument(built())).toBe(formatMapDocument(built()));
  });

  it("rasterises provinces, applies country defaults and province overrides", () => {
    const doc = built();
    expect(doc.provinces.map((p) => [p.iso, p.cells, p.country])).toEqual([
      ["AF-BDS", 16, 1],
      ["TJ-GB", 16, 2],
    ]);
    expect(doc.provinces[1]).toMatchObject({ stateCapacity: 0.3, corruption: 0.8, heroinSource: 0 });
    expect(doc.provinces[0]).toMatchObject({ stateCapacity: 0.4, corruption: 0.6, heroinSource: 1 });
  });

  it("snaps the crossing onto the border and loads back with the same layers", () => {
    const doc = built();
    const r = parseCentralAsiaMap(formatMapDocument(doc), "fixture.json");
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const m = r.map;
    const x = doc.crossings[0]!;
    // (71.6 E, 37.1 N) is in row 1 (37.0–37.5 N, the TJ row next to the border), column 3.
    expect(x.cell).toBe(1 * 8 + 3);
    expect(m.crossing[x.cell]).toBe(0);
    expect([m.country[x.cell], m.country[x.cell + 8]]).toEqual([2, 1]);
    expect(m.road.reduce((s, v) => s + v, 0)).toBeGreaterThanOrEqual(3);
    // Next to the ridge (37.75 N) ruggedness is raised; far from it the province value stays.
    expect(m.ruggedness[0 * 8 + 6]).toBeGreaterThan(0.5);
    expect(m.ruggedness[3 * 8 + 0]).toBe(0.2);
  });

  it("reports a province without attributes and an attribute without a province", () => {
    const i = input({ "KG-N": { ...attrs(place("Naryn", 41.4, 76)) } });
    delete (i.provinces.provinces as Record<string, unknown>)["TJ-GB"];
    const r = buildMap(i);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map(problemLine)).toEqual([
        "provinces.TJ-GB: missing (the province has cells on the map)",
        "provinces.KG-N: not a province of the map (does not reach the box)",
      ]);
    }
  });

  it("keeps a city market's links inside its own province", () => {
    const i = input();
    const khorog = place("Khorog", 37.4, 71.6);
    i.provinces.markets.push({ id: "TJ-GB", name: "Khorog", demand: 1, price: 2, links: [khorog] });
    expect(built(i).markets.map((m) => m.id)).toEqual(["CN", "TJ-GB"]);
    i.provinces.markets[1]!.links = [place("Fayzabad", 36.6, 70.6)];
    i.provinces.markets.push({ id: "TJ-SU", name: "Khujand", demand: 1, price: 2, links: [khorog] });
    const r = buildMap(i);
    expect(r.ok ? [] : r.problems.map(problemLine)).toEqual([
      "markets[1].links[0] (Fayzabad): not in TJ-GB, the market's province",
      "markets[2] (TJ-SU): not a province of the map",
    ]);
  });

  it("refuses a crossing between countries that share no border", () => {
    const i = input();
    i.network.crossings[0] = { ...i.network.crossings[0]!, countries: ["TJ", "KG"] };
    const r = buildMap(i);
    expect(r.ok ? [] : r.problems.map(problemLine)).toEqual([
      "crossings[0] (bridge): TJ and KG share no border on the map",
    ]);
  });
});
