import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AgentStore, createAgentStore, type StoreObserver } from "../../../src/engine/agents.js";
import { createRngHub } from "../../../src/engine/rng.js";

const SCHEMA = { tag: "f64", a: "i32", b: "u8", c: "f32" } as const;
type Store = AgentStore<typeof SCHEMA>;
type Vals = { tag: number; a: number; b: number; c: number };
const FIELDS = ["tag", "a", "b", "c"] as const;

const sortNum = (xs: Iterable<number>): number[] => [...xs].sort((x, y) => x - y);

type Op =
  | { t: "stage"; a: number | null; b: number | null; c: number | null }
  | { t: "copy"; pick: number }
  | { t: "remove"; pick: number; valid: boolean }
  | { t: "write"; pick: number; a: number }
  | { t: "flush" }
  | { t: "order"; seed: number }
  | { t: "observe" }
  | { t: "reserve"; n: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({
        a: fc.option(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })),
        b: fc.option(fc.integer({ min: 0, max: 255 })),
        c: fc.option(fc.integer({ min: -1_000_000, max: 1_000_000 }).map((x) => x / 8)),
      })
      .map((r): Op => ({ t: "stage", ...r })),
  },
  { weight: 2, arbitrary: fc.nat().map((pick): Op => ({ t: "copy", pick })) },
  {
    weight: 5,
    arbitrary: fc.record({ pick: fc.nat(), valid: fc.boolean() }).map((r): Op => ({ t: "remove", ...r })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ pick: fc.nat(), a: fc.integer({ min: -1000, max: 1000 }) })
      .map((r): Op => ({ t: "write", ...r })),
  },
  { weight: 4, arbitrary: fc.constant<Op>({ t: "flush" }) },
  { weight: 1, arbitrary: fc.nat().map((seed): Op => ({ t: "order", seed })) },
  { weight: 1, arbitrary: fc.constant<Op>({ t: "observe" }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 80 }).map((n): Op => ({ t: "reserve", n })) },
);

/** An observer that mirrors membership and records any inconsistency it sees while being called. */
class MirrorObserver implements StoreObserver {
  readonly members = new Set<number>();
  capacity = -1;
  readonly errors: string[] = [];
  constructor(
    private readonly store: Store,
    private readonly pendingTags: () => Set<number>,
  ) {}
  added(id: number): void {
    if (this.members.has(id)) this.errors.push(`added ${id} twice`);
    if (!this.store.has(id)) this.errors.push(`added ${id} but store.has is false`);
    // Columns must already be written when `added` fires.
    if (!this.pendingTags().has(this.store.col.tag[id]!)) this.errors.push(`added ${id} before its columns`);
    this.members.add(id);
  }
  removed(id: number): void {
    if (!this.members.has(id)) this.errors.push(`removed ${id} that was not a member`);
    if (this.store.has(id)) this.errors.push(`removed ${id} but store.has is still true`);
    this.members.delete(id);
  }
  resized(capacity: number): void {
    if (capacity < this.capacity) this.errors.push(`capacity shrank ${this.capacity} → ${capacity}`);
    if (capacity !== this.store.capacity)
      this.errors.push(`resized(${capacity}) but capacity ${this.store.capacity}`);
    this.capacity = capacity;
  }
}

