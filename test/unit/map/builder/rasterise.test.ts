/** The rasteriser on hand-made shapes: known cell membership, holes, first-shape-wins, and byte-identical output. */
import { describe, expect, it } from "vitest";
import { polylineCells } from "../../../../src/map/builder/polyline.js";
import { insideRings, rasterisePolygons, type Shape } from "../../../../src/map/builder/rasterise.js";
import { cellAt, gridSpec } from "../../../../src/map/file/grid-spec.js";
import { decodeRuns, encodeRuns } from "../../../../src/map/file/rle.js";

// 10×6 cells of 1°: columns are lon 0–10, rows are lat 6 (top) down to 0.
const spec = gridSpec({ west: 0, south: 0, east: 10, north: 6 }, 1);
const square: Shape = {
  value: 0,
  rings: [
    [
      [1, 1],
      [4, 1],
      [4, 4],
      [1, 4],
      [1, 1],
    ],
  ],
};
// Right triangle with the right angle at (5, 1): legs of 4° east and 4° north.
const triangle: Shape = {
  value: 1,
  rings: [
    [
      [5, 1],
      [9, 1],
      [5, 5],
    ],
  ],
};
// A 4×4 square with a 2×2 hole, written as two rings of one shape.
const donut: Shape = {
  value: 2,
  rings: [
    [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
    ],
    [
      [1, 1],
      [3, 1],
      [3, 3],
      [1, 3],
    ],
  ],
};

function burn(shapes: Shape[]): Int32Array {
  const out = new Int32Array(spec.width * spec.height).fill(-1);
  rasterisePolygons(spec, shapes, out);
  return out;
}

/** Cells (as "x,y" with y = row from the top) holding `v`. */
function cellsOf(layer: Int32Array, v: number): string[] {
  const r: string[] = [];
  layer.forEach((p, c) => {
    if (p === v) r.push(`${c % spec.width},${Math.floor(c / spec.width)}`);
  });
  return r;
}

describe("rasterisePolygons", () => {
  it("fills exactly the cells whose centres lie in a square", () => {
    // Centres at lon 1.5, 2.5, 3.5 and lat 1.5, 2.5, 3.5 → columns 1–3, rows 2–4.
    expect(cellsOf(burn([square]), 0)).toEqual([
      "1,2",
      "2,2",
      "3,2",
      "1,3",
      "2,3",
      "3,3",
      "1,4",
      "2,4",
      "3,4",
    ]);
  });

  it("fills the cells under a triangle's hypotenuse and none above it", () => {
    // Row 4 (lat 1.5): hypotenuse at lon 8.5 → centres 5.5, 6.5, 7.5; row 3 (lat 2.5): 5.5, 6.5;
    // row 2 (lat 3.5): 5.5; row 1 (lat 4.5): the centre (5.5, 4.5) is exactly on the hypotenuse, and
    // the half-open rule [left, right) leaves it out.
    expect(cellsOf(burn([triangle]), 1).sort()).toEqual(["5,2", "5,3", "6,3", "5,4", "6,4", "7,4"].sort());
  });

  it("leaves holes empty (even-odd across rings)", () => {
    const cells = cellsOf(burn([donut]), 2);
    expect(cells).toHaveLength(16 - 4);
    expect(cells).not.toContain("1,3"); // centre (1.5, 2.5) is in the hole
    expect(insideRings(donut.rings, 2, 2)).toBe(false);
    expect(insideRings(donut.rings, 0.5, 0.5)).toBe(true);
  });

  it("gives a shared cell to the first shape and counts cells per shape", () => {
    const out = new Int32Array(spec.width * spec.height).fill(-1);
    const counts = rasterisePolygons(spec, [square, donut], out);
    // The donut has 12 cells; 5 of them (the square's 9 minus the 4 in the hole) stay the square's.
    expect(counts).toEqual([9, 7]);
  });

  it("is byte-identical run to run", () => {
    const a = burn([triangle, square, donut]);
    const b = burn([triangle, square, donut]);
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
  });
});

describe("polylineCells", () => {
  it("gives a 4-connected chain from the first point's cell to the last's", () => {
    const cells = polylineCells(spec, [
      [0.5, 5.5],
      [9.5, 0.5],
      [2.2, 3.7],
    ]);
    expect(cells[0]).toBe(cellAt(spec, 0.5, 5.5));
    expect(cells).toContain(cellAt(spec, 9.5, 0.5));
    expect(cells[cells.length - 1]).toBe(cellAt(spec, 2.2, 3.7));
    for (let i = 1; i < cells.length; i++) {
      const a = cells[i - 1]!;
      const b = cells[i]!;
      const d = Math.abs((a % 10) - (b % 10)) + Math.abs(Math.floor(a / 10) - Math.floor(b / 10));
      expect(d).toBe(1);
    }
  });
});

describe("run-length layers", () => {
  it("round-trips and rejects runs that do not fill the grid", () => {
    const layer = burn([triangle, square]);
    const back = new Int32Array(layer.length);
    expect(decodeRuns(encodeRuns(layer), back)).toBeUndefined();
    expect([...back]).toEqual([...layer]);
    expect(decodeRuns([1, 5], back)).toMatch(/cover 5 cells, the grid has 60/);
    expect(decodeRuns([1, 0, 2, 60], back)).toMatch(/count 0/);
    expect(decodeRuns([1], back)).toMatch(/pairs/);
  });
});
