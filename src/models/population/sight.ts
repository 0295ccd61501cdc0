/**
 * Which cells have some security in sight, for one pass of citizens over a security layer that
 * stays fixed during the pass: where none is in sight, C = 0 and the estimated arrest probability
 * is 0 without summing the vision (most cells of a large map, most days). Security is ≥ 0, so a
 * vision with no non-zero cell sums to exactly 0: the shortcut gives the same P to the bit.
 */
import type { Vision } from "./vision.js";

/** Cells with a non-zero security cell within their vision, between `refresh` and `release`. */
export class SecuritySight {
  // Non-zero security cells within the vision of each cell (vision fields are symmetric).
  private readonly inSight: Int32Array;
  private readonly marked: Int32Array;
  private n = 0;
  private held = false;

  constructor(
    private readonly vision: Vision,
    size: number,
  ) {
    this.inSight = new Int32Array(size);
    this.marked = new Int32Array(size);
  }

  /**
   * Count from `security`, which must not change until `release`; undoes the previous count cell by
   * cell, so a refresh costs a pass over the layer and the vision of its non-zero cells.
   */
  refresh(security: ArrayLike<number>): void {
    for (let i = 0; i < this.n; i++) this.vision.add(this.inSight, this.marked[i]!, -1);
    let n = 0;
    for (let c = 0; c < security.length; c++) {
      // NaN and negative cells count as in sight: their sums are left to the vision.
      if (security[c] === 0) continue;
      this.vision.add(this.inSight, c, 1);
      this.marked[n++] = c;
    }
    this.n = n;
    this.held = true;
  }

  /** The layer may change again: `none` answers false until the next refresh. */
  release(): void {
    this.held = false;
  }

  /** Whether, while held, no security cell lies within the vision of `cell` (false when not held). */
  none(cell: number): boolean {
    return this.held && this.inSight[cell] === 0;
  }
}
