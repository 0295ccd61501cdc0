/**
 * The committed Central Asia map (scenarios/maps/central-asia.json), checked against issue #5:
 * every province has cells, capitals sit in their own province, crossings sit on the border they
 * join, and countries (Badakhshan and GBAO in particular) meet only through crossing cells.
 */
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { problemLine } from "../../../../src/cli/problems.js";
import { cellAt } from "../../../../src/map/file/grid-spec.js";
import { loadCentralAsiaMap } from "../../../../src/map/file/load.js";
import { canStep } from "../../../../src/map/file/passage.js";
import type { CentralAsiaMap } from "../../../../src/map/file/types.js";

const FILE = fileURLToPath(new URL("../../../../scenarios/maps/central-asia.json", import.meta.url));
let map: CentralAsiaMap;

beforeAll(() => {
  const r = loadCentralAsiaMap(FILE);
  if (!r.ok) throw new Error(r.problems.map(problemLine).join("\n"));
  map = r.map;
});

/** The 8 neighbours of a cell inside the grid. */
function neighbours(c: number): number[] {
  const { width, height } = map.grid;
  const x = c % width;
  const y = (c - x) / width;
  const out: number[] = [];
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      const nx = x + dx;
      const ny = y + dy;
      if ((dx || dy) && nx >= 0 && ny >= 0 && nx < width && ny < height) out.push(ny * width + nx);
    }
  }
  return out;
}

const iso = (c: number) => map.countries[map.country[c]! - 1]?.iso;

