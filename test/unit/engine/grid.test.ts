import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createGrid, Grid } from "../../../src/engine/grid.js";

const mod = (a: number, m: number): number => ((a % m) + m) % m;

const gridArb = fc.record({
  width: fc.integer({ min: 1, max: 15 }),
  height: fc.integer({ min: 1, max: 15 }),
  torus: fc.boolean(),
});

describe("Grid geometry", () => {
  it("rejects non-integer or non-positive sizes", () => {
    expect(() => createGrid({ width: 0, height: 3 })).toThrow(RangeError);
    expect(() => createGrid({ width: 3, height: 0 })).toThrow(RangeError);
    expect(() => createGrid({ width: 2.5, height: 3 })).toThrow(RangeError);
    expect(() => createGrid({ width: 3, height: Number.NaN })).toThrow(RangeError);
  });

  it("is bounded by default and numbers cells row-major", () => {
    const g = new Grid({ width: 4, height: 3 });
    expect(g.torus).toBe(false);
    expect(g.size).toBe(12);
    expect(g.cell(1, 2)).toBe(9);
    expect(g.x(9)).toBe(1);
    expect(g.y(9)).toBe(2);
  });

  it("property: cell / x / y round-trip over every cell", () => {
    fc.assert(
      fc.property(gridArb, (opts) => {
        const g = createGrid(opts);
        const seen = new Set<number>();
        for (let y = 0; y < g.height; y++) {
          for (let x = 0; x < g.width; x++) {
            const c = g.cell(x, y);
            if (!(c >= 0 && c < g.size && g.x(c) === x && g.y(c) === y)) expect.fail(`(${x}, ${y}) → ${c}`);
            seen.add(c);
          }
        }
        expect(seen.size).toBe(g.size);
      }),
    );
  });

  it("property: at() wraps on a torus and returns -1 outside a bounded grid", () => {
    fc.assert(
      fc.property(
        gridArb,
        fc.integer({ min: -60, max: 60 }),
        fc.integer({ min: -60, max: 60 }),
        (opts, x, y) => {
          const g = createGrid(opts);
          const c = g.at(x, y);
          if (opts.torus) {
            expect(c).toBe(mod(y, opts.height) * opts.width + mod(x, opts.width));
          } else if (x < 0 || y < 0 || x >= opts.width || y >= opts.height) {
            expect(c).toBe(-1);
          } else {
            expect(c).toBe(y * opts.width + x);
          }
        },
      ),
    );
  });

  it("property: distance() equals the brute-force minimum over wrapped images", () => {
    fc.assert(
      fc.property(gridArb, fc.nat(), fc.nat(), (opts, ra, rb) => {
        const g = createGrid(opts);
        const a = ra % g.size;
        const b = rb % g.size;
        const ax = a % opts.width;
        const ay = Math.floor(a / opts.width);
        const bx = b % opts.width;
        const by = Math.floor(b / opts.width);
        // Candidate displacements: direct, plus ±one period on a torus.
        const shifts = opts.torus ? [-1, 0, 1] : [0];
        let cheb = Number.POSITIVE_INFINITY;
        let manh = Number.POSITIVE_INFINITY;
        let eucl = Number.POSITIVE_INFINITY;
        for (const sx of shifts) {
          for (const sy of shifts) {
            const dx = Math.abs(bx + sx * opts.width - ax);
            const dy = Math.abs(by + sy * opts.height - ay);
            cheb = Math.min(cheb, Math.max(dx, dy));
            manh = Math.min(manh, dx + dy);
            eucl = Math.min(eucl, Math.sqrt(dx * dx + dy * dy));
          }
        }
        expect(g.distance(a, b, "chebyshev")).toBe(cheb);
        expect(g.distance(a, b, "manhattan")).toBe(manh);
        expect(g.distance(a, b)).toBeCloseTo(eucl, 12);
        expect(g.distance(a, b, "euclidean")).toBeCloseTo(eucl, 12);
        expect(g.distance(b, a, "manhattan")).toBe(manh);
      }),
    );
  });
});

describe("Grid layers", () => {
  it("addLayer allocates a zero- or value-filled typed array of the grid's size", () => {
    const g = createGrid({ width: 5, height: 4 });
    const a = g.addLayer("a", "f64");
    const b = g.addLayer("b", "u8", 3);
    const c = g.addLayer("c", "i16", -2);
    expect(a).toBeInstanceOf(Float64Array);
    expect(b).toBeInstanceOf(Uint8Array);
    expect(c).toBeInstanceOf(Int16Array);
    expect(a.length).toBe(20);
    expect(a.every((v) => v === 0)).toBe(true);
    expect(b.every((v) => v === 3)).toBe(true);
    expect(c.every((v) => v === -2)).toBe(true);
  });

  it("layer() returns the same array, checks the kind, and throws for unknown names", () => {
    const g = createGrid({ width: 3, height: 3 });
    const a = g.addLayer("food", "f32");
    a[4] = 2.5;
    expect(g.layer("food", "f32")).toBe(a);
    expect(g.layer("food", "f32")[4]).toBe(2.5);
    expect(() => g.layer("food", "f64")).toThrow(/f32/);
    expect(() => g.layer("nope", "f32")).toThrow(/nope/);
  });

  it("duplicate layer names throw; hasLayer and layerNames reflect creation order", () => {
    const g = createGrid({ width: 2, height: 2 });
    g.addLayer("z", "u8");
    g.addLayer("a", "i32");
    expect(() => g.addLayer("z", "f64")).toThrow(/already exists/);
    expect(g.hasLayer("z")).toBe(true);
    expect(g.hasLayer("q")).toBe(false);
    expect(g.layerNames()).toEqual([
      { name: "z", kind: "u8" },
      { name: "a", kind: "i32" },
    ]);
  });
});
