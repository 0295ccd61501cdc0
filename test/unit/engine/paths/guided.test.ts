/**
 * A*-guided stopped fields: with a consistent guide toward the any-cells the stop cells, one of
 * the nearest any-cells and the routes from them are exact, as a plain stopped search's are.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createGrid } from "../../../../src/engine/grid.js";
import { distanceField, type StopCells } from "../../../../src/engine/paths/field.js";
import { moveGraph } from "../../../../src/engine/paths/graph.js";
import { CellHeap } from "../../../../src/engine/paths/heap.js";
import { pathFromParents } from "../../../../src/engine/paths/path.js";

const close = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

const arbCase = fc.record({
  w: fc.integer({ min: 2, max: 14 }),
  h: fc.integer({ min: 2, max: 14 }),
  costs: fc.array(fc.oneof(fc.double({ min: 0.1, max: 9, noNaN: true }), fc.constant(Infinity)), {
    minLength: 196,
    maxLength: 196,
  }),
  shrink: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 196, maxLength: 196 }),
  sources: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  must: fc.array(fc.nat(), { maxLength: 4 }),
  any: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
});

describe("distanceField with a guide", () => {
  it("is exact on the stop cells, on a nearest any-cell and on their routes, and never below exact elsewhere", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const grid = createGrid({ width: c.w, height: c.h });
        const n = grid.size;
        const graph = moveGraph(grid);
        const cost = Float64Array.from({ length: n }, (_, i) => c.costs[i]!);
        const sources = c.sources.map((s) => s % n);
        const full = distanceField(graph, cost, sources);
        const any = Int32Array.from(c.any, (s) => s % n);
        // A consistent guide: the exact field toward the any-cells over a layer never above cost.
        const low = Float64Array.from(cost, (x, i) => x * c.shrink[i]!);
        const guide = distanceField(graph, low, any).dist;
        const stop: StopCells = {
          cells: Int32Array.from(c.must, (s) => s % n),
          n: c.must.length,
          any,
          mark: new Uint8Array(n),
        };
        const cut = distanceField(graph, cost, sources, { stop, guide });
        expect(stop.mark.every((x) => x === 0)).toBe(true);
        for (let i = 0; i < n; i++)
          expect(cut.dist[i]! >= full.dist[i]! || close(cut.dist[i]!, full.dist[i]!)).toBe(true);
        const exact = (s: number) =>
          close(cut.dist[s]!, full.dist[s]!) &&
          Array.from(pathFromParents(cut.parent, s, cut.dist)).every((r) =>
            close(cut.dist[r]!, full.dist[r]!),
          );
        for (const s of stop.cells.subarray(0, stop.n)) expect(exact(s)).toBe(true);
        const best = Math.min(...Array.from(any, (s) => full.dist[s]!));
        expect(Array.from(any).some((s) => close(full.dist[s]!, best) && exact(s))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("settles fewer cells than plain Dijkstra toward a far corner", () => {
    const grid = createGrid({ width: 60, height: 60 });
    const graph = moveGraph(grid);
    const cost = new Float64Array(grid.size).fill(1);
    const any = Int32Array.of(grid.size - 1);
    const guide = distanceField(graph, cost, any).dist;
    const stop = (): StopCells => ({ cells: new Int32Array(0), n: 0, any, mark: new Uint8Array(grid.size) });
    const reached = (f: { dist: Float64Array }) => f.dist.filter((d) => d < Infinity).length;
    const plain = distanceField(graph, cost, [0], { stop: stop() });
    const guided = distanceField(graph, cost, [0], { stop: stop(), guide });
    expect(guided.dist[grid.size - 1]).toBeCloseTo(plain.dist[grid.size - 1]!, 9);
    expect(reached(guided)).toBeLessThan(reached(plain) / 4);
  });
});

describe("CellHeap.heapify", () => {
  it("restores the heap order after the entries are rewritten in place", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { maxLength: 200 }), (vals) => {
        const h = new CellHeap(4);
        for (const [i, v] of vals.entries()) h.push(i, v);
        for (let i = 0; i < h.length; i++) h.values[i] = 100 - h.values[i]!;
        h.heapify();
        const out: number[] = [];
        while (h.length > 0) {
          out.push(h.values[0]!);
          h.pop();
        }
        expect(out).toEqual(vals.map((v) => 100 - v).sort((a, b) => a - b));
      }),
    );
  });
});
