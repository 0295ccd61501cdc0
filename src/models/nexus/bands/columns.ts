/**
 * Bands as the alliance sees them marching on the border: which are on their way to a target
 * abroad, and the crossing their path will use (models/nexus/alliance/reaction.ts reads these).
 */
import type { World } from "../../../worlds/types.js";
import type { Columns } from "../alliance/reaction.js";
import { ACT_CROSS } from "../motives.js";
import type { HopFields } from "./move.js";
import type { Bands } from "./store.js";

/** The first cell in another country on band `id`'s path to its target, −1 if the path has none. */
export function entryOf(bands: Bands, world: World, fields: HopFields, id: number): number {
  const col = bands.col;
  const from = col.cell[id]!;
  const target = col.target[id]!;
  if (from < 0 || target < 0) return -1;
  const next = fields.field(target).next;
  const k = world.country[from]!;
  for (let c = from, steps = 0; c >= 0 && steps < next.length; steps++) {
    const n = next[c]!;
    if (n >= 0 && world.country[n] !== k) return n;
    c = n;
  }
  return -1;
}

/** The columns view of a band store: bands marching on a target abroad, and their crossings. */
export function columnsOf(bands: Bands, world: World, fields: HopFields): Columns {
  const col = bands.col;
  return {
    get ids() {
      return bands.order();
    },
    marching: (id) =>
      bands.has(id) &&
      col.action[id] === ACT_CROSS &&
      col.target[id]! >= 0 &&
      world.country[col.target[id]!] !== world.country[col.cell[id]!],
    entry: (id) => entryOf(bands, world, fields, id),
  };
}
