/**
 * Bands as the alliance sees them on the way to the border: which are marching on a target abroad,
 * the crossing their path will use into a country the alliance defends, the column's Lanchester
 * strength (models/nexus/alliance/reaction.ts reads these), and the avenues of approach from where
 * militants stand on the far bank (models/nexus/alliance/deploy.ts weights blocking positions by it).
 */
import type { World } from "../../../worlds/types.js";
import type { Columns } from "../alliance/reaction.js";
import { bandQuality } from "../clashes/clashes.js";
import { ACT_CROSS } from "../motives.js";
import type { HopFields } from "./move.js";
import type { Bands } from "./store.js";
import type { Targets } from "./targets.js";

/**
 * The first cell on the legal path from `from` to `target` that lies in a country other than
 * `from`'s and for which `defended` holds (all countries when omitted); −1 if the path has none.
 */
export function entryOn(
  world: World,
  fields: HopFields,
  from: number,
  target: number,
  defended: (country: number) => boolean = () => true,
): number {
  if (from < 0 || target < 0) return -1;
  const next = fields.field(target).next;
  const k = world.country[from]!;
  for (let c = from, steps = 0; c >= 0 && steps < next.length; steps++) {
    const n = next[c]!;
    if (n >= 0 && world.country[n] !== k && defended(world.country[n]!)) return n;
    c = n;
  }
  return -1;
}

/** The crossing on band `id`'s path to its target (see `entryOn`). */
export function entryOf(
  bands: Bands,
  world: World,
  fields: HopFields,
  id: number,
  defended?: (country: number) => boolean,
): number {
  return entryOn(world, fields, bands.col.cell[id]!, bands.col.target[id]!, defended);
}

/**
 * The avenues of approach, fighters per cell: every live band standing in country `front` splits
 * its fighters over the first foreign cells of its paths to the targets outside its home country,
 * in proportion to the targets' values — where a column from where it stands would cross. What
 * the alliance's intelligence on militant concentrations across the border shows (targets.md §4:
 * the CSTO rehearses columns massing in northern Afghanistan).
 */
export function approachThreat(
  bands: Bands,
  world: World,
  fields: HopFields,
  targets: Targets,
  front: number,
  out: Float64Array,
): Float64Array {
  out.fill(0);
  const col = bands.col;
  const ids = bands.order();
  const entries = new Int32Array(targets.cell.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const c = col.cell[id]!;
    if (c < 0 || col.fighters[id]! <= 0 || (front >= 0 && world.country[c] !== front)) continue;
    let total = 0;
    for (let t = 0; t < targets.cell.length; t++) {
      const e = targets.country[t] === col.homeCountry[id] ? -1 : entryOn(world, fields, c, targets.cell[t]!);
      entries[t] = e;
      if (e >= 0) total += targets.value[t]!;
    }
    if (!(total > 0)) continue;
    const per = col.fighters[id]! / total;
    for (let t = 0; t < targets.cell.length; t++) {
      const e = entries[t]!;
      if (e >= 0) out[e] = out[e]! + per * targets.value[t]!;
    }
  }
  return out;
}

/** The avenues of approach of `bands` on what `ctx` shows, as a function read at each plan (one buffer reused). */
export function approachesOf(
  bands: Bands,
  ctx: { world: World; fields: HopFields; targets: Targets },
  front: number,
): () => Float64Array {
  const out = new Float64Array(ctx.world.grid.size);
  return () => approachThreat(bands, ctx.world, ctx.fields, ctx.targets, front, out);
}

/** The columns view of a band store: bands marching on a target abroad, their crossings and strength. */
export function columnsOf(bands: Bands, world: World, fields: HopFields, quality: number): Columns {
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
    entry: (id, defended) => entryOf(bands, world, fields, id, defended),
    strength: (id) => {
      const f = col.fighters[id]!;
      return bandQuality(quality, f, col.weapons[id]!) * f * f;
    },
  };
}
