/**
 * Multi-occupancy spatial index: cell → the agents standing in it, as intrusive doubly linked
 * lists in typed arrays (head per cell, next/prev per agent id), so insert, remove and move are
 * O(1) and a cell's occupants are walked without allocation:
 *   for (let a = index.head[cell]; a !== -1; a = index.next[a]) { ... }
 * The store's position column is the truth; move agents with `move()` so the index follows.
 */
import type { AgentStore, Schema, StoreObserver } from "./agents.js";
import type { Grid } from "./grid.js";

/** Agents per cell, kept in step with one store's position column. */
export class CellIndex implements StoreObserver {
  /** First agent id in each cell, or -1. */
  readonly head: Int32Array;
  /** Next agent id in the same cell, or -1. */
  next: Int32Array = new Int32Array(0);
  /** Previous agent id in the same cell, or -1. */
  prev: Int32Array = new Int32Array(0);
  /** Number of agents in each cell. */
  readonly counts: Int32Array;
  private pos: { [i: number]: number } = [];
  private readonly store: AgentStore<Schema>;
  private readonly field: string;

  constructor(grid: Grid, store: AgentStore<Schema>, field: string) {
    if (!(field in store.schema)) throw new Error(`agent kind "${store.kind}" has no field "${field}"`);
    this.head = new Int32Array(grid.size).fill(-1);
    this.counts = new Int32Array(grid.size);
    this.store = store;
    this.field = field;
    store.observe(this);
  }

  /** @internal StoreObserver: link a newly added agent at its cell. */
  added(id: number): void {
    this.link(id, this.pos[id]!);
  }

  /** @internal StoreObserver: unlink a removed agent. */
  removed(id: number): void {
    this.unlink(id, this.pos[id]!);
  }

  /** @internal StoreObserver: grow per-agent links. */
  resized(capacity: number): void {
    // The store replaced its columns: re-read the position column (safe to cache until the next resize).
    this.pos = this.store.col[this.field]!;
    const next = new Int32Array(capacity).fill(-1);
    const prev = new Int32Array(capacity).fill(-1);
    next.set(this.next);
    prev.set(this.prev);
    this.next = next;
    this.prev = prev;
  }

  /** Move agent `id` to `cell`, updating the store's position column. */
  move(id: number, cell: number): void {
    const pos = this.pos;
    const from = pos[id]!;
    if (from === cell) return;
    this.unlink(id, from);
    pos[id] = cell;
    this.link(id, cell);
  }

  private link(id: number, cell: number): void {
    const h = this.head[cell]!;
    this.next[id] = h;
    this.prev[id] = -1;
    if (h !== -1) this.prev[h] = id;
    this.head[cell] = id;
    this.counts[cell]!++;
  }

  private unlink(id: number, cell: number): void {
    const p = this.prev[id]!;
    const n = this.next[id]!;
    if (p !== -1) this.next[p] = n;
    else this.head[cell] = n;
    if (n !== -1) this.prev[n] = p;
    this.next[id] = -1;
    this.prev[id] = -1;
    this.counts[cell]!--;
  }
}

/** Index the agents of `store` by the grid cell held in its `field` column. */
export function createCellIndex<S extends Schema>(
  grid: Grid,
  store: AgentStore<S>,
  field: keyof S & string,
): CellIndex {
  return new CellIndex(grid, store as unknown as AgentStore<Schema>, field);
}
