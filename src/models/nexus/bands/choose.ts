/**
 * A band's daily choice. An idle band looks at what each action would bring — the best cell to tax
 * within its radius, the best escort offer, the best state target at home, the best symbolic
 * target abroad, the recruits it can pay for, the cover nearby — fills the named utility inputs
 * for each, and draws one action by softmax. Within an action the best candidate is the one of
 * highest utility (under a scenario's formula too, when it replaces the default).
 */
import type { RngStream } from "../../../engine/rng.js";
import type { RouteGraph } from "../../../worlds/route-graph.js";
import { CROSSING_NONE, type World } from "../../../worlds/types.js";
import {
  ACT_ATTACK,
  ACT_CROSS,
  ACT_ESCORT,
  ACT_HIDE,
  ACT_RECRUIT,
  ACT_TAX,
  ACTIONS,
  defaultUtility,
  emptyScope,
  type MotiveWeights,
  setWeights,
  softmaxPick,
  type UtilityFn,
  type UtilityScope,
} from "../motives.js";
import { type HopField, type HopFields, hideCell } from "./move.js";
import type { BandOutcomes } from "./outcomes.js";
import type { BandRules } from "./rules.js";
import type { Bands } from "./store.js";
import type { Targets } from "./targets.js";
import { prepared } from "./tempo.js";

/** What bands see of the world on one day (all arrays are read, never written). */
export interface BandContext {
  /** The world. */
  world: World;
  /** Its legal-move graph. */
  graph: RouteGraph;
  /** Hop fields over it. */
  fields: HopFields;
  /** State and symbolic targets. */
  targets: Targets;
  /** Heroin passing each cell, kg/day (the economy's recent flow). */
  flow: Float64Array;
  /** Hostile armed personnel per cell today (state units and alliance troops). */
  hostile: Float64Array;
  /** Recruitment pool per province: actives (the population model's output). */
  actives: Float64Array;
  /** Escort fee each trafficker organisation offers, USD/day (0 = none). */
  offers: Float64Array;
  /** Cell where each organisation's loads set out (where an escort joins it). */
  orgCell: Int32Array;
  /** Motive table (a band's `motive` column indexes it). */
  motives: readonly MotiveWeights[];
  /** Motive class code per motive (models/nexus/motives.ts MOTIVE_CLASSES). */
  motiveClassOf: Uint8Array;
  /** Per action code, a formula replacing the default utility, or undefined. */
  overrides: readonly (UtilityFn | undefined)[];
}

/** What a band's choice reads and writes (the bands phase's one record per run). */
export interface Chooser {
  /** The band store. */
  bands: Bands;
  /** What bands see of the world today. */
  ctx: BandContext;
  /** The rules bands follow. */
  rules: BandRules;
  /** Reused choice buffers. */
  scratch: ChoiceScratch;
  /** Running totals (choices per motive class and action). */
  out: BandOutcomes;
}

/** Reused buffers of the choice (one per run). */
export class ChoiceScratch {
  /** Named inputs. */
  readonly scope: UtilityScope = emptyScope();
  /** Utility per action. */
  readonly u = new Float64Array(ACTIONS.length);
  /** Availability per action. */
  readonly avail = new Uint8Array(ACTIONS.length);
  /** Softmax weights. */
  readonly w = new Float64Array(ACTIONS.length);
  /** Target cell per action. */
  readonly target = new Int32Array(ACTIONS.length);
}

/**
 * Sum of a per-cell layer over the 3×3 block around c, counting only cells of c's own country:
 * state units and alliance troops act on their side of a border, so a band on the Afghan bank of
 * a crossing does not meet the troops on the Tajik bank (they block it when it crosses:
 * models/nexus/clashes/crossings.ts).
 */
export function around(world: World, layer: ArrayLike<number>, c: number): number {
  const g = world.grid;
  const x = g.x(c);
  const y = g.y(c);
  const k = world.country[c];
  let s = 0;
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      const v = g.at(x + dx, y + dy);
      if (v >= 0 && world.country[v] === k) s += layer[v]!;
    }
  }
  return s;
}

/** Hostile personnel a band meets on its legal path to `target` (path cells) and around the target. */
function pathDefence(world: World, f: HopField, hostile: Float64Array, from: number, target: number): number {
  let s = 0;
  for (let c = f.next[from]!; c >= 0 && c !== target; c = f.next[c]!) s += hostile[c]!;
  return s + around(world, hostile, target);
}

