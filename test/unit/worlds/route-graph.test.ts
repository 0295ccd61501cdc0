/** Route fields on a world's move graph: equal to a brute-force Bellman–Ford reference, exact where a re-plan stops. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { transportCost } from "../../../src/models/economy/transport.js";
import { graphField, type RouteField, routeGraph, type StopCells } from "../../../src/worlds/route-graph.js";
import { addSurcharge, pathCost, routeFrom } from "../../../src/worlds/routes.js";
import type { World } from "../../../src/worlds/types.js";
import { arbRouteCase as arbCase, closeCost as close } from "./fixtures.js";

/** Bellman–Ford from the rule's words: neighbours by coordinates, the border rule, (ca + cb)/2 × step. */
function bruteForce(w: World, cost: ArrayLike<number>, sources: number[]): Float64Array {
  const { width: W, height: H, torus } = w.grid;
  const ok = (c: number) => !w.blocked[c] && Number.isFinite(cost[c]!) && cost[c]! >= 0;
  const edges: [number, number, number][] = [];
  for (let a = 0; a < W * H; a++) {
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        if (dx === 0 && dy === 0) continue;
        let x = (a % W) + dx;
        let y = Math.floor(a / W) + dy;
        if (torus) {
          x = (x + W) % W;
          y = (y + H) % H;
        } else if (x < 0 || y < 0 || x >= W || y >= H) continue;
        const b = y * W + x;
        if (b === a || !ok(a) || !ok(b)) continue;
        const sameCountry = w.country[a] === w.country[b];
        if (!sameCountry && !w.crossing[a] && !w.crossing[b]) continue;
        edges.push([a, b, ((cost[a]! + cost[b]!) / 2) * (dx !== 0 && dy !== 0 ? Math.SQRT2 : 1)]);
      }
    }
  }
  const d = new Float64Array(W * H).fill(Number.POSITIVE_INFINITY);
  for (const s of sources) if (ok(s)) d[s] = 0;
  for (let i = 0; i < W * H; i++) {
    for (const [a, b, wt] of edges) if (d[a]! + wt < d[b]!) d[b] = d[a]! + wt;
  }
  return d;
}

describe("graphField", () => {
  it("gives the brute-force cheapest cost, and routes that cost exactly that", () => {
    fc.assert(
      fc.property(arbCase, ({ world, surcharge, markets }) => {
        const cost = addSurcharge(transportCost(world), surcharge);
        const field = graphField(routeGraph(world), cost, markets);
        const ref = bruteForce(world, cost, markets);
        for (let c = 0; c < world.grid.size; c++) {
          expect(close(field.dist[c]!, ref[c]!)).toBe(true);
          const route = routeFrom(field, c);
          if (ref[c] === Number.POSITIVE_INFINITY) {
            expect(route.length).toBe(0);
            continue;
          }
          expect(route[0]).toBe(c);
          expect(markets).toContain(route[route.length - 1]);
          expect(route[route.length - 1]).toBe(field.end[c]);
          expect(close(pathCost(world, cost, route), field.dist[c]!)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("is exact on its stop cells and their routes, and reuses the caller's arrays", () => {
    fc.assert(
      fc.property(
        arbCase,
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.nat(),
        ({ world, surcharge, markets }, loads, home) => {
          const gr = routeGraph(world);
          const n = world.grid.size;
          const cost = addSurcharge(transportCost(world), surcharge);
          const full = graphField(gr, cost, markets);
          const stop: StopCells = {
            cells: Int32Array.from(loads, (c) => c % n),
            n: loads.length,
            any: Int32Array.of(home % n),
            mark: new Uint8Array(n),
          };
          const out: RouteField = {
            dist: new Float64Array(n),
            next: new Int32Array(n),
            end: new Int32Array(n),
          };
          const cut = graphField(gr, cost, markets, out, stop);
          expect(cut.dist).toBe(out.dist);
          expect(stop.mark.every((m) => m === 0)).toBe(true);
          for (const c of [...stop.cells, ...stop.any]) {
            expect(cut.dist[c]).toBe(full.dist[c]);
            for (const r of routeFrom(cut, c)) expect(cut.dist[r]).toBe(full.dist[r]);
          }
          for (let c = 0; c < n; c++) expect(cut.dist[c]! >= full.dist[c]!).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
