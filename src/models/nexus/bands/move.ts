/**
 * Band movement on the legal-move graph: a band steps from cell to neighbour cell only where the
 * border rule allows (so it crosses a border only at a crossing cell), toward its target along a
 * fewest-steps path that stays in the target's country wherever one does (an armed band does not
 * cut through a neighbour's territory to reach a place at home: that would be an incursion). Paths come from breadth-first hop fields toward each target cell, computed
 * once per target and kept (the graph never changes within a run; targets are few). A step out of
 * one country into a country other than the band's home is an armed incursion and is counted —
 * unless blocking troops cover the cell beyond the border: then the band halts at the border and
 * its attempt is resolved in the clash step (models/nexus/clashes/crossings.ts), which lets it
 * across (`stepInto`) only if it is not detected or beats the screen.
 */

import type { RouteGraph } from "../../../worlds/route-graph.js";
import type { World } from "../../../worlds/types.js";
import type { BandOutcomes } from "./outcomes.js";
import type { BandRules } from "./rules.js";
import type { Bands } from "./store.js";

/** What moving a band reads and writes (the bands phase's one record per run). */
export interface Mover {
  /** The band store. */
  bands: Bands;
  /** The world. */
  world: World;
  /** Hop fields over its legal-move graph. */
  fields: HopFields;
  /** The rules bands follow (speed, terrain slowdown). */
  rules: BandRules;
  /** Today's steps. */
  log: MoveLog;
  /** Running totals (incursions and fighters crossed per motive class). */
  out: BandOutcomes;
  /** Blocking troops covering each cell (models/nexus/alliance/layers.ts `block`). */
  block: ArrayLike<number>;
  /** Today's halted crossings. */
  attempts: MoveLog;
}

/** Fewest legal steps to one target: `hops[c]` (−1 if unreachable) and the next cell `next[c]`. */
export interface HopField {
  /** Steps from each cell to the target, −1 where it cannot be reached. */
  hops: Int32Array;
  /** Next cell toward the target, −1 at the target and where unreachable. */
  next: Int32Array;
}

/** Hop fields per target cell, computed on first use over a route graph and cached. */
export class HopFields {
  private readonly cache = new Map<number, HopField>();
  private readonly queue: Int32Array;
  private readonly beyond: Int32Array;

  /** Fields over `graph`; with `country` (per cell), paths keep to the target's country where they can. */
  constructor(
    private readonly graph: RouteGraph,
    private readonly maxCached = 1024,
    private readonly country?: ArrayLike<number>,
  ) {
    this.queue = new Int32Array(graph.size);
    this.beyond = new Int32Array(country ? graph.size : 0);
  }

  /** The hop field toward `target` (breadth-first over the graph's reverse edges). */
  field(target: number): HopField {
    let f = this.cache.get(target);
    if (f) return f;
    const n = this.graph.size;
    const hops = new Int32Array(n).fill(-1);
    const next = new Int32Array(n).fill(-1);
    const { blocked } = this.graph;
    if (blocked[target] === 0) {
      hops[target] = 0;
      this.queue[0] = target;
      // First the cells of the target's country, through that country only; then the rest of the
      // graph, breadth-first from all of them at once (each at its own distance).
      const home = this.country ? this.country[target]! : -1;
      const reached = this.spread(hops, next, 1, home);
      if (this.country) this.spreadBeyond(hops, next, reached);
    }
    // Targets are few; the bound only keeps a pathological scenario from growing without limit.
    if (this.cache.size >= this.maxCached) this.cache.clear();
    f = { hops, next };
    this.cache.set(target, f);
    return f;
  }

  /**
   * Breadth-first spread from the queue's first `tail` cells over the reverse edges into cells not
   * yet reached (of country `only`, or any with −1); returns the number of cells reached.
   */
  private spread(hops: Int32Array, next: Int32Array, tail: number, only: number): number {
    const q = this.queue;
    const { into } = this.graph;
    const country = this.country;
    let head = 0;
    while (head < tail) {
      const u = q[head++]!;
      const h = hops[u]! + 1;
      for (let k = 0; k < 8; k++) {
        const v = into[u * 8 + k]!; // v may step into u
        if (v < 0 || hops[v]! >= 0) continue;
        if (only >= 0 && country![v] !== only) continue;
        hops[v] = h;
        next[v] = u;
        q[tail++] = v;
      }
    }
    return tail;
  }

