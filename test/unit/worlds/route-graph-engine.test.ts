/** Before the old searches go: the engine's move graph and field give the route graphs and fields of `graphField`, bit for bit. */
import { describe, expect, it } from "vitest";
import { createGrid } from "../../../src/engine/grid.js";
import { distanceField, type StopCells } from "../../../src/engine/paths/field.js";
import { moveGraph } from "../../../src/engine/paths/graph.js";
import { leastCostPath } from "../../../src/engine/paths/path.js";
import * as oldPaths from "../../../src/engine/paths.js";
import { createRngHub } from "../../../src/engine/rng.js";
import { transportCost } from "../../../src/models/economy/transport.js";
import { crossesLegally } from "../../../src/worlds/build.js";
import { worldByName } from "../../../src/worlds/resolve.js";
import { graphField, routeGraph } from "../../../src/worlds/route-graph.js";

const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.from(a).every((x, i) => Object.is(x, b[i]));

describe.each(["corridor", "central-asia"] as const)("engine field on the %s world", (name) => {
  const { world } = worldByName(name);
  const old = routeGraph(world);
  const graph = moveGraph(world.grid, {
    connectivity: 8,
    blocked: world.blocked,
    allow: (from, to) => crossesLegally(world, from, to),
  });

  it("has the same legal moves", () => {
    expect(same(graph.into, old.into)).toBe(true);
    expect(same(graph.step, old.step)).toBe(true);
  });

  it("gives the same dist, next and end for every market, with and without stop cells", () => {
    const rng = createRngHub(7).stream("route-graph-engine");
    const base = transportCost(world);
    const mark = new Uint8Array(world.grid.size);
    for (let round = 0; round < 4; round++) {
      const cost = base.map((c) => c + (rng.uniform() < 0.3 ? rng.uniform(0, 50) : 0));
      for (const cells of world.cellsOf) {
        if (cells.length === 0) continue;
        const a = graphField(old, cost, cells);
        const b = distanceField(graph, cost, cells);
        expect(same(b.dist, a.dist) && same(b.parent, a.next) && same(b.origin, a.end)).toBe(true);
        const pick = Int32Array.from({ length: 5 }, () => rng.below(world.grid.size));
        const stop = (): StopCells => ({ cells: pick.slice(), n: 3, any: pick.slice(3), mark });
        const sa = graphField(old, cost, cells, undefined, stop());
        const sb = distanceField(graph, cost, cells, { stop: stop() });
        expect(same(sb.dist, sa.dist) && same(sb.parent, sa.next) && same(sb.origin, sa.end)).toBe(true);
        expect(mark.every((m) => m === 0)).toBe(true);
      }
    }
  });
});

describe("engine field vs the old engine search", () => {
  it("same dist and parent on random grids", () => {
    const rng = createRngHub(3).stream("x");
    for (let t = 0; t < 300; t++) {
      const w = 1 + rng.below(30);
      const h = 1 + rng.below(30);
      const grid = createGrid({ width: w, height: h, torus: rng.uniform() < 0.5 });
      const conn = rng.uniform() < 0.5 ? 4 : 8;
      const cost = Float64Array.from({ length: grid.size }, () =>
        rng.uniform() < 0.1 ? Number.POSITIVE_INFINITY : rng.uniform() < 0.3 ? 1 : rng.uniform(0, 5),
      );
      const src = [rng.below(grid.size), rng.below(grid.size)];
      const a = oldPaths.distanceField(grid, cost, src, { connectivity: conn });
      const g = moveGraph(grid, { connectivity: conn });
      const b = distanceField(g, cost, src);
      expect(same(a.dist, b.dist)).toBe(true);
      expect(same(a.parent, b.parent)).toBe(true);
      const from = rng.below(grid.size);
      const to = rng.below(grid.size);
      const pa = oldPaths.leastCostPath(grid, cost, from, to, { connectivity: conn });
      const pb = leastCostPath(g, cost, from, to);
      if (pa.cost === Number.POSITIVE_INFINITY) expect(pb.cost).toBe(pa.cost);
      else expect(Math.abs(pa.cost - pb.cost)).toBeLessThan(1e-9);
    }
  });
});
