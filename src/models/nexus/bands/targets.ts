/**
 * Targets of violence: state and symbolic sites with a value in [0, 1]. A band's `attack` action
 * picks among targets in its home country (the state it fights), its `cross` action among targets
 * outside it (symbolic cross-border targets). Built from the world: cities (market sites), official
 * border posts and, for provinces without a city, a provincial centre (the road cell nearest the
 * province's centroid, else its cell nearest the centroid).
 */
import { CROSSING_OFFICIAL, type World } from "../../../worlds/types.js";

/** Target list in columns. */
export interface Targets {
  /** Target cells. */
  cell: Int32Array;
  /** Value of striking each, 0–1. */
  value: Float64Array;
  /** Country index of each. */
  country: Int32Array;
}

/** Values of the target kinds. */
export interface TargetValues {
  /** A city (market site). */
  city: number;
  /** An official border post. */
  post: number;
  /** A provincial centre. */
  centre: number;
}

/** The centre cell of a province's cells: its road cell nearest the centroid, else any passable cell nearest it (−1 if none). */
export function centreOf(world: World, cells: Int32Array): number {
  const g = world.grid;
  let sx = 0;
  let sy = 0;
  for (const c of cells) {
    sx += g.x(c);
    sy += g.y(c);
  }
  const cx = sx / cells.length;
  const cy = sy / cells.length;
  let best = -1;
  let bestD = Number.POSITIVE_INFINITY;
  for (const roadOnly of [true, false]) {
    for (const c of cells) {
      if (world.blocked[c] || (roadOnly && world.road[c] !== 1)) continue;
      const d = (g.x(c) - cx) ** 2 + (g.y(c) - cy) ** 2;
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    if (best >= 0) break;
  }
  return best;
}

/** Targets of a world: cities, official posts and provincial centres, each cell once (highest value). */
export function worldTargets(world: World, v: TargetValues): Targets {
  const value = new Map<number, number>();
  const put = (c: number, x: number) => {
    if (c >= 0 && world.blocked[c] === 0 && x > (value.get(c) ?? -1)) value.set(c, x);
  };
  const cities = new Set<number>();
  world.provinces.forEach((p, i) => {
    if (p.market?.sites) {
      const m = world.markets.find(([pi]) => pi === i);
      for (const c of m?.[1] ?? []) {
        put(c, v.city);
        cities.add(i);
      }
    }
  });
  world.cellsOf.forEach((cells, i) => {
    if (!cities.has(i) && cells.length > 0) put(centreOf(world, cells), v.centre);
  });
  for (let c = 0; c < world.grid.size; c++) if (world.crossing[c] === CROSSING_OFFICIAL) put(c, v.post);
  const cells = [...value.keys()].sort((a, b) => a - b);
  return {
    cell: Int32Array.from(cells),
    value: Float64Array.from(cells, (c) => value.get(c)!),
    country: Int32Array.from(cells, (c) => world.country[c]!),
  };
}
