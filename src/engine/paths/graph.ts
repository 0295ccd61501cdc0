/**
 * The move graph of a grid, built once: for every cell the up to 4 or 8 neighbours that may move
 * into it (−1 where none). Searches then run over plain typed arrays instead of re-deriving
 * coordinates, edge wrapping and move rules per step.
 *
 * Moves are the king moves (connectivity 8) or the orthogonal ones (4), orthogonal first, in a
 * fixed direction order that searches relax in (so their tie-breaks are fixed too). On a torus
 * the moves wrap around the edges; on a tiny torus (width or height 1 or 2) several directions can
 * reach the same cell, and a move onto the cell itself is dropped. A diagonal move is allowed even
 * when both orthogonal cells beside it are closed (no corner-cutting rule), so the move set does
 * not depend on the neighbours. `allow(from, to)` may refuse single moves (a border rule); the
 * graph is then directed, which is why it stores the moves *into* each cell: a field toward its
 * sources follows them backwards.
 */
import type { Grid } from "../grid.js";

/** Which moves are allowed: 4 orthogonal, or 8 including diagonals. */
export type Connectivity = 4 | 8;

// Orthogonal moves first, so 4-connectivity is simply the first 4 directions.
const DX = [1, -1, 0, 0, 1, 1, -1, -1] as const;
const DY = [0, 0, 1, -1, 1, -1, 1, -1] as const;

/** Options of `moveGraph`. */
export interface MoveGraphOptions {
  /** 4 or 8 (default 8). */
  connectivity?: Connectivity;
  /** 1 on closed cells: no move enters or leaves them and they are never sources (default none). */
  blocked?: Uint8Array;
  /** Whether a load at `from` may step to its neighbour `to` (default: every move between open cells). */
  allow?: (from: number, to: number) => boolean;
}

/** Moves per cell: `into[c × moves + k]` is the neighbour in direction k that may move into c. */
export interface MoveGraph {
  /** Cells. */
  size: number;
  /** Directions per cell (the connectivity). */
  moves: Connectivity;
  /** Neighbour v of c in direction k that may move into c, or −1. */
  into: Int32Array;
  /** Step length of direction k (1 or √2). */
  step: Float64Array;
  /** 1 on closed cells. */
  blocked: Uint8Array;
}

/** Build the move graph of `grid` (closed cells have no moves). Throws on a connectivity other than 4 or 8. */
export function moveGraph(grid: Grid, opts: MoveGraphOptions = {}): MoveGraph {
  const moves = opts.connectivity ?? 8;
  if (moves !== 4 && moves !== 8) throw new RangeError("connectivity must be 4 or 8");
  const blocked = opts.blocked ?? new Uint8Array(grid.size);
  if (blocked.length !== grid.size) {
    throw new RangeError(`blocked has length ${blocked.length}, grid has ${grid.size} cells`);
  }
  const allow = opts.allow;
  const into = new Int32Array(grid.size * moves).fill(-1);
  for (let u = 0; u < grid.size; u++) {
    if (blocked[u]) continue;
    const x = grid.x(u);
    const y = grid.y(u);
    for (let k = 0; k < moves; k++) {
      const v = grid.at(x + DX[k]!, y + DY[k]!);
      if (v < 0 || v === u || blocked[v] || (allow && !allow(v, u))) continue;
      into[u * moves + k] = v;
    }
  }
  const step = Float64Array.from(DX.slice(0, moves), (_, k) => (k < 4 ? 1 : Math.SQRT2));
  return { size: grid.size, moves, into, step, blocked };
}
