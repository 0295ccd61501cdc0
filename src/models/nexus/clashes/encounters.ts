/**
 * Who fights whom each day (hostile presence per cell: models/nexus/clashes/hostiles.ts). Every band meets the
 * hostiles in its 3×3 block with `encounterChance` (less when hidden in rugged cover) and, if it
 * does, they attack it (the band defends its cell's terrain); every strike a band carried out is
 * an attack on the hostiles around its target, with surprise by chance, or — undefended — a
 * Poisson number of victims; an escorted load stopped by a patrol is defended by its escort, and
 * the load goes through if the escort wins. Each fight is a violent event for attribution.
 * Band and alliance casualties are taken from their stores; state casualties are counted only
 * (units are the economy's and stay at strength: the state replaces its losses).
 */
import type { RngStream } from "../../../engine/rng.js";
import type { World } from "../../../worlds/types.js";
import type { Contingents } from "../alliance/contingents.js";
import type { AllianceLayers } from "../alliance/layers.js";
import { ACTOR_INSURGENT, type Attribution } from "../attribution.js";
import { around } from "../bands/choose.js";
import { type AttackList, isHiding, makeIdle } from "../bands/day.js";
import { type Bands, loseFighters } from "../bands/store.js";
import { ACT_ATTACK, ACT_CROSS, ACT_ESCORT } from "../motives.js";
import { bandQuality, ClashResult, encounterChance, resolveClash } from "./clashes.js";
import type { ClashOutcomes, ClashRules, Hostiles } from "./hostiles.js";

/** Everything a fight reads or writes. */
export interface ClashContext {
  world: World;
  bands: Bands;
  hostiles: Hostiles;
  contingents: Contingents;
  layers: AllianceLayers;
  attribution: Attribution;
  /** Motive class per motive index. */
  motiveClassOf: Uint8Array;
  rules: ClashRules;
  out: ClashOutcomes;
  /** Stream for the labels of fights (apart from the fights' own draws). */
  labelRng: RngStream;
}

const scratch = new ClashResult();

/** Split `loss` among the hostiles around c: alliance contingents there by share of troops, the rest state. */
function hostileLosses(ctx: ClashContext, c: number, loss: number): void {
  const { world, hostiles, contingents, out } = ctx;
  const total = around(world, hostiles.personnel, c);
  let ally = total > 0 ? Math.round((loss * around(world, hostiles.alliance, c)) / total) : 0;
  out.stateLosses += loss - ally;
  const col = contingents.col;
  const ids = contingents.order();
  for (let i = 0; i < ids.length && ally > 0; i++) {
    const id = ids[i]!;
    const at = col.cell[id]!;
    if (at < 0 || world.grid.distance(at, c, "chebyshev") > 1) continue;
    const k = Math.min(col.troops[id]!, ally);
    col.troops[id] = col.troops[id]! - k;
    ally -= k;
    out.allianceLosses += k;
  }
  out.stateLosses += ally; // troops no contingent had left to lose (rounding) count as state
}

/** Book a fight as a violent event; the classifier is the best of state and alliance skill there. */
function recordFight(
  ctx: ClashContext,
  tick: number,
  id: number,
  c: number,
  ideological: boolean,
  cas: number,
): void {
  const { attribution, layers, motiveClassOf, bands } = ctx;
  const skill = Math.max(attribution.params.stateSkill, layers.skill[c]!);
  const cls = motiveClassOf[bands.col.motive[id]!]!;
  attribution.record(tick, c, ACTOR_INSURGENT, cls, ideological, id, cas, skill, ctx.labelRng);
}

/** Take band casualties; remove the band if none are left. */
function bandLosses(ctx: ClashContext, id: number, loss: number): void {
  ctx.out.bandLosses += loseFighters(ctx.bands, id, loss);
  if (ctx.bands.col.fighters[id]! <= 0) {
    ctx.bands.remove(id);
    ctx.out.bandsDestroyed++;
  }
}

/** Hostile quality around c (personnel-weighted mean). */
function hostileQuality(ctx: ClashContext, c: number, personnel: number): number {
  return around(ctx.world, ctx.hostiles.qualityPersonnel, c) / personnel;
}

