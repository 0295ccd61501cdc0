/**
 * Single-occupancy space: at most one agent per cell, plus the set of empty cells so that a
 * uniformly random empty cell costs O(1) (no rejection sampling that slows as the grid fills).
 * Cells can be blocked (never empty, never occupied). The store's position column is the truth;
 * move agents with `move()` so the occupancy follows.
 */
import type { AgentStore, Schema, StoreObserver } from "./agents.js";
import type { Grid } from "./grid.js";
import { SparseSet } from "./sparse-set.js";

/** One agent per cell for one store. */
export class Occupancy implements StoreObserver {
  /** Agent id in each cell, or -1 when empty or blocked. */
  readonly occupant: Int32Array;
  /** Empty, unblocked cells. */
  readonly empty: SparseSet;
  private readonly blocked: Uint8Array;
  private readonly kind: string;
  private pos: { [i: number]: number } = [];
  private readonly store: AgentStore<Schema>;
  private readonly field: string;

  constructor(grid: Grid, store: AgentStore<Schema>, field: string, blocked?: ArrayLike<number>) {
    if (!(field in store.schema)) throw new Error(`agent kind "${store.kind}" has no field "${field}"`);
    this.kind = store.kind;
    this.occupant = new Int32Array(grid.size).fill(-1);
    this.blocked = new Uint8Array(grid.size);
    this.empty = new SparseSet(grid.size);
    for (let c = 0; c < grid.size; c++) {
      if (blocked?.[c]) this.blocked[c] = 1;
      else this.empty.add(c);
    }
    this.store = store;
    this.field = field;
    store.observe(this);
  }

  /** Whether `cell` is free to move into. */
  isEmpty(cell: number): boolean {
    return this.occupant[cell] === -1 && this.blocked[cell] === 0;
  }

  /** Whether `cell` is blocked. */
  isBlocked(cell: number): boolean {
    return this.blocked[cell] === 1;
  }

  /** A uniformly random empty cell, or -1 when the space is full. */
  randomEmpty(rng: { below(n: number): number }): number {
    const n = this.empty.size;
    return n === 0 ? -1 : this.empty.dense[rng.below(n)]!;
  }

  /** Move agent `id` into the empty cell `cell`, updating the store's position column. */
  move(id: number, cell: number): void {
    if (!this.isEmpty(cell)) throw new Error(`cell ${cell} is not free for ${this.kind} ${id}`);
    const pos = this.pos;
    const from = pos[id]!;
    this.occupant[from] = -1;
    this.empty.add(from);
    this.occupant[cell] = id;
    this.empty.remove(cell);
    pos[id] = cell;
  }

  /** @internal StoreObserver: occupy the new agent's cell (it must be free). */
  added(id: number): void {
    const cell = this.pos[id]!;
    if (!this.isEmpty(cell)) throw new Error(`cell ${cell} is not free for new ${this.kind} ${id}`);
    this.occupant[cell] = id;
    this.empty.remove(cell);
  }

  /** @internal StoreObserver: free the removed agent's cell. */
  removed(id: number): void {
    const cell = this.pos[id]!;
    this.occupant[cell] = -1;
    this.empty.add(cell);
  }

  /** @internal StoreObserver: the store replaced its columns, so re-read the position column. */
  resized(): void {
    this.pos = this.store.col[this.field]!;
  }
}

/** One-agent-per-cell space for `store`, positions in its `field` column; `blocked[c]` ≠ 0 bars a cell. */
export function createOccupancy<S extends Schema>(
  grid: Grid,
  store: AgentStore<S>,
  field: keyof S & string,
  blocked?: ArrayLike<number>,
): Occupancy {
  return new Occupancy(grid, store as unknown as AgentStore<Schema>, field, blocked);
}
