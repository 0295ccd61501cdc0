/**
 * What a citizen (or a cop) sees: the cells within its vision, as a precomputed offset table that
 * includes the agent's own cell. Four shapes, because the sources differ: NetLogo's Rebellion uses
 * `patches in-radius vision` (a Euclidean disk); Epstein (2002) lets agents inspect v lattice
 * positions north, south, east and west (the four-arm "lateral" cross of Sugarscape); von Neumann
 * (diamond) and Moore (square) are there for sensitivity runs.
 */
import type { Grid } from "../../engine/grid.js";

/** Shape of the vision field. */
export type VisionShape = "disk" | "von-neumann" | "moore" | "lateral";

/** The vision shapes, in documentation order. */
export const VISION_SHAPES = ["disk", "von-neumann", "moore", "lateral"] as const;

/** Whether offset (dx, dy) lies in a vision of this shape and radius. */
function inShape(shape: VisionShape, r: number, dx: number, dy: number): boolean {
  if (shape === "disk") return dx * dx + dy * dy <= r * r;
  if (shape === "von-neumann") return Math.abs(dx) + Math.abs(dy) <= r;
  if (shape === "lateral") return dx === 0 || dy === 0;
  return true; // moore: the whole (2r+1)² square
}

/** A vision field on one grid: offsets, plus wrap tables so edge cells cost two extra loads. */
export class Vision {
  /** Cells in the field, own cell included. */
  readonly count: number;
  /** Radius in cells. */
  readonly radius: number;
  /** Column offsets. */
  readonly dx: Int32Array;
  /** Row offsets. */
  readonly dy: Int32Array;
  /** Linear offsets, valid for cells at least `radius` from every edge. */
  readonly linear: Int32Array;
  // Every shape is a stack of centred row runs: row offset runDy[j] spans dx in [-runHalf[j], runHalf[j]].
  private readonly runDy: Int32Array;
  private readonly runHalf: Int32Array;
  private readonly torus: boolean;
  private readonly width: number;
  private readonly height: number;
  // wrapCol[x + radius + dx] = column of x + dx after wrapping, or -1 off a bounded grid.
  private readonly wrapCol: Int32Array;
  // wrapRow[y + radius + dy] = first cell of row y + dy after wrapping, or -1 off a bounded grid.
  private readonly wrapRow: Int32Array;
  // Column and row of every cell: a table read instead of two integer divisions per look.
  private readonly xOf: Int32Array;
  private readonly yOf: Int32Array;
  // 1 where the whole field of the cell lies inside the grid without wrapping (`isInterior`).
  private readonly inside: Uint8Array;

  constructor(grid: Grid, shape: VisionShape, radius: number) {
    if (!Number.isInteger(radius) || radius < 1) throw new RangeError("vision must be an integer ≥ 1");
    const dx: number[] = [];
    const dy: number[] = [];
    for (let oy = -radius; oy <= radius; oy++) {
      for (let ox = -radius; ox <= radius; ox++) {
        if (!inShape(shape, radius, ox, oy)) continue;
        dx.push(ox);
        dy.push(oy);
      }
    }
    this.radius = radius;
    this.count = dx.length;
    this.dx = Int32Array.from(dx);
    this.dy = Int32Array.from(dy);
    this.linear = Int32Array.from(dx.map((ox, i) => dy[i]! * grid.width + ox));
    const rows = [...new Set(dy)];
    this.runDy = Int32Array.from(rows);
    this.runHalf = Int32Array.from(rows.map((oy) => Math.max(...dx.filter((_, i) => dy[i] === oy))));
    this.torus = grid.torus;
    this.width = grid.width;
    this.height = grid.height;
    const wrap = (v: number, n: number) => (grid.torus ? ((v % n) + n) % n : v < 0 || v >= n ? -1 : v);
    this.wrapCol = Int32Array.from({ length: grid.width + 2 * radius }, (_, i) =>
      wrap(i - radius, grid.width),
    );
    this.wrapRow = Int32Array.from({ length: grid.height + 2 * radius }, (_, i) => {
      const y = wrap(i - radius, grid.height);
      return y < 0 ? -1 : y * grid.width;
    });
    // Plain loops: a vision is built per run, and Int32Array.from with a map function is slow.
    this.xOf = new Int32Array(grid.size);
    this.yOf = new Int32Array(grid.size);
    this.inside = new Uint8Array(grid.size);
    for (let c = 0; c < grid.size; c++) {
      this.xOf[c] = c % grid.width;
      this.yOf[c] = Math.floor(c / grid.width);
      this.inside[c] = this.isInterior(c) ? 1 : 0;
    }
  }

