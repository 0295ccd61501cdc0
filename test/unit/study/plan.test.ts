/** Run ids, plan indexes and seeds: a bijection, stable, and seeds unrelated across ids. */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coordsOf, indexOfId, plannedRuns, runId, runSeed } from "../../../src/study/plan.js";

describe("plan", () => {
  it("numbers runs scenario-major, then point, then replicate, and maps ids back to indexes", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z0-9_.-]{1,8}$/), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (keys, points, replicates) => {
          const shape = { keys, points, replicates };
          const n = plannedRuns(shape);
          for (let i = 0; i < n; i++) {
            const c = coordsOf(shape, i);
            if (runId(shape, i) !== `${keys[c.scenario]}/p${c.point}/r${c.replicate}`) return false;
            if (indexOfId(shape, runId(shape, i)) !== i) return false;
            if (i > 0 && coordsOf(shape, i - 1).replicate + 1 !== c.replicate && c.replicate !== 0)
              return false;
          }
          return n === keys.length * points * replicates;
        },
      ),
    );
  });

  it("rejects ids of other plans", () => {
    const shape = { keys: ["a"], points: 2, replicates: 3 };
    for (const id of ["a/p2/r0", "a/p0/r3", "b/p0/r0", "a/p01/r0", "a/p0", "a/p-1/r0"])
      expect(indexOfId(shape, id), id).toBe(-1);
  });
});

describe("runSeed", () => {
  it("is the documented hash: first 4 bytes of SHA-256('<master>/<id>'), big-endian", () => {
    const expected = createHash("sha256").update("42/base/p3/r7").digest().readUInt32BE(0);
    expect(runSeed(42, "base/p3/r7")).toBe(expected);
    expect(runSeed(42, "base/p3/r7")).toBe(runSeed(42, "base/p3/r7"));
  });

  it("is a uint32 and differs across ids and master seeds", () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `s/p${i % 20}/r${Math.floor(i / 20)}`);
    const seeds = ids.map((id) => runSeed(1, id));
    expect(seeds.every((s) => Number.isInteger(s) && s >= 0 && s < 2 ** 32)).toBe(true);
    expect(new Set(seeds).size).toBe(ids.length);
    expect(ids.filter((id) => runSeed(2, id) === runSeed(1, id))).toEqual([]);
  });
});
