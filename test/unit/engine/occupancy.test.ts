import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAgentStore } from "../../../src/engine/agents.js";
import { createGrid } from "../../../src/engine/grid.js";
import { createOccupancy } from "../../../src/engine/occupancy.js";
import { createRngHub } from "../../../src/engine/rng.js";

const SCHEMA = { pos: "i32", other: "u8" } as const;
const sortNum = (xs: Iterable<number>): number[] => [...xs].sort((a, b) => a - b);

type Op =
  | { t: "spawn"; pick: number }
  | { t: "move"; pick: number; to: number }
  | { t: "remove"; pick: number }
  | { t: "flush" }
  | { t: "randomEmpty"; seed: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.nat().map((pick): Op => ({ t: "spawn", pick })) },
  { weight: 5, arbitrary: fc.record({ pick: fc.nat(), to: fc.nat() }).map((r): Op => ({ t: "move", ...r })) },
  { weight: 2, arbitrary: fc.nat().map((pick): Op => ({ t: "remove", pick })) },
  { weight: 3, arbitrary: fc.constant<Op>({ t: "flush" }) },
  { weight: 2, arbitrary: fc.nat().map((seed): Op => ({ t: "randomEmpty", seed })) },
);

const setupArb = fc
  .record({ width: fc.integer({ min: 1, max: 8 }), height: fc.integer({ min: 1, max: 8 }) })
  .chain(({ width, height }) =>
    fc.record({
      width: fc.constant(width),
      height: fc.constant(height),
      blocked: fc.array(fc.boolean(), { minLength: width * height, maxLength: width * height }),
      blockedAtAll: fc.boolean(),
      capacity: fc.integer({ min: 1, max: 4 }),
      prefill: fc.integer({ min: 0, max: 6 }),
    }),
  );

