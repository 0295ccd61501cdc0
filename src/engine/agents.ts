/**
 * Agent stores: one store per agent kind, one typed array per field (structure of arrays).
 *
 * Columns are indexed by agent id. Live ids sit in a dense list (swap-remove) with a sparse
 * id → position map, and freed ids are recycled, so columns stay about as long as the peak
 * population (bitECS-style entity index). The tick is locked: `stage()` and `remove()` may be
 * called at any time, but staged agents only join, and removed ids only become reusable, when
 * `flush()` runs — the scheduler flushes every store after each phase. A removed agent is
 * marked dead at once, so it neither acts nor is found later in the same phase.
 *
 * Column arrays are replaced only inside `flush()` (when capacity grows), so a phase may cache
 * `store.col.x` in a local. `staged` arrays may be replaced by `stage()`: read them afresh.
 */
import { type ArrayOfKind, allocate, grow, type NumericKind } from "./typed.js";

/** Field name → element kind of an agent kind. */
export type Schema = Record<string, NumericKind>;

/** The typed columns of a schema. */
export type Columns<S extends Schema> = { [K in keyof S]: ArrayOfKind<S[K]> };

/** Something that mirrors a store's membership (a spatial index, say). */
export interface StoreObserver {
  /** Agent `id` joined (called during flush, after its columns are written). */
  added(id: number): void;
  /** Agent `id` was removed (called at `remove()` time). */
  removed(id: number): void;
  /** Columns grew to `capacity` ids. */
  resized(capacity: number): void;
}

/** A store of agents of one kind. */
export class AgentStore<S extends Schema> {
  /** Kind name, for messages. */
  readonly kind: string;
  /** Field kinds. */
  readonly schema: S;
  /** Field columns, indexed by id. Stable within a phase. */
  col: Columns<S>;
  /** Field columns of staged (not yet added) agents, indexed by staging row. */
  staged: Columns<S>;
  /** Live agents, including ones removed in the current phase until the flush. */
  count = 0;
  /** Length of every column. */
  capacity: number;
  /** Number of staged rows waiting for the next flush. */
  stagedCount = 0;

  private readonly fields: (keyof S & string)[];
  private dense: Int32Array;
  private sparse: Int32Array;
  private live: Uint8Array;
  private free: Int32Array;
  private freeCount = 0;
  private nextId = 0;
  private removals: Int32Array;
  private removalCount = 0;
  private stagedCapacity: number;
  private orderBuf: Int32Array;
  private orderView: Int32Array = new Int32Array(0);
  private readonly observers: StoreObserver[] = [];

  constructor(kind: string, schema: S, capacity = 64) {
    this.kind = kind;
    this.schema = schema;
    this.fields = Object.keys(schema) as (keyof S & string)[];
    this.capacity = Math.max(1, capacity);
    this.col = this.makeColumns(this.capacity);
    this.stagedCapacity = 16;
    this.staged = this.makeColumns(this.stagedCapacity);
    this.dense = new Int32Array(this.capacity);
    this.sparse = new Int32Array(this.capacity).fill(-1);
    this.live = new Uint8Array(this.capacity);
    this.free = new Int32Array(this.capacity);
    this.removals = new Int32Array(16);
    this.orderBuf = new Int32Array(this.capacity);
  }

  /** Whether `id` is a live agent not removed in this phase. */
  has(id: number): boolean {
    return id >= 0 && id < this.capacity && this.live[id] === 1;
  }

  /** Number of live agents, not counting ones removed in this phase. */
  get alive(): number {
    return this.count - this.removalCount;
  }

  /** Stage a new agent (fields zeroed) and return its staging row; it gets an id at flush. */
  stage(): number {
    // Rows past stagedCount are always zero (new, grown, or cleared by flush), so nothing to zero here.
    if (this.stagedCount === this.stagedCapacity) {
      this.stagedCapacity *= 2;
      for (const f of this.fields) this.staged[f] = grow(this.staged[f], this.stagedCapacity);
    }
    return this.stagedCount++;
  }

  /** Stage a copy of live agent `id` (every field) and return its staging row. */
  stageCopy(id: number): number {
    const k = this.stage();
    for (const f of this.fields) this.staged[f][k] = this.col[f][id]!;
    return k;
  }

