/** The types a field search reads and writes, apart from the search so its helpers can share them. */

/** A cost-distance field: for every cell, the cheapest cost to a source, the next cell and the source. */
export interface DistanceField {
  /** Cheapest cost to the nearest source; Infinity where unreachable (or beyond `maxCost`). */
  dist: Float64Array;
  /** Next cell on a cheapest route toward the source; −1 at sources and unreachable cells. */
  parent: Int32Array;
  /** The source that route ends at; −1 where unreachable. */
  origin: Int32Array;
}

/**
 * Cells a search may stop after: once every cell of `cells` and one cell of `any` are settled,
 * their routes are final (every cell on a route from them settles earlier), so the rest of the
 * grid need not be searched. `mark` is scratch of the grid's size, all 0 between searches.
 */
export interface StopCells {
  /** Cells that must all settle (repeats allowed). */
  cells: Int32Array;
  /** How many of `cells` are used. */
  n: number;
  /** Cells of which the first to settle is enough (empty: no such condition). */
  any: Int32Array;
  /** Scratch marks, one per grid cell, 0 outside a search. */
  mark: Uint8Array;
}