const util = (a: number, s: UtilityScope, ctx: BandContext, r: BandRules): number => {
  const f = ctx.overrides[a];
  return f ? f(s) : defaultUtility(a, s, r.scales);
};

/** Set the tax inputs for taxing cell v at distance d. */
function fillTax(ctx: BandContext, r: BandRules, sc: UtilityScope, v: number, d: number, home: number): void {
  const { world, flow, hostile } = ctx;
  sc.taxRevenue = r.taxUsdPerKg * flow[v]!;
  sc.taxDistance = d;
  sc.taxDefence = around(world, hostile, v);
  sc.taxForeign = world.country[v] === home ? 0 : 1;
  sc.atCrossing = world.crossing[v] === CROSSING_NONE ? 0 : 1;
}

/** Fill the utilities of tax (best cell within the radius) into the scratch. */
function senseTax(ctx: BandContext, r: BandRules, s: ChoiceScratch, c: number, home: number): void {
  const { world, flow } = ctx;
  const g = world.grid;
  const sc = s.scope;
  const x = g.x(c);
  const y = g.y(c);
  // Legal steps are symmetric, so the hop field toward c gives the distance from c to every cell.
  const hops = ctx.fields.field(c).hops;
  let best = Number.NEGATIVE_INFINITY;
  let bestCell = -1;
  for (let dy = -r.taxRadius; dy <= r.taxRadius; dy++) {
    for (let dx = -r.taxRadius; dx <= r.taxRadius; dx++) {
      const v = g.at(x + dx, y + dy);
      if (v < 0 || !(flow[v]! > 0) || hops[v]! < 0) continue;
      // Taxing a route means holding ground: on the far bank the trade belongs to that country's
      // own networks and the officials who protect them (targets.md §3 and §5; P9).
      if (!r.tradeAbroad && world.country[v] !== home) continue;
      fillTax(ctx, r, sc, v, hops[v]!, home);
      const u = util(ACT_TAX, sc, ctx, r);
      if (u > best) {
        best = u;
        bestCell = v;
      }
    }
  }
  if (bestCell >= 0) fillTax(ctx, r, sc, bestCell, hops[bestCell]!, home);
  s.u[ACT_TAX] = best;
  s.avail[ACT_TAX] = bestCell >= 0 ? 1 : 0;
  s.target[ACT_TAX] = bestCell;
}

/** Fill escort (best reachable offer); returns the organisation chosen, −1 if none. */
function senseEscort(ctx: BandContext, r: BandRules, s: ChoiceScratch, c: number, home: number): number {
  const sc = s.scope;
  let best = Number.NEGATIVE_INFINITY;
  let bestOrg = -1;
  let keepFee = 0;
  let keepD = 0;
  let keepF = 0;
  for (let o = 0; o < ctx.offers.length; o++) {
    const oc = ctx.orgCell[o]!;
    if (!(ctx.offers[o]! > 0) || oc < 0) continue;
    if (!r.tradeAbroad && ctx.world.country[oc] !== home) continue; // its ground only (see senseTax)
    const d = ctx.fields.field(c).hops[oc]!;
    if (d < 0) continue;
    sc.escortFee = ctx.offers[o]!;
    sc.escortDistance = d;
    sc.escortForeign = ctx.world.country[oc] === home ? 0 : 1;
    const u = util(ACT_ESCORT, sc, ctx, r);
    if (u > best) {
      best = u;
      bestOrg = o;
      keepFee = sc.escortFee;
      keepD = d;
      keepF = sc.escortForeign;
    }
  }
  sc.escortFee = keepFee;
  sc.escortDistance = keepD;
  sc.escortForeign = keepF;
  s.u[ACT_ESCORT] = best;
  s.avail[ACT_ESCORT] = bestOrg >= 0 ? 1 : 0;
  s.target[ACT_ESCORT] = bestOrg >= 0 ? ctx.orgCell[bestOrg]! : -1;
  return bestOrg;
}