describe("Occupancy", () => {
  it("property: mirrors a brute-force cell → agent model under spawn / move / remove / flush", () => {
    fc.assert(
      fc.property(setupArb, fc.array(opArb, { maxLength: 60, size: "max" }), (setup, ops) => {
        const { width, height, capacity } = setup;
        const grid = createGrid({ width, height });
        const blocked = setup.blockedAtAll ? setup.blocked.map((b) => (b ? 1 : 0)) : undefined;
        const isBlocked = (c: number): boolean => blocked !== undefined && blocked[c] === 1;
        const store = createAgentStore("walker", SCHEMA, capacity);
        const where = new Map<number, number>(); // live id → cell
        let stagedCells: number[] = [];
        const occupiedBy = (c: number): number => {
          for (const [id, cell] of where) if (cell === c) return id;
          return -1;
        };
        const freeCells = (): number[] => {
          const out: number[] = [];
          for (let c = 0; c < grid.size; c++) if (!isBlocked(c) && occupiedBy(c) === -1) out.push(c);
          return out;
        };
        // Some agents exist before the occupancy starts observing the store.
        const pre = freeCells().slice(0, setup.prefill);
        for (const c of pre) {
          const r = store.stage();
          store.staged.pos[r] = c;
        }
        store.flush();
        for (const id of store.order()) where.set(id, store.col.pos[id]!);
        const occ = createOccupancy(grid, store, "pos", blocked);

        const check = (): void => {
          const free = new Set(freeCells());
          expect(occ.empty.size).toBe(free.size);
          expect(sortNum(occ.empty.dense.subarray(0, occ.empty.size))).toEqual(sortNum(free));
          const want = new Int32Array(grid.size).fill(-1);
          for (const [id, cell] of where) want[cell] = id;
          expect(Array.from(occ.occupant)).toEqual(Array.from(want));
          for (let c = 0; c < grid.size; c++) {
            if (occ.isBlocked(c) !== isBlocked(c)) expect.fail(`isBlocked(${c})`);
            if (occ.isEmpty(c) !== free.has(c)) expect.fail(`isEmpty(${c})`);
            if (isBlocked(c) && occ.occupant[c] !== -1) expect.fail(`blocked cell ${c} occupied`);
          }
          for (const [id, cell] of where) if (store.col.pos[id] !== cell) expect.fail(`pos[${id}]`);
        };

        check();
        for (const op of ops) {
          const ids = sortNum(where.keys());
          switch (op.t) {
            case "spawn": {
              const candidates = freeCells().filter((c) => !stagedCells.includes(c));
              if (candidates.length === 0) break;
              const c = candidates[op.pick % candidates.length]!;
              const r = store.stage();
              store.staged.pos[r] = c;
              stagedCells.push(c);
              break;
            }
            case "move": {
              if (ids.length === 0) break;
              const id = ids[op.pick % ids.length]!;
              const to = op.to % grid.size;
              const ok = !isBlocked(to) && occupiedBy(to) === -1;
              if (ok && stagedCells.includes(to)) break; // reserved for a pending spawn
              if (ok) {
                occ.move(id, to);
                where.set(id, to);
              } else {
                expect(() => occ.move(id, to)).toThrow();
              }
              break;
            }
            case "remove": {
              if (ids.length === 0) break;
              const id = ids[op.pick % ids.length]!;
              expect(store.remove(id)).toBe(true);
              where.delete(id); // its cell is free at once
              break;
            }
            case "flush": {
              const before = new Set(where.keys());
              store.flush();
              const added = Array.from(store.order()).filter((id) => !before.has(id));
              expect(sortNum(added.map((id) => store.col.pos[id]!))).toEqual(sortNum(stagedCells));
              for (const id of added) where.set(id, store.col.pos[id]!);
              stagedCells = [];
              break;
            }
            case "randomEmpty": {
              const rng = createRngHub(op.seed).stream("e");
              const free = freeCells();
              for (let i = 0; i < 5; i++) {
                const c = occ.randomEmpty(rng);
                if (free.length === 0) expect(c).toBe(-1);
                else expect(free).toContain(c);
              }
              break;
            }
          }
          check();
        }
      }),
      { numRuns: 200 },
    );
  });

  it("moving into an occupied or blocked cell throws and changes nothing", () => {
    const grid = createGrid({ width: 3, height: 1 });
    const store = createAgentStore("a", SCHEMA);
    const occ = createOccupancy(grid, store, "pos", [0, 0, 1]);
    for (const c of [0, 1]) {
      const r = store.stage();
      store.staged.pos[r] = c;
    }
    store.flush();
    expect(() => occ.move(0, 1)).toThrow(/not free/);
    expect(() => occ.move(0, 2)).toThrow(/not free/);
    expect(() => occ.move(0, 0)).toThrow(/not free/); // its own cell is not empty either
    expect(Array.from(occ.occupant)).toEqual([0, 1, -1]);
    expect(store.col.pos[0]).toBe(0);
    expect(occ.empty.size).toBe(0);
    expect(occ.randomEmpty(createRngHub(1).stream("x"))).toBe(-1);
  });

  it("spawning onto an occupied or blocked cell throws at flush", () => {
    const grid = createGrid({ width: 2, height: 1 });
    const store = createAgentStore("a", SCHEMA);
    createOccupancy(grid, store, "pos", [0, 1]);
    const r = store.stage();
    store.staged.pos[r] = 1;
    expect(() => store.flush()).toThrow(/not free/);
  });

  it("rejects a field the store does not have", () => {
    const grid = createGrid({ width: 2, height: 2 });
    const store = createAgentStore("a", SCHEMA);
    expect(() => createOccupancy(grid, store, "nope" as "pos")).toThrow(/no field/);
  });

  it("randomEmpty is uniform over the empty unblocked cells (chi-square)", () => {
    const grid = createGrid({ width: 4, height: 3 });
    const blocked = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1];
    const store = createAgentStore("a", SCHEMA);
    const occ = createOccupancy(grid, store, "pos", blocked);
    for (const c of [1, 6, 10]) {
      const r = store.stage();
      store.staged.pos[r] = c;
    }
    store.flush();
    const free = [2, 3, 4, 7, 8, 9];
    const rng = createRngHub(3).stream("e");
    const N = 30_000;
    const counts = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      const c = occ.randomEmpty(rng);
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(sortNum(counts.keys())).toEqual(free);
    const e = N / free.length;
    let stat = 0;
    for (const v of counts.values()) stat += (v - e) ** 2 / e;
    const df = free.length - 1;
    expect(stat).toBeLessThan(df + 5 * Math.sqrt(2 * df));
  });

  it("keeps following the position column after the store grows", () => {
    const grid = createGrid({ width: 10, height: 10 });
    const store = createAgentStore("a", SCHEMA, 1);
    const occ = createOccupancy(grid, store, "pos");
    let r = store.stage();
    store.staged.pos[r] = 0;
    store.flush();
    for (let c = 1; c < 50; c++) {
      r = store.stage();
      store.staged.pos[r] = c;
    }
    store.flush();
    expect(store.capacity).toBeGreaterThanOrEqual(50);
    occ.move(0, 99);
    expect(store.col.pos[0]).toBe(99);
    expect(occ.occupant[0]).toBe(-1);
    expect(occ.occupant[99]).toBe(0);
    store.remove(0);
    expect(occ.isEmpty(99)).toBe(true);
    expect(occ.empty.size).toBe(100 - 49);
  });
});