  /** Remove agent `id`: dead at once, its id reusable after the flush. Returns false if not live. */
  remove(id: number): boolean {
    if (!this.has(id)) return false;
    this.live[id] = 0;
    if (this.removalCount === this.removals.length)
      this.removals = grow(this.removals, this.removals.length * 2);
    this.removals[this.removalCount++] = id;
    for (const o of this.observers) o.removed(id);
    return true;
  }

  /**
   * Apply buffered removals, then staged spawns (which get ids in staging order, recycled ids
   * first, most recently freed first). Returns the number of agents added.
   */
  flush(): number {
    for (let i = 0; i < this.removalCount; i++) {
      const id = this.removals[i]!;
      const pos = this.sparse[id]!;
      const last = this.dense[--this.count]!;
      this.dense[pos] = last;
      this.sparse[last] = pos;
      this.sparse[id] = -1;
      this.free[this.freeCount++] = id;
    }
    this.removalCount = 0;
    const n = this.stagedCount;
    if (n === 0) return 0;
    const needed = this.nextId + Math.max(0, n - this.freeCount);
    if (needed > this.capacity) this.resize(Math.max(needed, this.capacity * 2));
    const first = this.count;
    for (let k = 0; k < n; k++) {
      const id = this.freeCount > 0 ? this.free[--this.freeCount]! : this.nextId++;
      this.live[id] = 1;
      this.sparse[id] = this.count;
      this.dense[this.count++] = id;
    }
    // Field by field: one look-up of each column by name per flush, not one per agent and field.
    for (const f of this.fields) {
      const dst = this.col[f];
      const src = this.staged[f];
      for (let k = 0; k < n; k++) dst[this.dense[first + k]!] = src[k]!;
      src.fill(0, 0, n);
    }
    this.stagedCount = 0;
    for (const o of this.observers) {
      for (let i = this.count - n; i < this.count; i++) o.added(this.dense[i]!);
    }
    return n;
  }

  /**
   * Live ids in dense order (insertion order, perturbed only by swap-remove), shuffled in place
   * when an rng is given. The returned view is reused by the next call to `order()`.
   */
  order(rng?: { shuffle(a: Int32Array, n: number): unknown }): Int32Array {
    const n = this.count;
    const buf = this.orderBuf;
    let k = 0;
    for (let i = 0; i < n; i++) {
      const id = this.dense[i]!;
      if (this.live[id] === 1) buf[k++] = id;
    }
    if (rng) rng.shuffle(buf, k);
    // The view of the last call serves again when its length fits (no new object per call).
    if (this.orderView.buffer !== buf.buffer || this.orderView.length !== k)
      this.orderView = buf.subarray(0, k);
    return this.orderView;
  }

  /** Live ids in ascending id order (a fresh array). */
  sortedIds(): Int32Array {
    return this.order().slice().sort();
  }

  /** Register an observer; it is told of every agent already live. */
  observe(o: StoreObserver): void {
    this.observers.push(o);
    o.resized(this.capacity);
    for (let i = 0; i < this.count; i++) {
      const id = this.dense[i]!;
      if (this.live[id] === 1) o.added(id);
    }
  }

  /** Make room for at least `n` ids without further growth. */
  reserve(n: number): void {
    if (n > this.capacity) this.resize(n);
  }

  private resize(capacity: number): void {
    for (const f of this.fields) this.col[f] = grow(this.col[f], capacity);
    this.dense = grow(this.dense, capacity);
    const sparse = new Int32Array(capacity).fill(-1);
    sparse.set(this.sparse);
    this.sparse = sparse;
    this.live = grow(this.live, capacity);
    this.free = grow(this.free, capacity);
    this.orderBuf = new Int32Array(capacity);
    this.capacity = capacity;
    for (const o of this.observers) o.resized(capacity);
  }

  private makeColumns(length: number): Columns<S> {
    const out = {} as Columns<S>;
    for (const f of this.fields) out[f] = allocate(this.schema[f]!, length) as Columns<S>[typeof f];
    return out;
  }
}

/** Create an empty store for one agent kind with the given typed fields. */
export function createAgentStore<S extends Schema>(
  kind: string,
  schema: S,
  capacity?: number,
): AgentStore<S> {
  return new AgentStore(kind, schema, capacity);
}
