/** The search heap: pops in priority order, and keeps doing so after it grows. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CellHeap } from "../../../../src/engine/paths/heap.js";

describe("CellHeap", () => {
  it("pops every pushed entry in priority order, growing from a tiny capacity", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(1000), fc.double({ min: 0, max: 100, noNaN: true })), { maxLength: 300 }),
        (entries) => {
          const heap = new CellHeap(1);
          for (const [id, v] of entries) heap.push(id, v);
          const popped: number[] = [];
          const ids: number[] = [];
          while (heap.length > 0) {
            popped.push(heap.values[0]!);
            ids.push(heap.ids[0]!);
            heap.pop();
          }
          expect(popped).toEqual(entries.map(([, v]) => v).sort((a, b) => a - b));
          expect(ids.sort((a, b) => a - b)).toEqual(entries.map(([id]) => id).sort((a, b) => a - b));
        },
      ),
      { numRuns: 200 },
    );
  });
});