function runOps(initialCapacity: number, ops: Op[]): void {
  const store = createAgentStore("thing", SCHEMA, initialCapacity);
  const live = new Map<number, Vals>();
  let staged: Vals[] = [];
  let removals: number[] = []; // in removal order since the last flush
  // Documented id assignment: recycled ids first, most recently freed first, then fresh ids.
  const free: number[] = [];
  let nextId = 0;
  let tagCounter = 0;
  let peak = 0;
  let maxReserve = 0;
  const observers: MirrorObserver[] = [];
  let pendingTags = new Set<number>();
  const newObserver = (): void => {
    const o = new MirrorObserver(store, () => pendingTags);
    observers.push(o);
    // A late observer is told about the live agents, whose columns are already written.
    pendingTags = new Set([...live.values()].map((v) => v.tag));
    store.observe(o);
    pendingTags = new Set();
  };
  newObserver();
  const liveSorted = (): number[] => sortNum(live.keys());

  const same = (what: string, got: number[], want: number[]): void => {
    if (got.join() !== want.join()) expect.fail(`${what}: got [${got}], want [${want}]`);
  };
  const checkAll = (): void => {
    if (store.alive !== live.size) expect.fail(`alive ${store.alive}, model ${live.size}`);
    if (store.count !== live.size + removals.length) expect.fail(`count ${store.count}`);
    if (store.stagedCount !== staged.length) expect.fail(`stagedCount ${store.stagedCount}`);
    const want = liveSorted();
    const order = Array.from(store.order());
    if (order.length !== live.size) expect.fail(`order() has ${order.length} ids, model ${live.size}`);
    same("order()", sortNum(order), want);
    same("sortedIds()", Array.from(store.sortedIds()), want);
    for (let id = -2; id < store.capacity + 3; id++) {
      if (store.has(id) !== live.has(id))
        expect.fail(`has(${id}) = ${store.has(id)}, model says ${live.has(id)}`);
    }
    for (const f of FIELDS) if (store.col[f].length !== store.capacity) expect.fail(`col.${f} length`);
    for (const [id, v] of live) {
      for (const f of FIELDS) {
        if (store.col[f][id] !== v[f]) expect.fail(`col.${f}[${id}] = ${store.col[f][id]}, model ${v[f]}`);
      }
    }
    for (const o of observers) {
      if (o.errors.length > 0) expect.fail(o.errors.join("; "));
      same("observer members", sortNum(o.members), want);
      if (o.capacity !== store.capacity) expect.fail(`observer capacity ${o.capacity} vs ${store.capacity}`);
    }
    peak = Math.max(peak, live.size + staged.length);
    const capLimit = Math.max(Math.max(1, initialCapacity), 2 * peak, maxReserve);
    if (store.capacity > capLimit) expect.fail(`capacity ${store.capacity} > ${capLimit}`);
  };

  checkAll();
  for (const op of ops) {
    switch (op.t) {
      case "stage": {
        const before = sortNum(store.order());
        const row = store.stage();
        expect(row).toBe(staged.length);
        for (const f of FIELDS) expect(store.staged[f][row]).toBe(0); // rows start zeroed
        const v: Vals = { tag: ++tagCounter, a: op.a ?? 0, b: op.b ?? 0, c: Math.fround(op.c ?? 0) };
        store.staged.tag[row] = v.tag;
        if (op.a !== null) store.staged.a[row] = op.a;
        if (op.b !== null) store.staged.b[row] = op.b;
        if (op.c !== null) store.staged.c[row] = op.c;
        staged.push(v);
        // Staged agents are invisible until the flush.
        expect(sortNum(store.order())).toEqual(before);
        break;
      }
      case "copy": {
        const ids = liveSorted();
        if (ids.length === 0) break;
        const id = ids[op.pick % ids.length]!;
        const row = store.stageCopy(id);
        expect(row).toBe(staged.length);
        const src = live.get(id)!;
        for (const f of FIELDS) expect(store.staged[f][row]).toBe(src[f]);
        const v = { ...src, tag: ++tagCounter };
        store.staged.tag[row] = v.tag;
        staged.push(v);
        break;
      }
      case "remove": {
        let id: number;
        if (op.valid) {
          const ids = liveSorted();
          if (ids.length === 0) break;
          id = ids[op.pick % ids.length]!;
        } else {
          id = (op.pick % (store.capacity + 4)) - 1;
        }
        const expected = live.has(id);
        expect(store.remove(id)).toBe(expected);
        if (expected) {
          live.delete(id);
          removals.push(id);
          // Dead at once: not found, not in order().
          expect(store.has(id)).toBe(false);
          expect(Array.from(store.order())).not.toContain(id);
        }
        break;
      }
      case "write": {
        const ids = liveSorted();
        if (ids.length === 0) break;
        const id = ids[op.pick % ids.length]!;
        store.col.a[id] = op.a;
        live.get(id)!.a = op.a;
        break;
      }
      case "flush": {
        for (const id of removals) free.push(id);
        const predicted = staged.map(() => (free.length > 0 ? free.pop()! : nextId++));
        const before = new Set(live.keys());
        pendingTags = new Set(staged.map((v) => v.tag));
        expect(store.flush()).toBe(staged.length);
        pendingTags = new Set();
        const after = Array.from(store.order());
        const added = after.filter((id) => !before.has(id));
        expect(added.length).toBe(staged.length);
        const byTag = new Map(staged.map((v, k) => [v.tag, k]));
        const seenRows = new Set<number>();
        for (const id of added) {
          expect(Number.isInteger(id) && id >= 0).toBe(true);
          // The store never needs an id beyond the peak number of coexisting (live + staged) agents.
          expect(id).toBeLessThan(peak);
          const k = byTag.get(store.col.tag[id]!);
          expect(k).toBeDefined();
          seenRows.add(k!);
          expect(id).toBe(predicted[k!]);
          live.set(id, staged[k!]!);
        }
        expect(seenRows.size).toBe(staged.length);
        staged = [];
        removals = [];
        break;
      }
      case "order": {
        const plain = Array.from(store.order());
        const shuffled = Array.from(store.order(createRngHub(op.seed).stream("o")));
        expect(sortNum(shuffled)).toEqual(sortNum(plain));
        break;
      }
      case "observe":
        newObserver();
        break;
      case "reserve":
        store.reserve(op.n);
        maxReserve = Math.max(maxReserve, op.n);
        expect(store.capacity).toBeGreaterThanOrEqual(op.n);
        break;
    }
    checkAll();
  }
}

