/** Raster → rings: outlines that cover exactly a province's cells, with holes and corner contacts. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ringArea, ringsPath, traceRings } from "../../../../src/map/draw/trace.js";

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

  it("gives a hole its own anticlockwise ring, so a nonzero fill leaves it empty", () => {
    const rings = traceRings(layer(["000", "0.0", "000"]), 0);
    expect(rings.map((r) => Math.sign(ringArea(r)))).toEqual([1, -1]);
    expect(ringsPath(rings, (x, y) => [x * 10, y * 10])).toBe(
      "M0 0L10 0L20 0L30 0L30 30L20 30L10 30L0 30ZM10 10L10 20L20 20L20 10Z",
    );
  });

  it("keeps cells that touch only at a corner as separate rings", () => {
    const rings = traceRings(layer(["0.", ".0"]), 0);
    expect(rings).toHaveLength(2);
    expect(rings.every((r) => ringArea(r) === 2)).toBe(true);
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