/** Encounters of the day: hostiles near each band attack it with encounterChance (see file comment). */
export function encounterDay(ctx: ClashContext, tick: number, rng: RngStream): void {
  const { bands, world, rules, out } = ctx;
  const col = bands.col;
  const ids = bands.order(rng);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (!bands.has(id)) continue;
    const c = col.cell[id]!;
    const h = around(world, ctx.hostiles.personnel, c);
    const p = encounterChance(
      h,
      rules.encounterRatePer100,
      isHiding(bands, id),
      world.ruggedness[c]!,
      rules.hideCover,
    );
    if (!(p > 0) || rng.next() >= p) continue;
    out.encounters++;
    const qb = bandQuality(rules.bandQuality, col.fighters[id]!, col.weapons[id]!);
    const r = resolveClash(
      h,
      hostileQuality(ctx, c, h),
      col.fighters[id]!,
      qb,
      world.ruggedness[c]!,
      false,
      rules.lanchester,
      rng,
      scratch,
    );
    const act = col.action[id]!;
    recordFight(ctx, tick, id, c, act === ACT_ATTACK || act === ACT_CROSS, r.lossA + r.lossB);
    hostileLosses(ctx, c, r.lossA);
    if (r.winner === 1) out.bandWins++;
    else if (act !== ACT_ESCORT || col.escortDays[id] === 0) makeIdle(bands, id); // driven off
    bandLosses(ctx, id, r.lossB);
  }
}

/** Resolve today's strikes: a fight with the defenders around the target, or victims if none. */
export function strikeDay(ctx: ClashContext, attacks: AttackList, tick: number, rng: RngStream): void {
  const { bands, world, rules, out } = ctx;
  const col = bands.col;
  for (let i = 0; i < attacks.length; i++) {
    const id = attacks.band[i]!;
    const c = attacks.cell[i]!;
    if (!bands.has(id)) continue;
    out.strikes++;
    const d = around(world, ctx.hostiles.personnel, c);
    if (d <= 0) {
      const victims = rng.poisson(rules.strikeCasualties);
      out.civilians += victims;
      out.bandWins++;
      recordFight(ctx, tick, id, c, true, victims);
      continue;
    }
    const qa = bandQuality(rules.bandQuality, col.fighters[id]!, col.weapons[id]!);
    const surprise = rng.next() < rules.surpriseChance;
    const r = resolveClash(
      col.fighters[id]!,
      qa,
      d,
      hostileQuality(ctx, c, d),
      world.ruggedness[c]!,
      surprise,
      rules.lanchester,
      rng,
      scratch,
    );
    if (r.winner === 0) out.bandWins++;
    recordFight(ctx, tick, id, c, true, r.lossA + r.lossB);
    hostileLosses(ctx, c, r.lossB);
    bandLosses(ctx, id, r.lossA);
  }
}

/**
 * A patrol of `personnel` (quality q) stops a load of organisation `org` at cell c: the bands
 * escorting `org` defend it together. Returns true if the escort wins (the load goes on), false
 * if it loses, null if the organisation has no escort (the economy's interdiction decides).
 */
export function escortFight(
  ctx: ClashContext,
  org: number,
  c: number,
  personnel: number,
  q: number,
  tick: number,
  rng: RngStream,
): boolean | null {
  const { bands, world, rules, out } = ctx;
  const col = bands.col;
  const ids = bands.order();
  let fighters = 0;
  let weapons = 0;
  let lead = -1;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (col.action[id] !== ACT_ESCORT || col.escortOrg[id] !== org || col.escortDays[id]! <= 0) continue;
    fighters += col.fighters[id]!;
    weapons += col.weapons[id]!;
    if (lead < 0 || col.fighters[id]! > col.fighters[lead]!) lead = id;
  }
  if (lead < 0 || fighters <= 0) return null;
  out.escortFights++;
  const qb = bandQuality(rules.bandQuality, fighters, weapons);
  const r = resolveClash(
    personnel,
    q,
    fighters,
    qb,
    world.ruggedness[c]!,
    false,
    rules.lanchester,
    rng,
    scratch,
  );
  out.stateLosses += r.lossA;
  recordFight(ctx, tick, lead, c, false, r.lossA + r.lossB);
  // Escort casualties fall on the bands in proportion to their fighters (largest first takes the rest).
  let left = r.lossB;
  for (let i = 0; i < ids.length && left > 0; i++) {
    const id = ids[i]!;
    if (
      !bands.has(id) ||
      col.action[id] !== ACT_ESCORT ||
      col.escortOrg[id] !== org ||
      col.escortDays[id]! <= 0
    )
      continue;
    const k = id === lead ? 0 : Math.min(left, Math.round((r.lossB * col.fighters[id]!) / fighters));
    if (k > 0) bandLosses(ctx, id, k);
    left -= k;
  }
  if (left > 0 && bands.has(lead)) bandLosses(ctx, lead, left);
  if (r.winner === 1) out.bandWins++;
  return r.winner === 1;
}
