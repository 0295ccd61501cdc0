/**
 * Moore (Chebyshev) and von Neumann (Manhattan) neighbourhoods of radius r, precomputed once as
 * offset tables. `cells()` writes neighbour indices into a caller-owned buffer, so iterating a
 * neighbourhood allocates nothing; interior cells take a branch-free path over linear offsets.
 */
import type { Grid } from "./grid.js";

/** Which distance defines the neighbourhood. */
export type NeighborhoodKind = "moore" | "von-neumann";

/** A precomputed neighbourhood shape on one grid. */
export class Neighborhood {
  /** Number of offsets (cells in the full neighbourhood, centre excluded). */
  readonly count: number;
  /** Column offsets. */
  readonly dx: Int32Array;
  /** Row offsets. */
  readonly dy: Int32Array;
  /** Linear offsets, valid for cells at least `radius` away from every edge. */
  readonly linear: Int32Array;
  readonly radius: number;
  private readonly grid: Grid;

  constructor(grid: Grid, kind: NeighborhoodKind, radius: number) {
    if (!Number.isInteger(radius) || radius < 1)
      throw new RangeError("neighbourhood radius must be an integer ≥ 1");
    const dx: number[] = [];
    const dy: number[] = [];
    for (let oy = -radius; oy <= radius; oy++) {
      for (let ox = -radius; ox <= radius; ox++) {
        if (ox === 0 && oy === 0) continue;
        if (kind === "von-neumann" && Math.abs(ox) + Math.abs(oy) > radius) continue;
        dx.push(ox);
        dy.push(oy);
      }
    }
    this.grid = grid;
    this.radius = radius;
    this.count = dx.length;
    this.dx = Int32Array.from(dx);
    this.dy = Int32Array.from(dy);
    this.linear = Int32Array.from(dx.map((ox, i) => dy[i]! * grid.width + ox));
  }

  /** A buffer big enough for any `cells()` call. */
  buffer(): Int32Array {
    return new Int32Array(this.count);
  }

  /** Whether every offset of `cell` stays inside the grid without wrapping. */
  isInterior(cell: number): boolean {
    const w = this.grid.width;
    const r = this.radius;
    const x = cell % w;
    const y = (cell - x) / w;
    return x >= r && y >= r && x < w - r && y < this.grid.height - r;
  }

  /** Sum of `layer` over the neighbours of `cell` (centre excluded); reads in place, no buffer. */
  sum(layer: ArrayLike<number>, cell: number): number {
    let s = 0;
    if (this.isInterior(cell)) {
      const lin = this.linear;
      for (let i = 0; i < this.count; i++) s += layer[cell + lin[i]!]!;
      return s;
    }
    const g = this.grid;
    const w = g.width;
    const h = g.height;
    const x = cell % w;
    const y = (cell - x) / w;
    for (let i = 0; i < this.count; i++) {
      let nx = x + this.dx[i]!;
      let ny = y + this.dy[i]!;
      if (g.torus) {
        nx = ((nx % w) + w) % w;
        ny = ((ny % h) + h) % h;
      } else if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
      s += layer[ny * w + nx]!;
    }
    return s;
  }

  /**
   * Write the neighbours of `cell` into `out` and return how many there are. On a bounded grid,
   * offsets falling outside are dropped; on a torus they wrap (a cell can then appear twice when
   * 2r+1 exceeds the grid size, exactly as the wrapped geometry implies).
   */
  cells(cell: number, out: Int32Array): number {
    const g = this.grid;
    const w = g.width;
    const h = g.height;
    const r = this.radius;
    const x = cell % w;
    const y = (cell - x) / w;
    const n = this.count;
    if (x >= r && y >= r && x < w - r && y < h - r) {
      const lin = this.linear;
      for (let i = 0; i < n; i++) out[i] = cell + lin[i]!;
      return n;
    }
    const dx = this.dx;
    const dy = this.dy;
    let k = 0;
    if (g.torus) {
      for (let i = 0; i < n; i++) {
        let nx = x + dx[i]!;
        let ny = y + dy[i]!;
        if (nx < 0) nx += w * Math.ceil(-nx / w);
        else if (nx >= w) nx %= w;
        if (ny < 0) ny += h * Math.ceil(-ny / h);
        else if (ny >= h) ny %= h;
        out[k++] = ny * w + nx;
      }
      return k;
    }
    for (let i = 0; i < n; i++) {
      const nx = x + dx[i]!;
      const ny = y + dy[i]!;
      if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
      out[k++] = ny * w + nx;
    }
    return k;
  }
}

/** Precompute a neighbourhood of the given kind and radius on a grid. */
export function createNeighborhood(grid: Grid, kind: NeighborhoodKind, radius = 1): Neighborhood {
  return new Neighborhood(grid, kind, radius);
}
