import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createGrid } from "../../../../src/engine/grid.js";
import { createRngHub } from "../../../../src/engine/rng.js";
import { createPopulation, type Population } from "../../../../src/models/population/citizens.js";
import { populationParams } from "../../../../src/models/population/params.js";
import { SecuritySight } from "../../../../src/models/population/sight.js";
import { createVision } from "../../../../src/models/population/vision.js";

/** A bounded 14 × 10 grid, `n` citizens on shuffled cells, sparse security (a few cells, often none in sight). */
function world(seed: number, n: number, exact: boolean, copShare: number) {
  const grid = createGrid({ width: 14, height: 10, torus: false });
  const security = new Float64Array(grid.size);
  const inputs = {
    provinceOf: new Int32Array(grid.size),
    legitimacy: Float64Array.of(0.3),
    security,
    countsOnDemand: true,
  };
  const params = populationParams.parse({
    vision: 2,
    arrestRatio: exact ? "exact" : "floor",
    threshold: 0.05,
  });
  const pop = createPopulation(grid, params, inputs, createRngHub(seed));
  const rng = createRngHub(seed).stream("setup");
  const cells = rng.shuffle(Int32Array.from({ length: grid.size }, (_, c) => c));
  for (let i = 0; i < n; i++) pop.spawn(cells[i]!, rng);
  pop.citizens.flush();
  for (let c = 0; c < grid.size; c++) security[c] = rng.next() < copShare ? rng.uniform(0.2, 3) : 0;
  return { grid, pop, security };
}

const state = (pop: Population) => [pop.citizens.col.cell.slice(), pop.activeAt.slice(), pop.activeCount];

describe("security in sight", () => {
  it("counts, for every cell, the non-zero security cells within its vision, and forgets the last count", () => {
    const grid = createGrid({ width: 9, height: 7, torus: false });
    const vision = createVision(grid, "disk", 2);
    const sight = new SecuritySight(vision, grid.size);
    const security = new Float64Array(grid.size);
    for (const cells of [[10, 40], [62], []]) {
      security.fill(0);
      for (const c of cells) security[c] = 1.5;
      sight.refresh(security);
      for (let c = 0; c < grid.size; c++) expect(sight.none(c)).toBe(vision.sum(security, c) === 0);
    }
    security[31] = 1;
    sight.release();
    expect(sight.none(31)).toBe(false); // released: no cell is claimed free of security
  });

  it("gives a pass of citizens the same moves and decisions as acting one by one (property)", () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.integer({ min: 10, max: 120 }),
        fc.boolean(),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (seed, n, exact, copShare) => {
          const one = world(seed, n, exact, copShare);
          const pass = world(seed, n, exact, copShare);
          for (let t = 0; t < 4; t++) {
            const ids = one.pop.citizens.order().slice();
            for (const id of ids) one.pop.act(id);
            pass.pop.actEach(ids);
            expect(state(pass.pop)).toEqual(state(one.pop));
            // Between passes security changes; the next pass must see the new layer.
            const rng = createRngHub(seed + t).stream("move-security");
            for (const s of [one.security, pass.security]) s.fill(0);
            for (let k = 0; k < 3; k++) {
              const c = rng.below(one.grid.size);
              const v = rng.uniform(0.5, 4);
              one.security[c] = v;
              pass.security[c] = v;
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