/** Fill attack (abroad = false: targets at home) or cross (abroad = true: targets outside home). */
function senseTargets(
  ctx: BandContext,
  r: BandRules,
  s: ChoiceScratch,
  c: number,
  home: number,
  abroad: boolean,
) {
  const { targets, world, hostile } = ctx;
  const sc = s.scope;
  const a = abroad ? ACT_CROSS : ACT_ATTACK;
  let best = Number.NEGATIVE_INFINITY;
  let bestCell = -1;
  let keep = [0, 0, 0];
  for (let i = 0; i < targets.cell.length; i++) {
    if ((targets.country[i] !== home) !== abroad) continue;
    const t = targets.cell[i]!;
    const f = ctx.fields.field(t);
    const d = f.hops[c]!;
    if (d < 0) continue;
    const defence = pathDefence(world, f, hostile, c, t);
    if (abroad) [sc.crossValue, sc.crossDistance, sc.crossDefence] = [targets.value[i]!, d, defence];
    else [sc.targetValue, sc.targetDistance, sc.targetDefence] = [targets.value[i]!, d, defence];
    const u = util(a, sc, ctx, r);
    if (u > best) {
      best = u;
      bestCell = t;
      keep = [targets.value[i]!, d, defence];
    }
  }
  if (abroad) [sc.crossValue, sc.crossDistance, sc.crossDefence] = keep as [number, number, number];
  else [sc.targetValue, sc.targetDistance, sc.targetDefence] = keep as [number, number, number];
  s.u[a] = best;
  s.avail[a] = bestCell >= 0 ? 1 : 0;
  s.target[a] = bestCell;
}

/**
 * Choose band `id`'s next action: fill the inputs, compute every utility, draw by softmax at the
 * rules' temperature, and set action, target and (for escort) the organisation and fee.
 */
export function chooseAction(ch: Chooser, id: number, rng: RngStream): number {
  const { bands, ctx, rules: r, scratch: s, out } = ch;
  const col = bands.col;
  const c = col.cell[id]!;
  const home = col.homeCountry[id]!;
  const sc = s.scope;
  setWeights(sc, ctx.motives[col.motive[id]!]!);
  const fighters = col.fighters[id]!;
  sc.fighters = fighters;
  sc.cash = col.cash[id]!;
  sc.weapons = col.weapons[id]!;
  sc.upkeep = fighters * r.wageUsdPerFighterDay;
  const p = ctx.world.province[c]!;
  sc.pool = p >= 0 ? ctx.actives[p]! : 0;
  sc.expectedRecruits = Math.min(sc.pool * r.recruitRate, Math.floor(sc.cash / r.recruitCostUsd));
  const hide = hideCell(ctx, c);
  sc.cover = ctx.world.ruggedness[hide]!;
  sc.threat = around(ctx.world, ctx.hostile, c) / Math.max(1, fighters);
  senseTax(ctx, r, s, c, home);
  const org = senseEscort(ctx, r, s, c, home);
  senseTargets(ctx, r, s, c, home, false);
  senseTargets(ctx, r, s, c, home, true);
  // A band that values no money never takes up the trade, however little else it has to do.
  if (sc.wTax <= 0 && sc.wHoldCrossings <= 0) s.avail[ACT_TAX] = 0;
  if (sc.wEscort <= 0) s.avail[ACT_ESCORT] = 0;
  // A band still preparing (bands/day.ts prepareDay) cannot mount its next operation yet; an
  // incursion is a campaign and needs the longer preparation.
  if (!prepared(bands, id, r, false)) s.avail[ACT_ATTACK] = 0;
  if (!prepared(bands, id, r, true)) s.avail[ACT_CROSS] = 0;
  s.avail[ACT_RECRUIT] = sc.expectedRecruits >= 1 ? 1 : 0;
  s.u[ACT_RECRUIT] = util(ACT_RECRUIT, sc, ctx, r);
  s.target[ACT_RECRUIT] = c;
  s.avail[ACT_HIDE] = 1;
  s.u[ACT_HIDE] = util(ACT_HIDE, sc, ctx, r);
  s.target[ACT_HIDE] = hide;
  const a = softmaxPick(s.u, s.avail, r.temperature, rng, s.w);
  const act = a < 0 ? ACT_HIDE : a;
  col.action[id] = act;
  col.target[id] = act === ACT_HIDE && a < 0 ? c : s.target[act]!;
  col.days[id] = 0;
  col.dwell[id] = 0;
  col.progress[id] = 0;
  col.escortOrg[id] = act === ACT_ESCORT ? org : -1;
  col.escortDays[id] = 0;
  col.escortFee[id] = act === ACT_ESCORT ? ctx.offers[org]! : 0;
  out.choices[ctx.motiveClassOf[col.motive[id]!]! * ACTIONS.length + act]! += 1;
  return act;
}
