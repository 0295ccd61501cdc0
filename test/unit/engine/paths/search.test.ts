/** Distance fields and least-cost paths: against Bellman–Ford on random grids, then unit cases. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createGrid, type Grid } from "../../../../src/engine/grid.js";
import { type DistanceField, distanceField, type StopCells } from "../../../../src/engine/paths/field.js";
import { moveGraph } from "../../../../src/engine/paths/graph.js";
import { leastCostPath, pathFromParents, pathScratch } from "../../../../src/engine/paths/path.js";

// ---- Plain reference, built from the cost model's words and not from the module ----

interface Case {
  w: number;
  h: number;
  torus: boolean;
  conn: 4 | 8;
  /** Whether the move filter refuses some moves (then the graph is directed). */
  filter: boolean;
  costs: number[];
  sources: number[];
  from: number;
  to: number;
}

const passable = (c: number): boolean => Number.isFinite(c) && c >= 0;

/** The test's move filter: refuses about one directed move in five, never its reverse as well. */
const allowMove = (a: number, b: number): boolean => (a * 31 + b * 17) % 5 !== 0;

type Edges = Map<string, { a: number; b: number; w: number }>;

/** Every move as a directed edge "a,b" → weight (the cheapest, when several moves reach b from a). */
function edgeList(c: Case): Edges {
  const moves: [number, number][] = [
    [1, 0],
    [-1, 0],
    [0, 1],
    [0, -1],
  ];
  if (c.conn === 8) moves.push([1, 1], [1, -1], [-1, 1], [-1, -1]);
  const edges: Edges = new Map();
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
        if (b === a || !passable(c.costs[b]!) || (c.filter && !allowMove(a, b))) continue;
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

/** Bellman–Ford: cheapest cost from each cell to a source (`toSources`) or from a source to each cell. */
function bellmanFord(
  size: number,
  edges: Edges,
  sources: number[],
  costs: number[],
  toSources: boolean,
): number[] {
  const dist = new Array<number>(size).fill(Number.POSITIVE_INFINITY);
  for (const s of sources) if (passable(costs[s]!)) dist[s] = 0;
  for (let round = 0; round < size; round++) {
    let changed = false;
    for (const { a, b, w } of edges.values()) {
      const [near, far] = toSources ? [b, a] : [a, b];
      if (dist[near]! + w < dist[far]!) {
        dist[far] = dist[near]! + w;
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

/** Checks `cells` is a walk over legal moves and returns the sum of its move costs. */
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
    filter: fc.boolean(),
  })
  .chain(({ w, h, torus, conn, filter }) => {
    const cell = fc.integer({ min: 0, max: w * h - 1 });
    return fc.record({
      w: fc.constant(w),
      h: fc.constant(h),
      torus: fc.constant(torus),
      conn: fc.constant(conn),
      filter: fc.constant(filter),
      // A positive floor under the passable costs makes ties rarer and sums longer.
      costs: fc
        .tuple(fc.array(costArb, { minLength: w * h, maxLength: w * h }), fc.constantFrom(0, 0.5, 2))
        .map(([cs, floor]) => cs.map((x) => (x >= 0 ? x + floor : x))),
      sources: fc.array(cell, { minLength: 0, maxLength: 4 }),
      from: cell,
      to: cell,
    });
  });

function graphOf(c: Case, grid: Grid) {
  return moveGraph(grid, { connectivity: c.conn, ...(c.filter ? { allow: allowMove } : {}) });
}

describe("paths vs brute force", () => {
  it("distanceField and leastCostPath match Bellman–Ford on random small grids", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const grid = createGrid({ width: c.w, height: c.h, torus: c.torus });
        const graph = graphOf(c, grid);
        const cost = Float64Array.from(c.costs);
        const edges = edgeList(c);

        const ref = bellmanFord(grid.size, edges, c.sources, c.costs, true);
        const field = distanceField(graph, cost, c.sources);
        for (let i = 0; i < grid.size; i++) {
          if (!close(field.dist[i]!, ref[i]!)) throw new Error(`dist[${i}] ${field.dist[i]} ≠ ${ref[i]}`);
          // The parent chain is a cheapest walk to a source (listed from the source back to i).
          const walk = pathFromParents(field.parent, i, field.dist);
          if (ref[i] === Number.POSITIVE_INFINITY) {
            expect(walk.length).toBe(0);
            expect(field.parent[i]).toBe(-1);
            expect(field.origin[i]).toBe(-1);
          } else {
            expect(c.sources).toContain(walk[0]);
            expect(field.origin[i]).toBe(walk[0]);
            expect(close(walkCost(walk.slice().reverse(), edges), ref[i]!)).toBe(true);
          }
        }

        const fromRef = bellmanFord(grid.size, edges, [c.from], c.costs, false);
        const path = leastCostPath(graph, cost, c.from, c.to);
        expect(close(path.cost, fromRef[c.to]!)).toBe(true);
        if (path.cost === Number.POSITIVE_INFINITY) {
          expect(path.cells.length).toBe(0);
        } else {
          expect(path.cells[0]).toBe(c.from);
          expect(path.cells[path.cells.length - 1]).toBe(c.to);
          for (const cell of path.cells) expect(passable(c.costs[cell]!)).toBe(true);
          expect(close(walkCost(path.cells, edges), path.cost)).toBe(true);
        }

        // One reused scratch, every target in turn: stale state from earlier calls must not leak.
        const scratch = pathScratch(grid.size);
        for (let t = 0; t < grid.size; t++) {
          const p = leastCostPath(graph, cost, c.from, t, { scratch });
          if (!close(p.cost, fromRef[t]!)) throw new Error(`path to ${t}: ${p.cost} ≠ ${fromRef[t]}`);
          if (p.cost < Number.POSITIVE_INFINITY) expect(close(walkCost(p.cells, edges), p.cost)).toBe(true);
          else expect(p.cells.length).toBe(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("is exact on stop cells and the routes from them, and never below the exact cost elsewhere", () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        (c, m, a) => {
          const grid = createGrid({ width: c.w, height: c.h, torus: c.torus });
          const graph = graphOf(c, grid);
          const cost = Float64Array.from(c.costs);
          const full = distanceField(graph, cost, c.sources);
          const mark = new Uint8Array(grid.size);
          const stop: StopCells = {
            cells: Int32Array.from(m, (x) => x % grid.size),
            n: m.length,
            any: Int32Array.from(a, (x) => x % grid.size),
            mark,
          };
          const cut = distanceField(graph, cost, c.sources, { stop });
          expect(mark.every((x) => x === 0)).toBe(true);
          for (let i = 0; i < grid.size; i++) expect(cut.dist[i]! >= full.dist[i]!).toBe(true);
          const exact = (s: number) =>
            cut.dist[s] === full.dist[s] &&
            Array.from(pathFromParents(cut.parent, s, cut.dist)).every((r) => cut.dist[r] === full.dist[r]);
          // Every MUST cell is exact, and so is one of the nearest ANY cells (ties settle in any order).
          for (const s of stop.cells.subarray(0, stop.n)) expect(exact(s)).toBe(true);
          if (stop.any.length > 0) {
            const best = Math.min(...Array.from(stop.any, (s) => full.dist[s]!));
            expect(Array.from(stop.any).some((s) => full.dist[s] === best && exact(s))).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("matches the reference with a dense lattice of sources", () => {
    const c: Case = {
      w: 30,
      h: 30,
      torus: false,
      conn: 8,
      filter: false,
      costs: [],
      sources: [],
      from: 0,
      to: 0,
    };
    for (let i = 0; i < 900; i++)
      c.costs.push(i % 13 === 5 ? Number.POSITIVE_INFINITY : 1 + ((i * 7919) % 17) / 4);
    for (let i = 0; i < 900; i += 4) c.sources.push(i);
    const grid = createGrid({ width: 30, height: 30 });
    const ref = bellmanFord(900, edgeList(c), c.sources, c.costs, true);
    const graph = moveGraph(grid);
    for (let round = 0; round < 2; round++) {
      const f = distanceField(graph, Float64Array.from(c.costs), c.sources);
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
    const g8 = moveGraph(grid);
    cost[grid.cell(1, 1)] = 3;
    // Through the dear centre: 2 × (1+3)/2 × √2 ≈ 5.66; around it: 1 + √2 + 1 ≈ 3.41.
    expect(leastCostPath(g8, cost, 0, 8).cost).toBeCloseTo(2 + Math.SQRT2, 12);
    expect(leastCostPath(moveGraph(grid, { connectivity: 4 }), cost, 0, 8).cost).toBe(4);
    expect(Array.from(leastCostPath(g8, cost, 0, 2).cells)).toEqual([0, 1, 2]);
  });

  it("wraps on a torus", () => {
    const { grid, cost } = uniformGrid(5, 1, true);
    const g8 = moveGraph(grid);
    const p = leastCostPath(g8, cost, 0, 4);
    expect(p.cost).toBe(1);
    expect(Array.from(p.cells)).toEqual([0, 4]);
    expect(Array.from(distanceField(g8, cost, [0]).dist)).toEqual([0, 1, 2, 2, 1]);
  });

  it("lets a diagonal slip between two impassable cells on 8-connectivity only", () => {
    const grid = createGrid({ width: 2, height: 2 });
    const cost = Float64Array.from([1, Number.POSITIVE_INFINITY, Number.NaN, 1]);
    expect(leastCostPath(moveGraph(grid), cost, 0, 3).cost).toBeCloseTo(Math.SQRT2, 12);
    const g4 = moveGraph(grid, { connectivity: 4 });
    expect(leastCostPath(g4, cost, 0, 3).cost).toBe(Number.POSITIVE_INFINITY);
  });

  it("reports an unreachable target", () => {
    const { grid, cost } = uniformGrid(5, 3);
    const g8 = moveGraph(grid);
    for (let y = 0; y < 3; y++) cost[grid.cell(2, y)] = Number.POSITIVE_INFINITY;
    const p = leastCostPath(g8, cost, grid.cell(0, 1), grid.cell(4, 1));
    expect(p.cost).toBe(Number.POSITIVE_INFINITY);
    expect(p.cells.length).toBe(0);
    const f = distanceField(g8, cost, [grid.cell(0, 1)]);
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
    const g8 = moveGraph(grid);
    const p = leastCostPath(g8, cost, 5, 5);
    expect(p.cost).toBe(0);
    expect(Array.from(p.cells)).toEqual([5]);
    const f = distanceField(g8, cost, [5]);
    expect(f.dist[5]).toBe(0);
    expect(f.parent[5]).toBe(-1);
    expect(f.origin[5]).toBe(5);
    expect(Array.from(pathFromParents(f.parent, 5, f.dist))).toEqual([5]);
  });

  it("treats an impassable or closed source or target as unreachable", () => {
    const { grid, cost } = uniformGrid(4, 4);
    const g8 = moveGraph(grid);
    cost[0] = Number.POSITIVE_INFINITY;
    expect(leastCostPath(g8, cost, 0, 15)).toEqual({
      cost: Number.POSITIVE_INFINITY,
      cells: new Int32Array(0),
    });
    expect(leastCostPath(g8, cost, 15, 0).cost).toBe(Number.POSITIVE_INFINITY);
    expect(leastCostPath(g8, cost, 0, 0).cost).toBe(Number.POSITIVE_INFINITY);
    const f = distanceField(g8, cost, [0]);
    expect(f.dist.every((d) => d === Number.POSITIVE_INFINITY)).toBe(true);
    expect(f.parent.every((p) => p === -1)).toBe(true);
    // Alongside a passable source, the impassable one is simply ignored.
    const both = distanceField(g8, cost, [0, 15]);
    expect(both.dist[15]).toBe(0);
    expect(both.dist[0]).toBe(Number.POSITIVE_INFINITY);
    expect(both.dist[5]).toBeCloseTo(2 * Math.SQRT2, 12);
    // A closed cell is impassable whatever its cost says.
    const blocked = new Uint8Array(grid.size);
    blocked[15] = 1;
    const closed = distanceField(moveGraph(grid, { blocked }), cost, [15]);
    expect(closed.dist.every((d) => d === Number.POSITIVE_INFINITY)).toBe(true);
  });

  it("refuses the moves the filter refuses, in that direction only", () => {
    const { grid, cost } = uniformGrid(3, 1);
    // No step from cell 1 to cell 2: leaving 2 westward still works.
    const g = moveGraph(grid, { allow: (from, to) => !(from === 1 && to === 2) });
    expect(leastCostPath(g, cost, 0, 2).cost).toBe(Number.POSITIVE_INFINITY);
    expect(leastCostPath(g, cost, 2, 0).cost).toBe(2);
    expect(Array.from(distanceField(g, cost, [2]).dist)).toEqual([
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
      0,
    ]);
  });

  it("stops at maxCost", () => {
    const { grid, cost } = uniformGrid(10, 1);
    const g8 = moveGraph(grid);
    const full = distanceField(g8, cost, [0]);
    const cut = distanceField(g8, cost, [0], { maxCost: 3.5 });
    for (let i = 0; i < 10; i++) {
      expect(cut.dist[i]).toBe(full.dist[i]! <= 3.5 ? full.dist[i] : Number.POSITIVE_INFINITY);
      expect(cut.parent[i]).toBe(full.dist[i]! <= 3.5 ? full.parent[i] : -1);
    }
    expect(cut.dist[3]).toBe(3);
    expect(leastCostPath(g8, cost, 0, 9, { maxCost: 8.5 }).cost).toBe(Number.POSITIVE_INFINITY);
    expect(leastCostPath(g8, cost, 0, 9, { maxCost: 9 }).cost).toBe(9);
  });

  it("gives identical results when buffers are reused", () => {
    const grid = createGrid({ width: 13, height: 9, torus: true });
    const g8 = moveGraph(grid);
    const cost = grid.addLayer("cost", "f64");
    for (let i = 0; i < grid.size; i++)
      cost[i] = i % 7 === 3 ? Number.POSITIVE_INFINITY : 1 + ((i * 37) % 11) / 3;
    const out: DistanceField = {
      dist: new Float64Array(grid.size),
      parent: new Int32Array(grid.size),
      origin: new Int32Array(grid.size),
    };
    const scratch = pathScratch(grid.size);
    const fresh = distanceField(g8, cost, [0, 50]);
    const first = distanceField(g8, cost, [0, 50], { out });
    expect(first.dist).toBe(out.dist);
    expect(first.parent).toBe(out.parent);
    const snapshot = { dist: out.dist.slice(), parent: out.parent.slice(), origin: out.origin.slice() };
    distanceField(g8, cost, [77], { out, maxCost: 4 });
    leastCostPath(g8, cost, 1, 100, { scratch });
    const again = distanceField(g8, cost, [0, 50], { out });
    expect(again.dist).toEqual(snapshot.dist);
    expect(again.parent).toEqual(snapshot.parent);
    expect(again.origin).toEqual(snapshot.origin);
    expect(again.dist).toEqual(fresh.dist);

    const p1 = leastCostPath(g8, cost, 2, 101, { scratch });
    leastCostPath(g8, cost, 5, 60, { scratch });
    const p2 = leastCostPath(g8, cost, 2, 101, { scratch });
    expect(p2).toEqual(p1);
    expect(p1.cost).toBeCloseTo(distanceField(g8, cost, [2]).dist[101]!, 9);
  });

  it("rejects bad input", () => {
    const { grid, cost } = uniformGrid(3, 3);
    const g8 = moveGraph(grid);
    expect(() => distanceField(g8, new Float64Array(8), [0])).toThrow(RangeError);
    expect(() => distanceField(g8, cost, [9])).toThrow(RangeError);
    expect(() => leastCostPath(g8, cost, 0, -1)).toThrow(RangeError);
    expect(() => leastCostPath(g8, cost, 9, 0)).toThrow(RangeError);
    expect(() => moveGraph(grid, { connectivity: 6 as 4 })).toThrow(RangeError);
    expect(() => moveGraph(grid, { blocked: new Uint8Array(8) })).toThrow(RangeError);
    expect(() => pathFromParents(new Int32Array(3), 3)).toThrow(RangeError);
    const out = { dist: new Float64Array(4), parent: new Int32Array(9), origin: new Int32Array(9) };
    expect(() => distanceField(g8, cost, [0], { out })).toThrow(RangeError);
  });
});
