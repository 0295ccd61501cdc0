import { describe, expect, it } from "vitest";
import { createGrid } from "../../../../src/engine/grid.js";
import { stepDays } from "../../../../src/models/economy/shipments.js";
import type { World } from "../../../../src/worlds/types.js";

describe("stepDays", () => {
  it("charges √2 for a step that changes both column and row and 1 otherwise, on bounded and torus grids", () => {
    let checked = 0;
    for (const torus of [false, true]) {
      for (let width = 1; width <= 6; width++) {
        for (let height = 1; height <= 5; height++) {
          const grid = createGrid({ width, height, torus });
          const world = { grid } as unknown as World;
          const speed = Float64Array.from({ length: grid.size }, (_, c) => 1 + (c % 3));
          for (let a = 0; a < grid.size; a++) {
            for (let dy = -1; dy <= 1; dy++) {
              for (let dx = -1; dx <= 1; dx++) {
                const b = grid.at(grid.x(a) + dx, grid.y(a) + dy);
                if (b < 0 || b === a) continue;
                const diagonal = grid.x(a) !== grid.x(b) && grid.y(a) !== grid.y(b);
                const want = (diagonal ? Math.SQRT2 : 1) * 0.5 * (1 / speed[a]! + 1 / speed[b]!);
                expect(stepDays(world, speed, a, b)).toBe(want);
                checked++;
              }
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
