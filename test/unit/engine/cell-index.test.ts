import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAgentStore } from "../../../src/engine/agents.js";
import { type CellIndex, createCellIndex } from "../../../src/engine/cell-index.js";
import { createGrid } from "../../../src/engine/grid.js";

const SCHEMA = { energy: "f64", cell: "i32" } as const;
const sortNum = (xs: Iterable<number>): number[] => [...xs].sort((a, b) => a - b);

type Op =
  | { t: "spawn"; cell: number }
  | { t: "move"; pick: number; to: number }
  | { t: "remove"; pick: number }
  | { t: "flush" };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.nat().map((cell): Op => ({ t: "spawn", cell })) },
  { weight: 5, arbitrary: fc.record({ pick: fc.nat(), to: fc.nat() }).map((r): Op => ({ t: "move", ...r })) },
  { weight: 2, arbitrary: fc.nat().map((pick): Op => ({ t: "remove", pick })) },
  { weight: 3, arbitrary: fc.constant<Op>({ t: "flush" }) },
);

/** Walk a cell's list, checking the back links; returns its members in list order. */
function walk(index: CellIndex, cell: number): number[] {
  const out: number[] = [];
  let prev = -1;
  for (let a = index.head[cell]!; a !== -1; a = index.next[a]!) {
    if (index.prev[a] !== prev) expect.fail(`prev[${a}] = ${index.prev[a]}, want ${prev}`);
    out.push(a);
    prev = a;
    if (out.length > 10_000) expect.fail(`cycle in cell ${cell}`);
  }
  return out;
}

describe("CellIndex", () => {
  it("property: mirrors a brute-force cell → agents model under spawn / move / remove / flush", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 6 }),
        fc.array(opArb, { maxLength: 60, size: "max" }),
        (width, height, capacity, prefill, ops) => {
          const grid = createGrid({ width, height, torus: true });
          const store = createAgentStore("sheep", SCHEMA, capacity);
          const where = new Map<number, number>();
          let stagedCells: number[] = [];
          for (let i = 0; i < prefill; i++) {
            const r = store.stage();
            store.staged.cell[r] = (i * 7) % grid.size;
          }
          store.flush();
          for (const id of store.order()) where.set(id, store.col.cell[id]!);
          const index = createCellIndex(grid, store, "cell");

          const check = (): void => {
            for (let c = 0; c < grid.size; c++) {
              const want = sortNum([...where].filter(([, cell]) => cell === c).map(([id]) => id));
              const got = walk(index, c);
              if (sortNum(got).join() !== want.join()) expect.fail(`cell ${c}: [${got}] vs [${want}]`);
              if (index.counts[c] !== want.length) expect.fail(`counts[${c}] = ${index.counts[c]}`);
            }
            for (const [id, cell] of where) if (store.col.cell[id] !== cell) expect.fail(`cell[${id}]`);
            expect(index.next.length).toBeGreaterThanOrEqual(store.capacity);
            expect(index.prev.length).toBeGreaterThanOrEqual(store.capacity);
          };

          check();
          for (const op of ops) {
            const ids = sortNum(where.keys());
            switch (op.t) {
              case "spawn": {
                const r = store.stage();
                store.staged.cell[r] = op.cell % grid.size;
                stagedCells.push(op.cell % grid.size);
                break;
              }
              case "move": {
                if (ids.length === 0) break;
                const id = ids[op.pick % ids.length]!;
                const to = op.to % grid.size;
                index.move(id, to);
                where.set(id, to);
                break;
              }
              case "remove": {
                if (ids.length === 0) break;
                const id = ids[op.pick % ids.length]!;
                store.remove(id);
                where.delete(id); // unlinked at once
                break;
              }
              case "flush": {
                const before = new Set(where.keys());
                store.flush();
                const added = Array.from(store.order()).filter((id) => !before.has(id));
                expect(sortNum(added.map((id) => store.col.cell[id]!))).toEqual(sortNum(stagedCells));
                for (const id of added) where.set(id, store.col.cell[id]!);
                stagedCells = [];
                break;
              }
            }
            check();
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("moving to the same cell is a no-op and several agents share a cell", () => {
    const grid = createGrid({ width: 2, height: 2 });
    const store = createAgentStore("a", SCHEMA);
    const index = createCellIndex(grid, store, "cell");
    for (let i = 0; i < 3; i++) {
      const r = store.stage();
      store.staged.cell[r] = 3;
    }
    store.flush();
    expect(index.counts[3]).toBe(3);
    expect(sortNum(walk(index, 3))).toEqual([0, 1, 2]);
    index.move(1, 3);
    expect(index.counts[3]).toBe(3);
    index.move(1, 0);
    expect(walk(index, 0)).toEqual([1]);
    expect(sortNum(walk(index, 3))).toEqual([0, 2]);
    expect(store.col.cell[1]).toBe(0);
    store.remove(0);
    expect(walk(index, 3)).toEqual([2]);
    expect(index.counts[3]).toBe(1);
  });

  it("rejects a field the store does not have", () => {
    const grid = createGrid({ width: 2, height: 2 });
    const store = createAgentStore("a", SCHEMA);
    expect(() => createCellIndex(grid, store, "pos" as "cell")).toThrow(/no field/);
  });
});
