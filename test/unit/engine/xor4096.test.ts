import fc from "fast-check";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { Xor4096 } from "../../../src/engine/xor4096.js";

/** The first n draws of both generators for one seed; the index of the first difference, or -1. */
function firstDifference(seed: string, n: number): number {
  const ours = new Xor4096(seed);
  const theirs = seedrandom.xor4096(seed);
  for (let i = 0; i < n; i++) if (ours.draw() !== theirs()) return i;
  return -1;
}

describe("Xor4096 on typed state", () => {
  it("draws what seedrandom's xor4096 draws for the seeds runs use", () => {
    for (const seed of ["1/population.move", "2026/people/order", "0/x", "-3/economy/detect"]) {
      expect(firstDifference(seed, 1_000_000)).toBe(-1);
    }
  });

  it("draws what seedrandom draws for any string seed, long ones included", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300, unit: "binary" }),
        (seed) => firstDifference(seed, 2_000) === -1,
      ),
      { numRuns: 300 },
    );
  });

  it("stays in [0, 1)", () => {
    const g = new Xor4096("range");
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = g.draw();
      if (!(u >= 0 && u < 1)) outside++;
    }
    expect(outside).toBe(0);
  });
});