describe("central-asia.json", () => {
  it("is the 0.25° grid over 60–80° E, 34–46° N", () => {
    expect(map.grid).toMatchObject({
      west: 60,
      east: 80,
      south: 34,
      north: 46,
      res: 0.25,
      width: 80,
      height: 48,
    });
  });

  it("has every province of AF, TJ, KG, UZ, KZ, TM and CN-XJ that holds a cell centre in the box", () => {
    // Natural Earth features reaching into the box (src/map/builder/names.ts) minus Paktia and Karaganda,
    // which only graze it (no cell centre), as the provenance notes say.
    expect(map.provinces.map((p) => p.iso).sort()).toEqual(
      [
        ...["AF-BAL", "AF-BAM", "AF-BDG", "AF-BDS", "AF-BGL", "AF-DAY", "AF-FYB", "AF-GHA", "AF-GHO"],
        ...["AF-HER", "AF-JOW", "AF-KAB", "AF-KAP", "AF-KDZ", "AF-KNR", "AF-LAG", "AF-LOG", "AF-NAN"],
        ...["AF-NUR", "AF-PAN", "AF-PAR", "AF-SAM", "AF-SAR", "AF-TAK", "AF-WAR", "CN-XJ"],
        ...["KG-B", "KG-C", "KG-GB", "KG-J", "KG-N", "KG-O", "KG-T", "KG-Y"],
        ...["KZ-19", "KZ-31", "KZ-43", "KZ-61", "KZ-75", "TJ-DU", "TJ-GB", "TJ-KT", "TJ-RA", "TJ-SU"],
        ...["TM-A", "TM-D", "TM-L", "TM-M", "UZ-AN", "UZ-BU", "UZ-FA", "UZ-JI", "UZ-NG", "UZ-NW"],
        ...["UZ-QA", "UZ-QR", "UZ-SA", "UZ-SI", "UZ-SU", "UZ-TK", "UZ-TO", "UZ-XO"],
      ].sort(),
    );
    expect(map.provenance.notes.filter((n) => n.includes("no cell centre"))).toHaveLength(2);
    for (const [i, p] of map.provinces.entries()) {
      expect(p.cells, p.iso).toBeGreaterThanOrEqual(1);
      expect(map.province.filter((v) => v === i).length, p.iso).toBe(p.cells);
    }
  });

  it("uses current names and ISO codes for Natural Earth's old ones", () => {
    const byIso = new Map(map.provinces.map((p) => [p.iso, p.name]));
    expect(byIso.get("TJ-SU")).toBe("Sughd");
    expect(byIso.get("KZ-61")).toBe("Turkistan");
    expect(byIso.get("TM-L")).toBe("Lebap");
    expect(byIso.get("TJ-RA")).toBe("Districts of Republican Subordination");
  });

  it("puts every capital inside the box in its own province's cells", () => {
    const { west, east, south, north } = map.grid;
    let inside = 0;
    for (const [i, p] of map.provinces.entries()) {
      const c = cellAt(map.grid, p.capital.lon, p.capital.lat);
      expect(c, p.iso).toBe(p.capital.cell);
      if (c < 0) {
        // Capitals off the map (Urumqi, Nukus, Dashoguz, Anew, Ghazni, Nili, Pul-i-Alam): truly outside the box.
        const { lon, lat } = p.capital;
        expect(lon < west || lon >= east || lat < south || lat >= north, p.iso).toBe(true);
      } else {
        inside++;
        expect(map.province[c], `${p.iso} ${p.capital.name}`).toBe(i);
      }
      expect(map.province[p.anchor], p.iso).toBe(i);
    }
    expect(inside).toBe(55);
  });

  it("puts each crossing on the border of the two countries it joins", () => {
    expect(map.crossings.length).toBeGreaterThanOrEqual(20);
    const { width } = map.grid;
    for (const x of map.crossings) {
      const [a, b] = x.countries;
      const own = map.country[x.cell]!;
      expect([a, b], x.id).toContain(own);
      const other = own === a ? b : a;
      const c = x.cell;
      const four = [c - width, c + width, c % width > 0 ? c - 1 : -1, c % width < width - 1 ? c + 1 : -1];
      expect(
        four.some((n) => n >= 0 && n < map.size && map.country[n] === other),
        x.id,
      ).toBe(true);
      expect(x.snapDeg, x.id).toBeLessThanOrEqual(0.35);
    }
  });

  it("connects countries only through crossing cells", () => {
    // Every open step between two countries touches a crossing cell of that country pair, and
    // every crossing opens at least one such step.
    const used = new Set<number>();
    for (let c = 0; c < map.size; c++) {
      for (const n of neighbours(c)) {
        if (map.country[c] === map.country[n] || !canStep(map, c, n)) continue;
        const x = map.crossing[c]! >= 0 ? map.crossing[c]! : map.crossing[n]!;
        expect(x, `${c}→${n}`).toBeGreaterThanOrEqual(0);
        used.add(x);
      }
    }
    expect([...used].sort((a, b) => a - b)).toEqual(map.crossings.map((_, i) => i));
    // With crossings closed, a walk from any cell never leaves its country.
    const seen = new Uint8Array(map.size);
    for (let s = 0; s < map.size; s++) {
      if (seen[s] || map.country[s] === 0) continue;
      const stack = [s];
      seen[s] = 1;
      while (stack.length > 0) {
        const c = stack.pop()!;
        for (const n of neighbours(c)) {
          if (seen[n] || map.crossing[n]! >= 0 || map.crossing[c]! >= 0 || !canStep(map, c, n)) continue;
          expect(map.country[n], `walk from ${iso(s)} reached ${iso(n)}`).toBe(map.country[s]);
          seen[n] = 1;
          stack.push(n);
        }
      }
    }
  });

  it("joins the seven countries into one network through the crossings", () => {
    const parent = map.countries.map((_, i) => i + 1);
    const find = (i: number): number => (parent[i - 1] === i ? i : find(parent[i - 1]!));
    for (const x of map.crossings) parent[find(x.countries[0]) - 1] = find(x.countries[1]);
    expect(new Set(map.countries.map((_, i) => find(i + 1))).size).toBe(1);
  });

  it("lets Badakhshan (AF) and GBAO (TJ) meet only at crossings", () => {
    const bds = map.provinces.findIndex((p) => p.iso === "AF-BDS");
    const gb = map.provinces.findIndex((p) => p.iso === "TJ-GB");
    let touching = 0;
    const via = new Set<string>();
    for (let c = 0; c < map.size; c++) {
      if (map.province[c] !== bds) continue;
      for (const n of neighbours(c)) {
        if (map.province[n] !== gb) continue;
        touching++;
        if (!canStep(map, c, n)) continue;
        const x = map.crossing[c]! >= 0 ? map.crossing[c]! : map.crossing[n]!;
        expect(x, `${c}→${n}`).toBeGreaterThanOrEqual(0);
        via.add(map.crossings[x]!.id);
      }
    }
    expect(touching).toBeGreaterThan(10); // they do share a long border on the raster
    expect([...via].sort()).toEqual([
      "ishkashim",
      "khorog-tem",
      "khumroghi",
      "panj-darvaz-informal",
      "panj-rushan-informal",
      "panj-shughnon-informal",
      "panj-wakhan-informal",
      "ruzvai",
    ]);
  });

  it("links each market to cells of the region", () => {
    for (const m of map.markets)
      for (const l of m.links) expect(map.province[l.cell], l.name).toBeGreaterThanOrEqual(0);
  });
});