  /** Whether every offset of `cell` stays inside the grid without wrapping. */
  isInterior(cell: number): boolean {
    const r = this.radius;
    const x = this.xOf[cell]!;
    const y = this.yOf[cell]!;
    return x >= r && y >= r && x < this.width - r && y < this.height - r;
  }

  /** The cell at offset `i` from `cell`, or -1 when it falls off a bounded grid. */
  cellAt(cell: number, i: number): number {
    const x = this.xOf[cell]!;
    const y = this.yOf[cell]!;
    const row = this.wrapRow[y + this.radius + this.dy[i]!]!;
    const col = this.wrapCol[x + this.radius + this.dx[i]!]!;
    return row < 0 || col < 0 ? -1 : row + col;
  }

  /**
   * Sum of `layer` over the field of `cell` (own cell included); reads in place, row run by row
   * run, so memory is walked contiguously and wrapping costs a split, not a lookup per cell.
   */
  sum(layer: ArrayLike<number>, cell: number): number {
    let s = 0;
    if (this.inside[cell] === 1) {
      // Away from the edges the offsets run row by row, left to right: the same cells in the same
      // order as the row runs below, so the same float sum, in one loop.
      const lin = this.linear;
      for (let i = 0; i < lin.length; i++) s += layer[cell + lin[i]!]!;
      return s;
    }
    const w = this.width;
    const x = this.xOf[cell]!;
    const y = this.yOf[cell]!;
    const r = this.radius;
    for (let j = 0; j < this.runDy.length; j++) {
      const rowStart = this.wrapRow[y + r + this.runDy[j]!]!;
      if (rowStart < 0) continue;
      const h = this.runHalf[j]!;
      if (this.torus && 2 * h >= w) {
        // The run is at least as wide as the grid: cells repeat, as the wrapped geometry implies.
        for (let ox = -h; ox <= h; ox++) s += layer[rowStart + this.wrapCol[x + r + ox]!]!;
        continue;
      }
      const lo = x - h;
      const hi = x + h;
      const a = rowStart + Math.max(lo, 0);
      const b = rowStart + Math.min(hi, w - 1);
      for (let c = a; c <= b; c++) s += layer[c]!;
      if (!this.torus) continue;
      // The piece that wraps around to the other end of the row.
      if (lo < 0) for (let c = rowStart + lo + w; c < rowStart + w; c++) s += layer[c]!;
      else if (hi >= w) for (let c = rowStart; c <= rowStart + hi - w; c++) s += layer[c]!;
    }
    return s;
  }

  /**
   * Add `delta` to `layer` on every cell of the field of `cell`. Every shape is symmetric, so
   * afterwards layer[d] counts what lies within the field of d: neighbourhood counts kept up to
   * date at the cost of one field per change instead of one field per look.
   */
  add(layer: Int32Array, cell: number, delta: number): void {
    const w = this.width;
    const x = this.xOf[cell]!;
    const y = this.yOf[cell]!;
    const r = this.radius;
    for (let j = 0; j < this.runDy.length; j++) {
      const rowStart = this.wrapRow[y + r + this.runDy[j]!]!;
      if (rowStart < 0) continue;
      const h = this.runHalf[j]!;
      if (this.torus && 2 * h >= w) {
        for (let ox = -h; ox <= h; ox++) layer[rowStart + this.wrapCol[x + r + ox]!]! += delta;
        continue;
      }
      const lo = x - h;
      const hi = x + h;
      const a = rowStart + Math.max(lo, 0);
      const b = rowStart + Math.min(hi, w - 1);
      for (let c = a; c <= b; c++) layer[c]! += delta;
      if (!this.torus) continue;
      if (lo < 0) for (let c = rowStart + lo + w; c < rowStart + w; c++) layer[c]! += delta;
      else if (hi >= w) for (let c = rowStart; c <= rowStart + hi - w; c++) layer[c]! += delta;
    }
  }

