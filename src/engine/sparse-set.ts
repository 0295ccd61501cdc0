/**
 * A set of small non-negative integers with O(1) add, remove, membership and uniform random pick:
 * a dense array of members plus a sparse array of positions (Briggs & Torczon 1993). Removal swaps
 * the last member into the hole, so member order is deterministic but not insertion order.
 */
export class SparseSet {
  /** Members in positions 0..size-1. */
  dense: Int32Array;
  /** Position of each value in `dense`, or -1. */
  sparse: Int32Array;
  /** Number of members. */
  size = 0;

  constructor(universe: number) {
    this.dense = new Int32Array(universe);
    this.sparse = new Int32Array(universe).fill(-1);
  }

  /** Whether v is a member. */
  has(v: number): boolean {
    return this.sparse[v]! >= 0;
  }

  /** Add v (no-op if present). */
  add(v: number): void {
    if (this.sparse[v]! >= 0) return;
    this.dense[this.size] = v;
    this.sparse[v] = this.size++;
  }

  /** Remove v (no-op if absent). */
  remove(v: number): void {
    const i = this.sparse[v]!;
    if (i < 0) return;
    const last = this.dense[--this.size]!;
    this.dense[i] = last;
    this.sparse[last] = i;
    this.sparse[v] = -1;
  }

  /** Remove every member. */
  clear(): void {
    for (let i = 0; i < this.size; i++) this.sparse[this.dense[i]!] = -1;
    this.size = 0;
  }
}

/** Create an empty sparse set over the values 0..universe-1. */
export function createSparseSet(universe: number): SparseSet {
  return new SparseSet(universe);
}
