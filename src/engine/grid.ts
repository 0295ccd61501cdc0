/**
 * A W×H grid of cells (bounded or torus) with named typed-array layers. Cells are numbered
 * row-major, `cell = y * width + x`, so any per-cell quantity is one flat typed array.
 */
import { type ArrayOfKind, allocate, type NumericArray, type NumericKind } from "./typed.js";

/** Options for `createGrid`. */
export interface GridOptions {
  /** Cells per row (≥ 1). */
  width: number;
  /** Rows (≥ 1). */
  height: number;
  /** Whether edges wrap around (torus) or stop (bounded, the default). */
  torus?: boolean;
}

/** Grid geometry plus its named layers. */
export class Grid {
  /** Cells per row. */
  readonly width: number;
  /** Number of rows. */
  readonly height: number;
  /** width × height. */
  readonly size: number;
  /** Whether edges wrap. */
  readonly torus: boolean;
  private readonly layers = new Map<string, { kind: NumericKind; data: NumericArray }>();

  constructor(opts: GridOptions) {
    if (!Number.isInteger(opts.width) || opts.width < 1)
      throw new RangeError("grid width must be an integer ≥ 1");
    if (!Number.isInteger(opts.height) || opts.height < 1) {
      throw new RangeError("grid height must be an integer ≥ 1");
    }
    this.width = opts.width;
    this.height = opts.height;
    this.size = opts.width * opts.height;
    this.torus = opts.torus ?? false;
  }

  /** Cell index of (x, y); no bounds check. */
  cell(x: number, y: number): number {
    return y * this.width + x;
  }

  /** Column of a cell. */
  x(cell: number): number {
    return cell % this.width;
  }

  /** Row of a cell. */
  y(cell: number): number {
    return Math.floor(cell / this.width);
  }

  /** Cell at (x, y) after wrapping (torus) or -1 when outside a bounded grid. */
  at(x: number, y: number): number {
    if (this.torus) {
      const w = this.width;
      const h = this.height;
      return (((y % h) + h) % h) * w + (((x % w) + w) % w);
    }
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return -1;
    return y * this.width + x;
  }

  /** Add a zero-filled layer (or filled with `fill`) and return its array. Throws if the name is taken. */
  addLayer<K extends NumericKind>(name: string, kind: K, fill = 0): ArrayOfKind<K> {
    if (this.layers.has(name)) throw new Error(`grid layer "${name}" already exists`);
    const data = allocate(kind, this.size);
    if (fill !== 0) data.fill(fill);
    this.layers.set(name, { kind, data });
    return data;
  }

  /** The layer's array, checked to be of the expected kind. Throws if missing or of another kind. */
  layer<K extends NumericKind>(name: string, kind: K): ArrayOfKind<K> {
    const l = this.layers.get(name);
    if (!l) throw new Error(`grid has no layer "${name}"`);
    if (l.kind !== kind) throw new Error(`grid layer "${name}" is ${l.kind}, not ${kind}`);
    return l.data as ArrayOfKind<K>;
  }

  /** Whether a layer of this name exists. */
  hasLayer(name: string): boolean {
    return this.layers.has(name);
  }

  /** Names and kinds of all layers, in creation order. */
  layerNames(): { name: string; kind: NumericKind }[] {
    return [...this.layers].map(([name, l]) => ({ name, kind: l.kind }));
  }

  /** Distance between two cells: Chebyshev, Manhattan or Euclidean, respecting wrap. */
  distance(a: number, b: number, metric: "chebyshev" | "manhattan" | "euclidean" = "euclidean"): number {
    let dx = Math.abs(this.x(a) - this.x(b));
    let dy = Math.abs(this.y(a) - this.y(b));
    if (this.torus) {
      dx = Math.min(dx, this.width - dx);
      dy = Math.min(dy, this.height - dy);
    }
    if (metric === "chebyshev") return Math.max(dx, dy);
    if (metric === "manhattan") return dx + dy;
    return Math.hypot(dx, dy);
  }
}

/** Create a grid. */
export function createGrid(opts: GridOptions): Grid {
  return new Grid(opts);
}
