/**
 * Least-cost path timings: a full 8-neighbour distance field from the centre cell, and a
 * least-cost path between opposite corners (a field from one corner that stops when the other
 * settles), on a grid with seeded random costs in [1, 5]. The move graph, the output arrays and
 * the path scratch are built once, so the figures measure the search, not allocation.
 */
import { createGrid } from "../src/engine/grid.js";
import { type DistanceField, distanceField } from "../src/engine/paths/field.js";
import { moveGraph } from "../src/engine/paths/graph.js";
import { leastCostPath, pathScratch } from "../src/engine/paths/path.js";
import { createRngHub } from "../src/engine/rng.js";
import { median } from "./measure.js";

/** Median milliseconds per call of each path benchmark (`quick`: smaller grid, fewer calls). */
export async function benchPaths(quick: boolean): Promise<{ name: string; medianMs: number; n: number }[]> {
  const width = quick ? 50 : 200;
  const height = quick ? 30 : 120;
  const calls = quick ? 10 : 30;
  const warmup = quick ? 20 : 10; // quick calls are tiny, so warm them longer to time compiled code
  const grid = createGrid({ width, height });
  const cost = grid.addLayer("cost", "f64");
  const rng = createRngHub(1).stream("bench/paths");
  for (let i = 0; i < grid.size; i++) cost[i] = rng.uniform(1, 5);
  const graph = moveGraph(grid, { connectivity: 8 });
  const out: DistanceField = {
    dist: new Float64Array(grid.size),
    parent: new Int32Array(grid.size),
    origin: new Int32Array(grid.size),
  };
  const scratch = pathScratch(grid.size);
  const sources = [grid.cell(width >> 1, height >> 1)];
  const from = grid.cell(0, 0);
  const to = grid.cell(width - 1, height - 1);

  const time = (fn: () => void): number[] => {
    for (let i = 0; i < warmup; i++) fn();
    const ms: number[] = [];
    for (let i = 0; i < calls; i++) {
      const t0 = performance.now();
      fn();
      ms.push(performance.now() - t0);
    }
    return ms;
  };
  const field = time(() => distanceField(graph, cost, sources, { out }));
  const path = time(() => leastCostPath(graph, cost, from, to, { scratch }));
  return [
    { name: `distance field 8-conn ${width}×${height}`, medianMs: median(field), n: calls },
    { name: `least-cost path corner→corner 8-conn ${width}×${height}`, medianMs: median(path), n: calls },
  ];
}
