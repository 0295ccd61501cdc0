/**
 * The priority queue of the path searches: a binary min-heap of (cell, priority) in typed arrays,
 * used with lazy deletion (a cell whose cost improves is pushed again; the stale entry is skipped
 * when popped), which measured faster than an indexed decrease-key heap on grid fields. It grows by
 * doubling and never shrinks, so once grown a search allocates nothing. Equal priorities leave in
 * a fixed order (the sift rules below), which is what makes a field's tie-breaks reproducible.
 */
export class CellHeap {
  /** Cell of each entry, in heap order. */
  ids: Int32Array;
  /** Priority of each entry, in heap order; the smallest is at 0. */
  values: Float64Array;
  /** Entries in use. */
  length = 0;

  constructor(capacity = 4096) {
    this.ids = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
  }

  /** Add `id` with priority `value`, doubling the arrays first when full. */
  push(id: number, value: number): void {
    if (this.length === this.ids.length) this.grow();
    const { ids, values } = this;
    let pos = this.length++;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pv = values[parent]!;
      if (value >= pv) break;
      ids[pos] = ids[parent]!;
      values[pos] = pv;
      pos = parent;
    }
    ids[pos] = id;
    values[pos] = value;
  }

  /** Remove the top entry; read its id and value at `ids[0]` / `values[0]` first. */
  pop(): void {
    const { ids, values } = this;
    const last = --this.length;
    if (last <= 0) return;
    const id = ids[last]!;
    const value = values[last]!;
    let pos = 0;
    const half = last >> 1;
    while (pos < half) {
      const left = 2 * pos + 1;
      const right = left + 1;
      // The smaller child, the left one on a tie or when there is no right one (right ≤ last, so
      // the read stays in the array). Branch-free: the branch it replaces cost about a third of a field.
      const child = left + (+(right < last) & +(values[right]! < values[left]!));
      if (values[child]! >= value) break;
      ids[pos] = ids[child]!;
      values[pos] = values[child]!;
      pos = child;
    }
    ids[pos] = id;
    values[pos] = value;
  }

  /** Restore the heap order after `ids` / `values[0..length)` were rewritten in place (Floyd's bottom-up build). */
  heapify(): void {
    for (let i = (this.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  // pop() keeps its own branch-free sift (its hot path); this plain one serves only heapify().
  private siftDown(start: number): void {
    const { ids, values } = this;
    const n = this.length;
    const id = ids[start]!;
    const value = values[start]!;
    let pos = start;
    for (;;) {
      const left = 2 * pos + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && values[right]! < values[left]! ? right : left;
      if (values[child]! >= value) break;
      ids[pos] = ids[child]!;
      values[pos] = values[child]!;
      pos = child;
    }
    ids[pos] = id;
    values[pos] = value;
  }

  private grow(): void {
    const ids = new Int32Array(Math.max(16, this.ids.length * 2));
    ids.set(this.ids);
    const values = new Float64Array(ids.length);
    values.set(this.values);
    this.ids = ids;
    this.values = values;
  }
}
