/**
 * Incrementally maintained neighbourhood counts ("how many members of category k are within my
 * neighbourhood?") for every cell at once. Adding a member at cell c bumps the count of every
 * cell in c's neighbourhood; since Moore and von Neumann shapes are symmetric, a cell's count is
 * exactly the number of members in its own neighbourhood. A query then costs O(1) instead of a
 * scan of (2r+1)² cells, which pays when members move rarely relative to how often they look
 * (Schelling, Epstein's civil violence: agents look every tick, few move).
 */
import type { Neighborhood } from "./neighborhood.js";

/** Per-cell neighbourhood counts of K categories of members. */
export class FocalCounts {
  /** counts[k * size + cell] = members of category k in cell's neighbourhood. */
  readonly counts: Int32Array;
  /** Cells in the grid. */
  readonly size: number;
  /** Number of categories. */
  readonly categories: number;
  private readonly nb: Neighborhood;
  private readonly buf: Int32Array;

  constructor(nb: Neighborhood, size: number, categories: number) {
    this.nb = nb;
    this.size = size;
    this.categories = categories;
    this.counts = new Int32Array(size * categories);
    this.buf = nb.buffer();
  }

  /** Members of category k within the neighbourhood of cell. */
  count(cell: number, k: number): number {
    return this.counts[k * this.size + cell]!;
  }

  /** A member of category k appeared at cell. */
  add(cell: number, k: number): void {
    this.bump(cell, k, 1);
  }

  /** A member of category k left cell. */
  remove(cell: number, k: number): void {
    this.bump(cell, k, -1);
  }

  /** A member of category k moved from one cell to another. */
  move(from: number, to: number, k: number): void {
    this.bump(from, k, -1);
    this.bump(to, k, 1);
  }

  private bump(cell: number, k: number, delta: number): void {
    const base = k * this.size;
    const counts = this.counts;
    const nb = this.nb;
    // Interior cells: add straight through the linear offsets (no index buffer round trip).
    if (nb.isInterior(cell)) {
      const at = base + cell;
      const lin = nb.linear;
      for (let i = 0; i < lin.length; i++) counts[at + lin[i]!]! += delta;
      return;
    }
    const buf = this.buf;
    const n = nb.cells(cell, buf);
    for (let i = 0; i < n; i++) counts[base + buf[i]!]! += delta;
  }
}

/** Counts of `categories` kinds of members within `nb` of every one of `size` cells, all zero. */
export function createFocalCounts(nb: Neighborhood, size: number, categories: number): FocalCounts {
  return new FocalCounts(nb, size, categories);
}