  /**
   * Write into `out` the cells of the field of `cell` where `layer` is non-zero (own cell
   * included) and return how many; walks row runs like `sum`.
   */
  collect(layer: ArrayLike<number>, cell: number, out: Int32Array): number {
    const w = this.width;
    const x = this.xOf[cell]!;
    const y = this.yOf[cell]!;
    const r = this.radius;
    let k = 0;
    for (let j = 0; j < this.runDy.length; j++) {
      const rowStart = this.wrapRow[y + r + this.runDy[j]!]!;
      if (rowStart < 0) continue;
      const h = this.runHalf[j]!;
      if (this.torus && 2 * h >= w) {
        for (let ox = -h; ox <= h; ox++) {
          const c = rowStart + this.wrapCol[x + r + ox]!;
          if (layer[c] !== 0) out[k++] = c;
        }
        continue;
      }
      const lo = x - h;
      const hi = x + h;
      const a = rowStart + Math.max(lo, 0);
      const b = rowStart + Math.min(hi, w - 1);
      for (let c = a; c <= b; c++) if (layer[c] !== 0) out[k++] = c;
      if (!this.torus) continue;
      if (lo < 0) {
        for (let c = rowStart + lo + w; c < rowStart + w; c++) if (layer[c] !== 0) out[k++] = c;
      } else if (hi >= w) {
        for (let c = rowStart; c <= rowStart + hi - w; c++) if (layer[c] !== 0) out[k++] = c;
      }
    }
    return k;
  }

  /**
   * Write the field's cells into `out` (length ≥ count) and return how many there are; cells off
   * a bounded grid are dropped.
   */
  cells(cell: number, out: Int32Array): number {
    const n = this.count;
    if (this.isInterior(cell)) {
      const lin = this.linear;
      for (let i = 0; i < n; i++) out[i] = cell + lin[i]!;
      return n;
    }
    let k = 0;
    for (let i = 0; i < n; i++) {
      const c = this.cellAt(cell, i);
      if (c >= 0) out[k++] = c;
    }
    return k;
  }

  /**
   * A uniformly random cell of the field of `from` that is free: `a[c]` and `b[c]` are -1 (no
   * occupant of either kind) and `blocked[c]` is not set; -1 when there is none. Up to 32 random
   * offsets are tried first (an accepted try is uniform over the free cells; at Rebellion's
   * densities about one try in three succeeds, so 32 misses has odds near 1e-5); if all miss, a
   * full scan picks uniformly, so the result is uniform either way and never misses a free cell.
   */
  randomFree(
    from: number,
    a: Int32Array,
    b: Int32Array | undefined,
    blocked: Uint8Array | undefined,
    rng: { below(n: number): number },
    buf: Int32Array,
  ): number {
    const x = this.xOf[from]!;
    const y = this.yOf[from]!;
    const r = this.radius;
    for (let t = 0; t < 32; t++) {
      const i = rng.below(this.count);
      const row = this.wrapRow[y + r + this.dy[i]!]!;
      const col = this.wrapCol[x + r + this.dx[i]!]!;
      if (row < 0 || col < 0) continue;
      const c = row + col;
      if (a[c] === -1 && (b === undefined || b[c] === -1) && !blocked?.[c]) return c;
    }
    let k = 0;
    for (let i = 0; i < this.count; i++) {
      const c = this.cellAt(from, i);
      if (c >= 0 && a[c] === -1 && (b === undefined || b[c] === -1) && !blocked?.[c]) buf[k++] = c;
    }
    return k === 0 ? -1 : buf[rng.below(k)]!;
  }
}

/** Precompute the vision field of a shape and radius on a grid. */
export function createVision(grid: Grid, shape: VisionShape, radius: number): Vision {
  return new Vision(grid, shape, radius);
}
