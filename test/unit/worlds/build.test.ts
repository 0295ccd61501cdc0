/** buildWorld: layers from map + table, located errors, and the border rule as a predicate. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAsciiMap } from "../../../src/worlds/ascii.js";
import { buildWorld, canStep, forbiddenBorderPairs } from "../../../src/worlds/build.js";
import { CROSSING_INFORMAL, CROSSING_NONE, CROSSING_OFFICIAL } from "../../../src/worlds/types.js";
import { arbWorld, plainProvince } from "./fixtures.js";

const map = (ascii: string, legend: [string, Record<string, unknown>][]) => {
  const res = parseAsciiMap(
    ascii,
    legend.map(([ch, e]) => [ch, { blocked: false, ...e } as never]),
  );
  if (!res.ok) throw new Error("bad test map");
  return res.map;
};

const RIVER = map("AA\n~=\nBB", [
  ["A", { province: "North", ruggedness: 0.7, road: true }],
  ["B", { province: "South" }],
  ["~", { province: "River", blocked: true }],
  ["=", { province: "North", crossing: "informal" }],
]);
const TABLE = [plainProvince("North", "TJ", 0.2), plainProvince("South", "AF", 0.4)];

describe("buildWorld", () => {
  it("derives every layer, the country list and the cells of each province", () => {
    const res = buildWorld(RIVER, TABLE);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const w = res.world;
    expect(Array.from(w.province)).toEqual([0, 0, -1, 0, 1, 1]);
    expect(w.countries).toEqual(["TJ", "AF", ""]);
    expect(Array.from(w.country)).toEqual([0, 0, 2, 0, 1, 1]);
    // Legend value wins; otherwise the province's.
    expect(Array.from(w.ruggedness)).toEqual([0.7, 0.7, 0, 0.2, 0.4, 0.4]);
    expect(Array.from(w.road)).toEqual([1, 1, 0, 0, 0, 0]);
    expect(Array.from(w.crossing)).toEqual([0, 0, 0, CROSSING_INFORMAL, 0, 0]);
    expect(Array.from(w.blocked)).toEqual([0, 0, 1, 0, 0, 0]);
    expect(w.cellsOf.map((c) => Array.from(c))).toEqual([
      [0, 1, 3],
      [4, 5],
    ]);
    expect(w.grid.layer("crossing", "u8")).toBe(w.crossing);
    expect([CROSSING_NONE, CROSSING_OFFICIAL, CROSSING_INFORMAL]).toEqual([0, 1, 2]);
  });

  it("reports every problem with a path", () => {
    const bad = [
      { ...plainProvince("North", "TJ"), corruption: 1.5 },
      { ...plainProvince("North", "AF"), market: { demandKgPerDay: 0, basePriceUsdPerKg: 1, elasticity: 1 } },
    ];
    const res = buildWorld(RIVER, bad);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.problems.map((e) => e.path)).toEqual([
      "provinces[0].corruption",
      "provinces[1].name",
      "provinces[1].market.demandKgPerDay",
      'map.legend["B"].province',
    ]);
  });

  it("rejects a legend country that contradicts the table and market sites outside their province", () => {
    const m = map("AB", [
      ["A", { province: "North", country: "KG" }],
      ["B", { province: "South" }],
    ]);
    const table = [
      plainProvince("North", "TJ"),
      {
        ...plainProvince("South", "AF"),
        market: {
          demandKgPerDay: 1,
          basePriceUsdPerKg: 1,
          elasticity: 1,
          sites: [
            [0, 0],
            [5, 0],
          ] as [number, number][],
        },
      },
    ];
    const res = buildWorld(m, table);
    expect(!res.ok && res.problems.map((e) => e.path)).toEqual([
      'map.legend["A"].country',
      "provinces[1].market.sites[0]",
      "provinces[1].market.sites[1]",
    ]);
  });
});

describe("the border rule", () => {
  it("lets a move change country only through a crossing cell", () => {
    const res = buildWorld(RIVER, TABLE);
    if (!res.ok) throw new Error();
    const w = res.world;
    expect(canStep(w, 0, 1)).toBe(true); // same country
    expect(canStep(w, 3, 4)).toBe(true); // from the crossing into AF
    expect(canStep(w, 5, 3)).toBe(true); // AF into the crossing (diagonal)
    expect(canStep(w, 2, 4)).toBe(false); // blocked
    expect(canStep(w, 0, 4)).toBe(false); // not neighbours
    expect(forbiddenBorderPairs(w)).toEqual([]);
  });

  it("agrees with forbiddenBorderPairs on random worlds", () => {
    fc.assert(
      fc.property(arbWorld, (w) => {
        const forbidden = new Set(forbiddenBorderPairs(w).map(([a, b]) => `${a},${b}`));
        for (let a = 0; a < w.grid.size; a++) {
          for (let b = a + 1; b < w.grid.size; b++) {
            const adjacentOpen = !w.blocked[a] && !w.blocked[b] && w.grid.distance(a, b, "chebyshev") === 1;
            const allowed = canStep(w, a, b);
            expect(allowed).toBe(canStep(w, b, a));
            if (adjacentOpen) expect(allowed).toBe(!forbidden.has(`${a},${b}`));
            else expect(allowed).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
