import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createGrid, type Grid } from "../../../src/engine/grid.js";
import { createNeighborhood, type NeighborhoodKind } from "../../../src/engine/neighborhood.js";

const mod = (a: number, m: number): number => ((a % m) + m) % m;
const sortNum = (xs: Iterable<number>): number[] => [...xs].sort((a, b) => a - b);

/**
 * Brute-force neighbourhood as a multiset: every displacement (dx, dy) ≠ (0, 0) within distance r,
 * mapped to the cell it lands on (wrapped on a torus, dropped when outside a bounded grid).
 */
function refNeighbours(
  w: number,
  h: number,
  torus: boolean,
  kind: NeighborhoodKind,
  r: number,
  cell: number,
): number[] {
  const x = cell % w;
  const y = Math.floor(cell / w);
  const out: number[] = [];
  for (let dy = -r; dy <= r; dy++) {
    for (let dx = -r; dx <= r; dx++) {
      if (dx === 0 && dy === 0) continue;
      const d = kind === "moore" ? Math.max(Math.abs(dx), Math.abs(dy)) : Math.abs(dx) + Math.abs(dy);
      if (d > r) continue;
      let nx = x + dx;
      let ny = y + dy;
      if (torus) {
        nx = mod(nx, w);
        ny = mod(ny, h);
      } else if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
      out.push(ny * w + nx);
    }
  }
  return out;
}

/**
 * A second, independent reference: every other cell whose (wrapped) distance to `cell` is ≤ r.
 * It equals the multiset above as a set whenever no displacement wraps onto another one, i.e. on
 * bounded grids, and on a torus when both sides are at least 2r + 1.
 */
function refByDistance(g: Grid, kind: NeighborhoodKind, r: number, cell: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < g.size; c++) {
    if (c === cell) continue;
    let dx = Math.abs((c % g.width) - (cell % g.width));
    let dy = Math.abs(Math.floor(c / g.width) - Math.floor(cell / g.width));
    if (g.torus) {
      dx = Math.min(dx, g.width - dx);
      dy = Math.min(dy, g.height - dy);
    }
    const d = kind === "moore" ? Math.max(dx, dy) : dx + dy;
    if (d <= r) out.push(c);
  }
  return out;
}

const caseArb = fc.record({
  width: fc.integer({ min: 1, max: 14 }),
  height: fc.integer({ min: 1, max: 14 }),
  torus: fc.boolean(),
  kind: fc.constantFrom<NeighborhoodKind>("moore", "von-neumann"),
  radius: fc.integer({ min: 1, max: 4 }),
  cellSeed: fc.nat(),
});

