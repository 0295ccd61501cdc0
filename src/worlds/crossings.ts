/**
 * Named border crossings of the corridor world: which cells each legend crossing covers, so a
 * scenario can close or reinforce a crossing by its legend character or its name, and flows can
 * be reported per named crossing (a corridor).
 */
import { CORRIDOR_ASCII, CORRIDOR_LEGEND } from "./corridor.js";

/** One named crossing: its legend character, name, kind and cells. */
export interface NamedCrossing {
  /** Legend character. */
  char: string;
  /** The real post's name. */
  name: string;
  /** "official" or "informal". */
  kind: "official" | "informal";
  /** Cells (row-major) it covers. */
  cells: Int32Array;
}

/** Every crossing of the corridor world, in legend order. */
export function corridorCrossings(): NamedCrossing[] {
  const rows = CORRIDOR_ASCII.split("\n");
  const width = rows[0]!.length;
  const out: NamedCrossing[] = [];
  for (const [char, e] of CORRIDOR_LEGEND) {
    if (e.crossing === undefined) continue;
    const cells: number[] = [];
    rows.forEach((row, y) => {
      for (let x = 0; x < row.length; x++) if (row[x] === char) cells.push(y * width + x);
    });
    out.push({ char, name: e.name ?? char, kind: e.crossing, cells: Int32Array.from(cells) });
  }
  return out;
}

/** The crossing a scenario names by legend character or full name, or undefined. */
export function findCrossing(crossings: readonly NamedCrossing[], key: string): NamedCrossing | undefined {
  return crossings.find((c) => c.char === key || c.name === key);
}

/** Index of the named crossing per cell (−1 off crossings), for per-corridor flow accounting. */
export function crossingIndexLayer(crossings: readonly NamedCrossing[], cells: number): Int32Array {
  const out = new Int32Array(cells).fill(-1);
  crossings.forEach((k, i) => {
    for (const c of k.cells) out[c] = i;
  });
  return out;
}
