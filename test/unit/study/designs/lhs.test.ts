/** Latin hypercube: one sample per stratum per factor, seeded, streams independent per factor. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRngHub } from "../../../../src/engine/rng.js";
import { latinHypercube } from "../../../../src/study/designs/lhs.js";

const streams = (seed: number, dims: number) => {
  const hub = createRngHub(seed);
  return Array.from({ length: dims }, (_, d) => hub.stream(`f${d}`));
};

describe("latinHypercube", () => {
  it("puts exactly one sample in each of the n strata of every factor", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 6 }),
        fc.nat(),
        (n, dims, seed) => {
          const pts = latinHypercube(n, streams(seed, dims));
          for (let d = 0; d < dims; d++) {
            const hits = new Uint16Array(n);
            for (let i = 0; i < n; i++) {
              const x = pts[i * dims + d]!;
              if (!(x >= 0 && x < 1)) return false;
              hits[Math.floor(x * n)]!++;
            }
            if (!hits.every((h) => h === 1)) return false;
          }
          return true;
        },
      ),
    );
  });

  it("gives the same samples for the same seed and different ones for another", () => {
    const a = latinHypercube(50, streams(3, 2));
    expect(latinHypercube(50, streams(3, 2))).toEqual(a);
    expect(latinHypercube(50, streams(4, 2))).not.toEqual(a);
  });

  it("keeps a factor's samples when another factor is added (one stream per factor)", () => {
    const hub1 = createRngHub(9);
    const hub2 = createRngHub(9);
    const one = latinHypercube(20, [hub1.stream("a")]);
    const two = latinHypercube(20, [hub2.stream("a"), hub2.stream("b")]);
    expect(Array.from({ length: 20 }, (_, i) => two[2 * i])).toEqual([...one]);
  });

  it("does not put the samples in stratum order (the strata are permuted)", () => {
    const pts = latinHypercube(40, streams(1, 1));
    const order = Array.from(pts, (x) => Math.floor(x * 40));
    expect(order).not.toEqual(Array.from({ length: 40 }, (_, i) => i));
  });
});
