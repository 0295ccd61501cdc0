/** Designs: factorial order, ranges mapped onto their bounds, arms from labels. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildDesign,
  type Factor,
  pointArm,
  pointValues,
  scaleUnit,
} from "../../../../src/study/designs/design.js";

const a: Factor = { kind: "values", path: "params.a", name: "a", values: [1, 2, 3], labels: ["x", "y", "z"] };
const b: Factor = { kind: "values", path: "params.b", name: "b", values: [{ k: 1 }, { k: 2 }] };
const r: Factor = { kind: "range", path: "params.r", name: "r", min: -1, max: 1, integer: false };

describe("buildDesign", () => {
  it("crosses value factors with the first one slowest", () => {
    const d = buildDesign([a, b], undefined, 1, 1);
    expect(d.points).toBe(6);
    expect(Array.from({ length: 6 }, (_, p) => pointValues(d, p))).toEqual([
      [1, { k: 1 }],
      [1, { k: 2 }],
      [2, { k: 1 }],
      [2, { k: 2 }],
      [3, { k: 1 }],
      [3, { k: 2 }],
    ]);
    expect(pointArm(d, 3)).toEqual({ a: "y" });
  });

  it("gives every factorial cell the same range samples", () => {
    const d = buildDesign([a, r], "lhs", 5, 4);
    expect(d.points).toBe(15);
    for (let s = 0; s < 5; s++) {
      const v = [0, 1, 2].map((cell) => pointValues(d, cell * 5 + s));
      expect(v.map((x) => x[0])).toEqual([1, 2, 3]);
      expect(new Set(v.map((x) => x[1])).size).toBe(1);
    }
    const sampled = Array.from({ length: 5 }, (_, s) => pointValues(d, s)[1] as number);
    expect(sampled.every((x) => x >= -1 && x < 1)).toBe(true);
  });

  it("has a single point without factors", () => {
    const d = buildDesign([], undefined, 1, 1);
    expect(d.points).toBe(1);
    expect(pointValues(d, 0)).toEqual([]);
    expect(pointArm(d, 0)).toBeUndefined();
  });
});

describe("scaleUnit", () => {
  it("maps [0, 1) onto the integers of [min, max] in equal shares", () => {
    fc.assert(
      fc.property(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 0, max: 30 }), (lo, width) => {
        const f = { kind: "range", path: "p", name: "p", min: lo, max: lo + width, integer: true } as const;
        const n = width + 1;
        const counts = new Map<number, number>();
        for (let j = 0; j < 4 * n; j++) {
          const v = scaleUnit(f, (j + 0.5) / (4 * n));
          counts.set(v, (counts.get(v) ?? 0) + 1);
        }
        return (
          counts.size === n && [...counts.values()].every((c) => c === 4) && Math.min(...counts.keys()) === lo
        );
      }),
    );
  });
});