describe("Neighborhood", () => {
  it("rejects radii that are not integers ≥ 1", () => {
    const g = createGrid({ width: 5, height: 5 });
    expect(() => createNeighborhood(g, "moore", 0)).toThrow(RangeError);
    expect(() => createNeighborhood(g, "moore", 1.5)).toThrow(RangeError);
    expect(() => createNeighborhood(g, "von-neumann", -1)).toThrow(RangeError);
  });

  it("has (2r+1)²−1 Moore and 2r(r+1) von Neumann offsets, centre excluded", () => {
    const g = createGrid({ width: 20, height: 20 });
    for (let r = 1; r <= 5; r++) {
      const m = createNeighborhood(g, "moore", r);
      const v = createNeighborhood(g, "von-neumann", r);
      expect(m.count).toBe((2 * r + 1) ** 2 - 1);
      expect(v.count).toBe(2 * r * (r + 1));
      expect(m.buffer().length).toBe(m.count);
      for (let i = 0; i < m.count; i++) expect(m.dx[i] === 0 && m.dy[i] === 0).toBe(false);
    }
    expect(createNeighborhood(g, "moore").radius).toBe(1);
  });

  it("property: cells() equals the brute-force multiset of neighbours", () => {
    fc.assert(
      fc.property(caseArb, ({ width, height, torus, kind, radius, cellSeed }) => {
        const g = createGrid({ width, height, torus });
        const nb = createNeighborhood(g, kind, radius);
        const cell = cellSeed % g.size;
        const buf = nb.buffer();
        buf.fill(-7);
        const n = nb.cells(cell, buf);
        const got = sortNum(buf.subarray(0, n));
        expect(got).toEqual(sortNum(refNeighbours(width, height, torus, kind, radius, cell)));
        if (!torus || (width >= 2 * radius + 1 && height >= 2 * radius + 1)) {
          expect(got).toEqual(refByDistance(g, kind, radius, cell));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("property: cells() over every cell of a grid matches the reference", () => {
    fc.assert(
      fc.property(caseArb, ({ width, height, torus, kind, radius }) => {
        const g = createGrid({ width, height, torus });
        const nb = createNeighborhood(g, kind, radius);
        const buf = nb.buffer();
        for (let cell = 0; cell < g.size; cell++) {
          const n = nb.cells(cell, buf);
          const got = sortNum(buf.subarray(0, n));
          const want = sortNum(refNeighbours(width, height, torus, kind, radius, cell));
          if (got.join() !== want.join()) expect.fail(`cell ${cell}: got [${got}], want [${want}]`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("property: sum() equals summing the layer over cells()", () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 196, maxLength: 196 }),
        ({ width, height, torus, kind, radius }, values) => {
          const g = createGrid({ width, height, torus });
          const nb = createNeighborhood(g, kind, radius);
          const layer = Int32Array.from(values.slice(0, g.size));
          const buf = nb.buffer();
          for (let cell = 0; cell < g.size; cell++) {
            const n = nb.cells(cell, buf);
            let s = 0;
            for (let i = 0; i < n; i++) s += layer[buf[i]!]!;
            let ref = 0;
            for (const c of refNeighbours(width, height, torus, kind, radius, cell)) ref += layer[c]!;
            if (s !== ref) expect.fail(`cells() sum at ${cell}: ${s} ≠ ${ref}`);
            if (nb.sum(layer, cell) !== ref) expect.fail(`sum at ${cell}: ${nb.sum(layer, cell)} ≠ ${ref}`);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("property: isInterior(cell) iff every offset stays inside the grid without wrapping", () => {
    fc.assert(
      fc.property(caseArb, ({ width, height, torus, kind, radius }) => {
        const g = createGrid({ width, height, torus });
        const nb = createNeighborhood(g, kind, radius);
        for (let cell = 0; cell < g.size; cell++) {
          const x = cell % width;
          const y = Math.floor(cell / width);
          let inside = true;
          for (let i = 0; i < nb.count; i++) {
            const nx = x + nb.dx[i]!;
            const ny = y + nb.dy[i]!;
            if (nx < 0 || ny < 0 || nx >= width || ny >= height) inside = false;
          }
          if (nb.isInterior(cell) !== inside) expect.fail(`isInterior(${cell}) = ${nb.isInterior(cell)}`);
          if (inside) {
            // The linear offsets then land exactly on the (dx, dy) cells.
            for (let i = 0; i < nb.count; i++) {
              if (cell + nb.linear[i]! !== (y + nb.dy[i]!) * width + x + nb.dx[i]!)
                expect.fail(`linear[${i}]`);
            }
          }
        }
      }),
    );
  });

  it("on a small torus neighbourhoods repeat cells and can include the centre", () => {
    // 2×2 torus, Moore r = 1, cell 0: the diagonal (1,1) is reached by 4 offsets, (1,0) and (0,1) by 2.
    const g = createGrid({ width: 2, height: 2, torus: true });
    const nb = createNeighborhood(g, "moore", 1);
    const buf = nb.buffer();
    const n = nb.cells(0, buf);
    expect(n).toBe(8);
    expect(sortNum(buf.subarray(0, n))).toEqual([1, 1, 2, 2, 3, 3, 3, 3]);
    expect(nb.sum(Int32Array.from([1, 10, 100, 1000]), 0)).toBe(2 * 10 + 2 * 100 + 4 * 1000);
    // 1×1 torus: every offset wraps back onto the only cell.
    const one = createGrid({ width: 1, height: 1, torus: true });
    const nb1 = createNeighborhood(one, "von-neumann", 1);
    const b1 = nb1.buffer();
    expect(Array.from(b1.subarray(0, nb1.cells(0, b1)))).toEqual([0, 0, 0, 0]);
    expect(nb1.sum([5], 0)).toBe(20);
  });

  it("corner of a bounded grid has 3 Moore and 2 von Neumann neighbours", () => {
    const g = createGrid({ width: 6, height: 6 });
    const buf = new Int32Array(8);
    expect(sortNum(buf.subarray(0, createNeighborhood(g, "moore", 1).cells(0, buf)))).toEqual([1, 6, 7]);
    expect(sortNum(buf.subarray(0, createNeighborhood(g, "von-neumann", 1).cells(35, buf)))).toEqual([
      29, 34,
    ]);
  });
});
