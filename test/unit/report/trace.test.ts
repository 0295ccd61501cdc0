/** Raster → rings: outlines that cover exactly a province's cells, with holes and corner contacts. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { centralAsiaShapes } from "../../../src/report/geo-map.js";
import { corridorShapes } from "../../../src/report/grid-map.js";
import { polygonsOf, ringArea } from "../../../src/report/map-shapes.js";
import { traceRings } from "../../../src/report/trace.js";

const layer = (rows: string[]) => ({
  width: rows[0]!.length,
  height: rows.length,
  cells: rows.flatMap((r) => [...r].map((c) => (c === "." ? -1 : Number(c)))),
});

describe("traceRings", () => {
  it("outlines a shape clockwise, merging straight runs down columns only", () => {
    expect(traceRings(layer(["00.", "0..", "..."]), 0)).toEqual([
      [
        [0, 0],
        [1, 0],
        [2, 0],
        [2, 1],
        [1, 1],
        [1, 2],
        [0, 2],
      ],
    ]);
  });

  it("gives a hole its own anticlockwise ring and places it in its outer ring", () => {
    const rings = traceRings(layer(["000", "0.0", "000"]), 0);
    expect(rings.map((r) => Math.sign(ringArea(r)))).toEqual([1, -1]);
    const polys = polygonsOf(rings);
    expect(polys).toHaveLength(1);
    expect(polys[0]).toHaveLength(2);
  });

  it("keeps cells that touch only at a corner as separate rings", () => {
    expect(traceRings(layer(["0.", ".0"]), 0)).toHaveLength(2);
    expect(polygonsOf(traceRings(layer(["0.", ".0"]), 0))).toHaveLength(2);
  });

  it("encloses exactly the cells of the value on any raster (area = cell count)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 49, maxLength: 49 }),
        (w, h, raw) => {
          const cells = raw.slice(0, w * h);
          for (const v of [0, 1, 2]) {
            const area = traceRings({ width: w, height: h, cells }, v).reduce(
              (s, r) => s + ringArea(r) / 2,
              0,
            );
            expect(area).toBe(cells.filter((c) => c === v).length);
          }
        },
      ),
    );
  });
});

describe("the report's maps", () => {
  it("draws the 62 Central Asian provinces as small spherical polygons (d3-geo winding)", () => {
    const s = centralAsiaShapes();
    expect(s.provinces).toHaveLength(62);
    expect(s.provinces.every((p) => p.d.startsWith("M") && p.d.endsWith("Z"))).toBe(true);
    expect(s.width).toBe(360);
    expect(s.height).toBeGreaterThan(150);
    expect(s.height).toBeLessThan(360);
    // A wrongly wound ring is the rest of the globe: fitted to the picture, real provinces would
    // shrink to specks. Gorno-Badakhshan spans about 6° of 20°, so about 100 of 360 pixels.
    const gbao = s.provinces.find((p) => p.name === "Gorno-Badakhshan")!;
    const xs = [...gbao.d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => Number(m[1]));
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(80);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(360);
  });

  it("draws the corridor world's provinces on its cell raster, with the river as water", () => {
    const s = corridorShapes();
    expect(s.provinces.map((p) => p.name).sort()).toEqual([
      "Badakhshan",
      "Balkh",
      "Dushanbe",
      "GBAO",
      "Kazakhstan",
      "Khatlon",
      "Kunduz",
      "Osh",
      "Russia",
      "Takhar",
      "Uzbekistan",
      "Xinjiang",
    ]);
    expect([s.width, s.height]).toEqual([360, 270]);
    expect(s.under).toMatch(/^<path d="M[^"]+" fill="#b9d7ee"\/>$/);
  });
});
