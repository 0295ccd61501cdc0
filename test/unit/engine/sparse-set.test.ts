import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSparseSet, SparseSet } from "../../../src/engine/sparse-set.js";

type Op = { t: "add"; v: number } | { t: "remove"; v: number } | { t: "clear" };

function check(s: SparseSet, ref: Set<number>, universe: number): void {
  if (s.size !== ref.size) expect.fail(`size ${s.size}, want ${ref.size}`);
  const dense = Array.from(s.dense.subarray(0, s.size)).sort((a, b) => a - b);
  const want = [...ref].sort((a, b) => a - b);
  if (dense.join() !== want.join()) expect.fail(`dense [${dense}], want [${want}]`);
  for (let v = 0; v < universe; v++) {
    if (s.has(v) !== ref.has(v)) expect.fail(`has(${v}) = ${s.has(v)}`);
    if (ref.has(v) ? s.dense[s.sparse[v]!] !== v : s.sparse[v] !== -1)
      expect.fail(`sparse[${v}] = ${s.sparse[v]}`);
  }
}

describe("SparseSet", () => {
  it("starts empty", () => {
    const s = createSparseSet(5);
    expect(s.size).toBe(0);
    for (let v = 0; v < 5; v++) expect(s.has(v)).toBe(false);
  });

  it("property: behaves like a Set under random add / remove / clear", () => {
    const op = (u: number): fc.Arbitrary<Op> =>
      fc.oneof(
        { weight: 5, arbitrary: fc.integer({ min: 0, max: u - 1 }).map((v): Op => ({ t: "add", v })) },
        { weight: 4, arbitrary: fc.integer({ min: 0, max: u - 1 }).map((v): Op => ({ t: "remove", v })) },
        { weight: 1, arbitrary: fc.constant<Op>({ t: "clear" }) },
      );
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 40 })
          .chain((u) => fc.tuple(fc.constant(u), fc.array(op(u), { maxLength: 120, size: "max" }))),
        ([universe, ops]) => {
          const s = new SparseSet(universe);
          const ref = new Set<number>();
          for (const o of ops) {
            if (o.t === "add") {
              s.add(o.v);
              ref.add(o.v);
            } else if (o.t === "remove") {
              s.remove(o.v);
              ref.delete(o.v);
            } else {
              s.clear();
              ref.clear();
            }
            check(s, ref, universe);
          }
        },
      ),
    );
  });

  it("can hold the whole universe and empty it again", () => {
    const s = createSparseSet(10);
    for (let v = 9; v >= 0; v--) s.add(v);
    expect(s.size).toBe(10);
    for (let v = 0; v < 10; v += 2) s.remove(v);
    expect(Array.from(s.dense.subarray(0, s.size)).sort((a, b) => a - b)).toEqual([1, 3, 5, 7, 9]);
    s.clear();
    expect(s.size).toBe(0);
    s.add(4);
    expect(s.has(4)).toBe(true);
    expect(s.size).toBe(1);
  });
});
