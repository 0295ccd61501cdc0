import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createGrid, type Grid } from "../../../src/engine/grid.js";
import {
  createPathSearch,
  type DistanceField,
  distanceField,
  leastCostPath,
  pathFromParents,
} from "../../../src/engine/paths.js";

// ---- Plain reference, built from the cost model's words and not from the module ----

interface Case {
  w: number;
  h: number;
  torus: boolean;
  conn: 4 | 8;
  costs: number[];
  sources: number[];
  from: number;
  to: number;
}

const passable = (c: number): boolean => Number.isFinite(c) && c >= 0;

/** Every move as a directed edge "a,b" → weight (the cheapest, when several moves reach b from a). */
function edgeList(c: Case): Map<string, { a: number; b: number; w: number }> {
  const moves: [number, number][] = [
    [1, 0],
    [-1, 0],
    [0, 1],
    [0, -1],
  ];
  if (c.conn === 8) moves.push([1, 1], [1, -1], [-1, 1], [-1, -1]);
  const edges = new Map<string, { a: number; b: number; w: number }>();
  for (let y = 0; y < c.h; y++) {
    for (let x = 0; x < c.w; x++) {
      const a = y * c.w + x;
      if (!passable(c.costs[a]!)) continue;
      for (const [dx, dy] of moves) {
        let nx = x + dx;
        let ny = y + dy;
        if (c.torus) {
          nx = (nx + c.w) % c.w;
          ny = (ny + c.h) % c.h;
        } else if (nx < 0 || ny < 0 || nx >= c.w || ny >= c.h) {
          continue;
        }
        const b = ny * c.w + nx;
        if (b === a || !passable(c.costs[b]!)) continue;
        const length = dx !== 0 && dy !== 0 ? Math.sqrt(2) : 1;
        const w = ((c.costs[a]! + c.costs[b]!) / 2) * length;
        const key = `${a},${b}`;
        const old = edges.get(key);
        if (!old || w < old.w) edges.set(key, { a, b, w });
      }
    }
  }
  return edges;
}

/** Bellman–Ford from a set of sources (impassable sources reach nothing). */
function bellmanFord(
  size: number,
  edges: Map<string, { a: number; b: number; w: number }>,
  sources: number[],
  costs: number[],
): number[] {
  const dist = new Array<number>(size).fill(Number.POSITIVE_INFINITY);
  for (const s of sources) if (passable(costs[s]!)) dist[s] = 0;
  for (let round = 0; round < size; round++) {
    let changed = false;
    for (const { a, b, w } of edges.values()) {
      if (dist[a]! + w < dist[b]!) {
        dist[b] = dist[a]! + w;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return dist;
}

function close(actual: number, expected: number): boolean {
  if (expected === Number.POSITIVE_INFINITY) return actual === expected;
  return Math.abs(actual - expected) <= 1e-9;
}

/** Checks `cells` is a walk from → to over passable cells and returns the sum of its move costs. */
function walkCost(cells: ArrayLike<number>, edges: Map<string, { w: number }>): number {
  let sum = 0;
  for (let i = 1; i < cells.length; i++) {
    const e = edges.get(`${cells[i - 1]},${cells[i]}`);
    if (!e) throw new Error(`cells ${cells[i - 1]} → ${cells[i]} are not a legal move`);
    sum += e.w;
  }
  return sum;
}

const costArb = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 5 }), weight: 3 },
  { arbitrary: fc.double({ min: 0, max: 10, noNaN: true }), weight: 3 },
  { arbitrary: fc.constantFrom(Number.POSITIVE_INFINITY, Number.NaN, -1, -0.5), weight: 1 },
);

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    w: fc.integer({ min: 1, max: 7 }),
    h: fc.integer({ min: 1, max: 7 }),
    torus: fc.boolean(),
    conn: fc.constantFrom<4 | 8>(4, 8),
  })
  .chain(({ w, h, torus, conn }) => {
    const cell = fc.integer({ min: 0, max: w * h - 1 });
    return fc.record({
      w: fc.constant(w),
      h: fc.constant(h),
      torus: fc.constant(torus),
      conn: fc.constant(conn),
      // A positive floor under the passable costs makes the A* heuristic non-zero and tight, so a
      // heuristic that overestimates (e.g. ignores wrapping) is caught.
      costs: fc
        .tuple(fc.array(costArb, { minLength: w * h, maxLength: w * h }), fc.constantFrom(0, 0.5, 2))
        .map(([cs, floor]) => cs.map((x) => (x >= 0 ? x + floor : x))),
      sources: fc.array(cell, { minLength: 0, maxLength: 4 }),
      from: cell,
      to: cell,
    });
  });