describe("AgentStore", () => {
  it("property: matches a reference Map model under random stage / copy / remove / flush / order", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.array(opArb, { maxLength: 80, size: "max" }),
        (cap, ops) => runOps(cap, ops),
      ),
      { numRuns: 150 },
    );
  });

  it("staged agents are invisible until flush, then get ids 0..n-1 in staging order", () => {
    const s = createAgentStore("a", { x: "f64" }, 2);
    for (let i = 0; i < 5; i++) {
      const r = s.stage();
      s.staged.x[r] = 10 + i;
    }
    expect(s.alive).toBe(0);
    expect(s.count).toBe(0);
    expect(s.order().length).toBe(0);
    expect(s.has(0)).toBe(false);
    expect(s.flush()).toBe(5);
    expect(Array.from(s.order())).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(s.col.x.subarray(0, 5))).toEqual([10, 11, 12, 13, 14]);
    expect(s.capacity).toBeGreaterThanOrEqual(5);
  });

  it("a removed agent is dead at once but still counted until the flush", () => {
    const s = createAgentStore("a", { x: "i32" });
    for (let i = 0; i < 4; i++) s.stage();
    s.flush();
    expect(s.remove(2)).toBe(true);
    expect(s.has(2)).toBe(false);
    expect(Array.from(s.order())).not.toContain(2);
    expect(s.alive).toBe(3);
    expect(s.count).toBe(4);
    expect(s.remove(2)).toBe(false);
    expect(s.remove(-1)).toBe(false);
    expect(s.remove(10_000)).toBe(false);
    s.flush();
    expect(s.count).toBe(3);
    expect(s.alive).toBe(3);
  });

  it("recycles freed ids, most recently freed first, before fresh ones", () => {
    const s = createAgentStore("a", { x: "i32" });
    for (let i = 0; i < 5; i++) s.stage();
    s.flush();
    s.remove(1);
    s.remove(3);
    for (let i = 0; i < 3; i++) {
      const r = s.stage();
      s.staged.x[r] = 100 + i;
    }
    s.flush();
    expect(s.col.x[3]).toBe(100);
    expect(s.col.x[1]).toBe(101);
    expect(s.col.x[5]).toBe(102);
    expect(s.sortedIds()).toEqual(Int32Array.from([0, 1, 2, 3, 4, 5]));
  });

  it("a reused staging row is zeroed, and growing the staging area keeps earlier rows", () => {
    const s = createAgentStore("a", { x: "i32", y: "f64" });
    const r0 = s.stage();
    s.staged.x[r0] = 7;
    s.staged.y[r0] = 1.5;
    s.flush();
    const r1 = s.stage();
    expect(r1).toBe(0);
    expect(s.staged.x[r1]).toBe(0);
    expect(s.staged.y[r1]).toBe(0);
    for (let i = 1; i < 40; i++) {
      const r = s.stage();
      s.staged.x[r] = i;
    }
    for (let i = 1; i < 40; i++) expect(s.staged.x[i]).toBe(i);
    s.flush();
    expect(s.alive).toBe(41);
    expect(s.col.x[0]).toBe(7);
    expect(s.col.y[0]).toBe(1.5);
  });

  it("columns keep their values when capacity grows", () => {
    const s = createAgentStore("a", { x: "u16" }, 1);
    for (let i = 0; i < 3; i++) {
      const r = s.stage();
      s.staged.x[r] = i + 1;
    }
    s.flush();
    for (let i = 0; i < 100; i++) {
      const r = s.stage();
      s.staged.x[r] = i + 4;
    }
    s.flush();
    expect(s.capacity).toBeGreaterThanOrEqual(103);
    for (let id = 0; id < 103; id++) expect(s.col.x[id]).toBe(id + 1);
  });

  it("order(rng) is a permutation of order() and changes from call to call", () => {
    const s = createAgentStore("a", { x: "u8" });
    for (let i = 0; i < 30; i++) s.stage();
    s.flush();
    const rng = createRngHub(1).stream("o");
    const plain = Array.from(s.order());
    const a = Array.from(s.order(rng));
    const b = Array.from(s.order(rng));
    expect(sortNum(a)).toEqual(plain);
    expect(sortNum(b)).toEqual(plain);
    expect(a).not.toEqual(b);
  });

  it("observe() tells a late observer about every agent already live, not removed ones", () => {
    const s = createAgentStore("a", { x: "u8" }, 4);
    for (let i = 0; i < 6; i++) s.stage();
    s.flush();
    s.remove(4);
    const seen: string[] = [];
    s.observe({
      added: (id) => seen.push(`+${id}`),
      removed: (id) => seen.push(`-${id}`),
      resized: (c) => seen.push(`cap${c}`),
    });
    expect(seen[0]).toBe(`cap${s.capacity}`);
    expect(sortNum(seen.slice(1).map((e) => Number(e.slice(1))))).toEqual([0, 1, 2, 3, 5]);
    expect(seen.slice(1).every((e) => e.startsWith("+"))).toBe(true);
  });

  it("capacity 0 is treated as 1 and still grows", () => {
    const s = new AgentStore("a", { x: "i8" }, 0);
    expect(s.capacity).toBe(1);
    s.stage();
    s.stage();
    s.flush();
    expect(s.capacity).toBeGreaterThanOrEqual(2);
    expect(s.alive).toBe(2);
  });
});