  /**
   * Breadth-first spread into every cell not yet reached, from the queue's first `reached` cells
   * (in order of distance, each at its own): two queues merged by distance, so every cell gets its
   * fewest steps to the target given the cells already fixed.
   */
  private spreadBeyond(hops: Int32Array, next: Int32Array, reached: number): void {
    const a = this.queue;
    const b = this.beyond;
    const { into } = this.graph;
    let ia = 0;
    let ib = 0;
    let tb = 0;
    while (ia < reached || ib < tb) {
      const fromA = ib >= tb || (ia < reached && hops[a[ia]!]! <= hops[b[ib]!]!);
      const u = fromA ? a[ia++]! : b[ib++]!;
      const h = hops[u]! + 1;
      for (let k = 0; k < 8; k++) {
        const v = into[u * 8 + k]!;
        if (v < 0 || hops[v]! >= 0) continue;
        hops[v] = h;
        next[v] = u;
        b[tb++] = v;
      }
    }
  }

  /** Legal steps from `from` to `target`, −1 if unreachable. */
  distance(from: number, target: number): number {
    return this.field(target).hops[from]!;
  }
}

// Hop fields depend on the graph alone, so the runs on one world (one graph) share them.
const sharedFields = new WeakMap<RouteGraph, HopFields>();

/**
 * The hop fields of `graph` (paths keeping to the target's country by `country`, the graph's
 * world's), shared by every run on it: read-only, like the graph.
 */
export function sharedHopFields(graph: RouteGraph, country: ArrayLike<number>): HopFields {
  let f = sharedFields.get(graph);
  if (!f) {
    f = new HopFields(graph, 1024, country);
    sharedFields.set(graph, f);
  }
  return f;
}

/** Today's band steps (band, from, to), kept so tests and outcomes can check every move. */
export class MoveLog {
  /** Band id per step. */
  band = new Int32Array(256);
  /** Cell left. */
  from = new Int32Array(256);
  /** Cell entered. */
  to = new Int32Array(256);
  /** Steps today. */
  length = 0;

  /** Start a new day. */
  reset(): void {
    this.length = 0;
  }

  /** Append one step. */
  push(band: number, from: number, to: number): void {
    if (this.length === this.band.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.band = grow(this.band);
      this.from = grow(this.from);
      this.to = grow(this.to);
    }
    this.band[this.length] = band;
    this.from[this.length] = from;
    this.to[this.length++] = to;
  }
}

/** Band `id` steps from `from` into `to`; a step into a country other than its own and home is an incursion. */
export function stepInto(m: Mover, id: number, from: number, to: number, motiveClass: number): void {
  const { world, out, bands } = m;
  const k = world.country[to]!;
  if (k !== world.country[from]! && k !== bands.col.homeCountry[id]!) {
    out.incursions[motiveClass]! += 1;
    out.fightersCrossed[motiveClass]! += bands.col.fighters[id]!;
    out.largestCrossing = Math.max(out.largestCrossing, bands.col.fighters[id]!);
  }
  m.log.push(id, from, to);
  bands.col.cell[id] = to;
}

/**
 * Move band `id` toward its target for one day: it gains speed × (1 − terrainSlowdown ×
 * ruggedness of its cell) cells of movement (fractions carry over) and spends one per step.
 * Returns false if the target cannot be reached (the caller drops the action), true otherwise.
 */
export function moveBand(m: Mover, id: number, motiveClass: number): boolean {
  const { bands, world, fields, rules: r } = m;
  const { cell, target, progress, homeCountry } = bands.col;
  const t = target[id]!;
  let c = cell[id]!;
  if (t < 0 || c === t) return t >= 0;
  const f = fields.field(t);
  if (f.hops[c]! < 0) return false;
  let p = progress[id]! + r.speedCellsPerDay * (1 - r.terrainSlowdown * world.ruggedness[c]!);
  while (p >= 1 && c !== t) {
    const nx = f.next[c]!;
    const kc = world.country[nx]!;
    if (kc !== world.country[c]! && kc !== homeCountry[id]! && m.block[nx]! > 0) {
      m.attempts.push(id, c, nx); // halted at the border until the screen is passed
      progress[id] = 0;
      return true;
    }
    stepInto(m, id, c, nx, motiveClass);
    c = nx;
    p -= 1;
  }
  progress[id] = c === t ? 0 : p;
  return true;
}

/**
 * The most rugged cell of its own country a band at c can step to (or c itself): where it hides.
 * Hiding never crosses a border (that would be an incursion). The border rule is symmetric, so the
 * cells that may step into c are exactly the cells c may step to.
 */
export function hideCell(ctx: { graph: RouteGraph; world: World }, c: number): number {
  const { graph, world } = ctx;
  let best = c;
  for (let k = 0; k < 8; k++) {
    const n = graph.into[c * 8 + k]!;
    if (n >= 0 && world.country[n] === world.country[c] && world.ruggedness[n]! > world.ruggedness[best]!)
      best = n;
  }
  return best;
}