describe("paths vs brute force", () => {
  it("distanceField and leastCostPath match Bellman–Ford on random small grids", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const grid = createGrid({ width: c.w, height: c.h, torus: c.torus });
        const cost = Float64Array.from(c.costs);
        const edges = edgeList(c);

        const ref = bellmanFord(grid.size, edges, c.sources, c.costs);
        const field = distanceField(grid, cost, c.sources, { connectivity: c.conn });
        for (let i = 0; i < grid.size; i++) {
          if (!close(field.dist[i]!, ref[i]!)) throw new Error(`dist[${i}] ${field.dist[i]} ≠ ${ref[i]}`);
          // The parent chain is a cheapest walk back to a source.
          const walk = pathFromParents(field.parent, i, field.dist);
          if (ref[i] === Number.POSITIVE_INFINITY) {
            expect(walk.length).toBe(0);
            expect(field.parent[i]).toBe(-1);
          } else {
            expect(c.sources).toContain(walk[0]);
            expect(close(walkCost(walk, edges), ref[i]!)).toBe(true);
          }
        }

        const fromRef = bellmanFord(grid.size, edges, [c.from], c.costs);
        const path = leastCostPath(grid, cost, c.from, c.to, { connectivity: c.conn });
        expect(close(path.cost, fromRef[c.to]!)).toBe(true);
        if (path.cost === Number.POSITIVE_INFINITY) {
          expect(path.cells.length).toBe(0);
        } else {
          expect(path.cells[0]).toBe(c.from);
          expect(path.cells[path.cells.length - 1]).toBe(c.to);
          for (const cell of path.cells) expect(passable(c.costs[cell]!)).toBe(true);
          expect(close(walkCost(path.cells, edges), path.cost)).toBe(true);
        }

        // One reused searcher, every target in turn: stale state from earlier calls must not leak.
        const search = createPathSearch(grid, { connectivity: c.conn });
        const buf = new Int32Array(grid.size);
        const minCost = Math.min(...c.costs.filter(passable)); // passed in, as a caller would cache it
        for (let t = 0; t < grid.size; t++) {
          const got = search.leastCost(cost, c.from, t, { minCost });
          if (!close(got, fromRef[t]!)) throw new Error(`A* to ${t}: ${got} ≠ ${fromRef[t]}`);
          const n = search.writeLastPath(buf);
          if (got < Number.POSITIVE_INFINITY)
            expect(close(walkCost(buf.subarray(0, n), edges), got)).toBe(true);
          else expect(n).toBe(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("matches the reference with a dense lattice of sources (the queue must grow mid-search)", () => {
    const c: Case = { w: 30, h: 30, torus: false, conn: 8, costs: [], sources: [], from: 0, to: 0 };
    for (let i = 0; i < 900; i++)
      c.costs.push(i % 13 === 5 ? Number.POSITIVE_INFINITY : 1 + ((i * 7919) % 17) / 4);
    for (let i = 0; i < 900; i += 4) c.sources.push(i); // 225: below the first capacity (240) at the start
    const grid = createGrid({ width: 30, height: 30 });
    const ref = bellmanFord(900, edgeList(c), c.sources, c.costs);
    const search = createPathSearch(grid);
    for (let round = 0; round < 2; round++) {
      const f = search.distanceField(Float64Array.from(c.costs), c.sources);
      for (let i = 0; i < 900; i++) expect(close(f.dist[i]!, ref[i]!)).toBe(true);
    }
  });
});

// ---- Unit cases ----

function uniformGrid(w: number, h: number, torus = false, value = 1): { grid: Grid; cost: Float64Array } {
  const grid = createGrid({ width: w, height: h, torus });
  return { grid, cost: grid.addLayer("cost", "f64", value) };
}

describe("paths", () => {
  it("prices moves by mean cell cost × step length", () => {
    const { grid, cost } = uniformGrid(3, 3);
    cost[grid.cell(1, 1)] = 3;
    // Through the dear centre: 2 × (1+3)/2 × √2 ≈ 5.66; around it: 1 + √2 + 1 ≈ 3.41.
    expect(leastCostPath(grid, cost, 0, 8).cost).toBeCloseTo(2 + Math.SQRT2, 12);
    expect(leastCostPath(grid, cost, 0, 8, { connectivity: 4 }).cost).toBe(4);
    expect(Array.from(leastCostPath(grid, cost, 0, 2).cells)).toEqual([0, 1, 2]);
  });

  it("wraps on a torus", () => {
    const { grid, cost } = uniformGrid(5, 1, true);
    const p = leastCostPath(grid, cost, 0, 4);
    expect(p.cost).toBe(1);
    expect(Array.from(p.cells)).toEqual([0, 4]);
    expect(Array.from(distanceField(grid, cost, [0]).dist)).toEqual([0, 1, 2, 2, 1]);
  });

  it("lets a diagonal slip between two impassable cells on 8-connectivity only", () => {
    const grid = createGrid({ width: 2, height: 2 });
    const cost = Float64Array.from([1, Number.POSITIVE_INFINITY, Number.NaN, 1]);
    expect(leastCostPath(grid, cost, 0, 3).cost).toBeCloseTo(Math.SQRT2, 12);
    expect(leastCostPath(grid, cost, 0, 3, { connectivity: 4 }).cost).toBe(Number.POSITIVE_INFINITY);
  });

  it("reports an unreachable target", () => {
    const { grid, cost } = uniformGrid(5, 3);
    for (let y = 0; y < 3; y++) cost[grid.cell(2, y)] = Number.POSITIVE_INFINITY;
    const p = leastCostPath(grid, cost, grid.cell(0, 1), grid.cell(4, 1));
    expect(p.cost).toBe(Number.POSITIVE_INFINITY);
    expect(p.cells.length).toBe(0);
    const f = distanceField(grid, cost, [grid.cell(0, 1)]);
    expect(f.dist[grid.cell(4, 1)]).toBe(Number.POSITIVE_INFINITY);
    expect(f.parent[grid.cell(4, 1)]).toBe(-1);
    expect(pathFromParents(f.parent, grid.cell(4, 1), f.dist).length).toBe(0);
    expect(Array.from(pathFromParents(f.parent, grid.cell(1, 1), f.dist))).toEqual([
      grid.cell(0, 1),
      grid.cell(1, 1),
    ]);
  });

  it("handles source == target", () => {
    const { grid, cost } = uniformGrid(4, 4);
    const p = leastCostPath(grid, cost, 5, 5);
    expect(p.cost).toBe(0);
    expect(Array.from(p.cells)).toEqual([5]);
    const f = distanceField(grid, cost, [5]);
    expect(f.dist[5]).toBe(0);
    expect(f.parent[5]).toBe(-1);
    expect(Array.from(pathFromParents(f.parent, 5, f.dist))).toEqual([5]);
  });

  it("treats an impassable source or target as unreachable", () => {
    const { grid, cost } = uniformGrid(4, 4);
    cost[0] = Number.POSITIVE_INFINITY;
    expect(leastCostPath(grid, cost, 0, 15)).toEqual({
      cost: Number.POSITIVE_INFINITY,
      cells: new Int32Array(0),
    });
    expect(leastCostPath(grid, cost, 15, 0).cost).toBe(Number.POSITIVE_INFINITY);
    expect(leastCostPath(grid, cost, 0, 0).cost).toBe(Number.POSITIVE_INFINITY);
    const f = distanceField(grid, cost, [0]);
    expect(f.dist.every((d) => d === Number.POSITIVE_INFINITY)).toBe(true);
    expect(f.parent.every((p) => p === -1)).toBe(true);
    // Alongside a passable source, the impassable one is simply ignored.
    const both = distanceField(grid, cost, [0, 15]);
    expect(both.dist[15]).toBe(0);
    expect(both.dist[0]).toBe(Number.POSITIVE_INFINITY);
    expect(both.dist[5]).toBeCloseTo(2 * Math.SQRT2, 12);
  });

  it("stops at maxCost", () => {
    const { grid, cost } = uniformGrid(10, 1);
    const full = distanceField(grid, cost, [0]);
    const cut = distanceField(grid, cost, [0], { maxCost: 3.5 });
    for (let i = 0; i < 10; i++) {
      expect(cut.dist[i]).toBe(full.dist[i]! <= 3.5 ? full.dist[i] : Number.POSITIVE_INFINITY);
      expect(cut.parent[i]).toBe(full.dist[i]! <= 3.5 ? full.parent[i] : -1);
    }
    expect(cut.dist[3]).toBe(3);
    expect(leastCostPath(grid, cost, 0, 9, { maxCost: 8.5 }).cost).toBe(Number.POSITIVE_INFINITY);
    expect(leastCostPath(grid, cost, 0, 9, { maxCost: 9 }).cost).toBe(9);
  });

  it("gives identical results when buffers and the searcher are reused", () => {
    const grid = createGrid({ width: 13, height: 9, torus: true });
    const cost = grid.addLayer("cost", "f64");
    for (let i = 0; i < grid.size; i++)
      cost[i] = i % 7 === 3 ? Number.POSITIVE_INFINITY : 1 + ((i * 37) % 11) / 3;
    const search = createPathSearch(grid);
    const out: DistanceField = { dist: new Float64Array(grid.size), parent: new Int32Array(grid.size) };
    const fresh = search.distanceField(cost, [0, 50]);
    const first = search.distanceField(cost, [0, 50], { out });
    expect(first.dist).toBe(out.dist);
    expect(first.parent).toBe(out.parent);
    const snapshot = { dist: out.dist.slice(), parent: out.parent.slice() };
    search.distanceField(cost, [77], { out, maxCost: 4 });
    search.leastCost(cost, 1, 100);
    const again = search.distanceField(cost, [0, 50], { out });
    expect(again.dist).toEqual(snapshot.dist);
    expect(again.parent).toEqual(snapshot.parent);
    expect(again.dist).toEqual(fresh.dist);

    const p1 = search.leastCostPath(cost, 2, 101);
    search.leastCostPath(cost, 5, 60);
    const p2 = search.leastCostPath(cost, 2, 101);
    expect(p2).toEqual(p1);
    expect(p1.cost).toBeCloseTo(distanceField(grid, cost, [2]).dist[101]!, 9);
  });

  it("rejects bad input", () => {
    const { grid, cost } = uniformGrid(3, 3);
    expect(() => distanceField(grid, new Float64Array(8), [0])).toThrow(RangeError);
    expect(() => distanceField(grid, cost, [9])).toThrow(RangeError);
    expect(() => leastCostPath(grid, cost, 0, -1)).toThrow(RangeError);
    expect(() => createPathSearch(grid, { connectivity: 6 as 4 })).toThrow(RangeError);
    expect(() => leastCostPath(grid, cost, 0, 8, { minCost: -1 })).toThrow(RangeError);
    expect(() => pathFromParents(new Int32Array(3), 3)).toThrow(RangeError);
    const out = { dist: new Float64Array(4), parent: new Int32Array(9) };
    expect(() => distanceField(grid, cost, [0], { out })).toThrow(RangeError);
  });
});
