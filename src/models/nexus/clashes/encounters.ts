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
import { ACTOR_INSURGENT, type Attribution, type ViolentEvent } from "../attribution.js";
import { around } from "../bands/choose.js";
import { type AttackList, isHiding, makeIdle } from "../bands/day.js";
import { type Bands, loseFighters } from "../bands/store.js";
import { ACT_ATTACK, ACT_CROSS, ACT_ESCORT, ACT_TAX } from "../motives.js";
import { bandQuality, ClashResult, type Engagement, encounterChance, resolveClash } from "./clashes.js";
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
  /** Ideological share per motive index (1 − criminal share; drift rewrites it in place). */
  ideological: ArrayLike<number>;
  rules: ClashRules;
  out: ClashOutcomes;
  /** Stream for the labels of fights (apart from the fights' own draws). */
  labelRng: RngStream;
}

/** A patrol that stopped a load of an organisation with an escort (the escort hook reuses one record). */
export interface EscortStop {
  /** The organisation whose load was stopped. */
  org: number;
  /** Cell of the stop. */
  cell: number;
  /** The patrol's armed personnel. */
  personnel: number;
  /** The patrol's quality. */
  quality: number;
  /** Day of the stop. */
  tick: number;
}

// One engagement, result and event record reused by every fight: fights run one at a time.
const scratch = new ClashResult();
const engagement: Engagement = {
  attackers: 0,
  attackerQuality: 0,
  defenders: 0,
  defenderQuality: 0,
  ruggedness: 0,
  surprise: false,
};
const event: ViolentEvent = {
  tick: 0,
  cell: 0,
  actor: ACTOR_INSURGENT,
  motiveClass: 0,
  ideological: false,
  actorId: 0,
  casualties: 0,
  skill: 0,
  byState: false,
};

/** The reused engagement record, filled with a fight on cell c of the world (sides set by the caller). */
function engagementAt(world: World, c: number, surprise: boolean): Engagement {
  engagement.ruggedness = world.ruggedness[c]!;
  engagement.surprise = surprise;
  return engagement;
}

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
    if (at < 0 || world.country[at] !== world.country[c] || world.grid.distance(at, c, "chebyshev") > 1)
      continue;
    const k = Math.min(col.troops[id]!, ally);
    col.troops[id] = col.troops[id]! - k;
    ally -= k;
    out.allianceLosses += k;
  }
  out.stateLosses += ally; // troops no contingent had left to lose (rounding) count as state
}

/** Book a fight as a violent event; the classifier is the best of state and alliance skill there. */
export function recordFight(
  ctx: ClashContext,
  tick: number,
  id: number,
  c: number,
  ideological: boolean,
  cas: number,
  byState = false,
): void {
  const { attribution, layers, motiveClassOf, bands } = ctx;
  const e = event;
  e.tick = tick;
  e.actor = ACTOR_INSURGENT;
  e.cell = c;
  e.motiveClass = motiveClassOf[bands.col.motive[id]!]!;
  e.ideological = ideological;
  e.actorId = id;
  e.casualties = cas;
  e.byState = byState;
  e.skill = Math.max(attribution.params.stateSkill, layers.skill[c]!);
  attribution.record(e, ctx.labelRng);
}

/** Take band casualties; remove the band if none are left. */
export function bandLosses(ctx: ClashContext, id: number, loss: number): void {
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

// Today's meeting draw per band id (reused; grown as needed).
let meetDraws = new Float64Array(16);

/**
 * Encounters of the day: hostiles near each band attack it with encounterChance (see file comment).
 * Whether a band is met draws from `meet` (default `rng`), one draw per live band a day in id order
 * whatever the hostiles, so two runs that differ only in the alliance's posture share these draws
 * (common random numbers); the order and the fights draw from `rng`.
 */
export function encounterDay(ctx: ClashContext, tick: number, rng: RngStream, meet: RngStream = rng): void {
  const { bands, world, rules, out } = ctx;
  const col = bands.col;
  const byId = bands.order();
  for (let i = 0; i < byId.length; i++) {
    const id = byId[i]!;
    if (id >= meetDraws.length) meetDraws = new Float64Array(Math.max(2 * meetDraws.length, id + 1));
    meetDraws[id] = meet.next();
  }
  const ids = bands.order(rng);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (!bands.has(id)) continue;
    const c = col.cell[id]!;
    // The state–crime nexus (targets.md §5, P9): personnel a trafficking band has bought leave it
    // alone, in proportion to the band's criminal share and their unit's corruption.
    const bought = (1 - ctx.ideological[col.motive[id]!]!) * around(world, ctx.hostiles.boughtPersonnel, c);
    const h = Math.max(0, around(world, ctx.hostiles.personnel, c) - bought);
    // A crackdown's search operation (attribution.ts) hunts bands in its province.
    const prov = world.province[c]!;
    const searching = prov >= 0 && ctx.attribution.searchUntil[prov]! >= tick;
    const p = encounterChance(
      h,
      rules.encounterRatePer100 * (searching ? rules.huntFactor : 1),
      isHiding(bands, id),
      world.ruggedness[c]!,
      rules.hideCover,
    );
    // Route-control raids: armed trafficking (taxing, escorting) where it covers is hunted down.
    const act0 = col.action[id]!;
    const hunted = (act0 === ACT_TAX || act0 === ACT_ESCORT) && ctx.layers.raid[c]! > 1;
    const q = hunted ? 1 - (1 - p) ** ctx.layers.raid[c]! : p;
    if (!(q > 0) || meetDraws[id]! >= q) continue;
    out.encounters++;
    const e = engagementAt(world, c, false);
    e.attackers = Math.min(h, rules.detachment);
    e.attackerQuality = hostileQuality(ctx, c, around(world, ctx.hostiles.personnel, c));
    e.defenders = Math.min(col.fighters[id]!, rules.detachment);
    e.defenderQuality = bandQuality(rules.bandQuality, col.fighters[id]!, col.weapons[id]!);
    const r = resolveClash(e, rules.lanchester, rng, scratch);
    const act = col.action[id]!;
    recordFight(ctx, tick, id, c, act === ACT_ATTACK || act === ACT_CROSS, r.lossA + r.lossB, true);
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
    const e = engagementAt(world, c, rng.next() < rules.surpriseChance);
    e.attackers = Math.min(col.fighters[id]!, rules.detachment);
    e.attackerQuality = bandQuality(rules.bandQuality, col.fighters[id]!, col.weapons[id]!);
    e.defenders = Math.min(d, rules.detachment);
    e.defenderQuality = hostileQuality(ctx, c, d);
    const r = resolveClash(e, rules.lanchester, rng, scratch);
    if (r.winner === 0) out.bandWins++;
    recordFight(ctx, tick, id, c, true, r.lossA + r.lossB);
    hostileLosses(ctx, c, r.lossB);
    bandLosses(ctx, id, r.lossA);
  }
}

/**
 * Whether band `id` escorts organisation `org`'s load stopped at cell c. An armed group guards
 * loads on its own ground, up to the far bank of the first border: UNODC-2012 describes loads
 * handed from Afghan to Tajik and then Kyrgyz or Uzbek networks at each border, not columns
 * escorted across Central Asia. So a stop counts only in the country the band stands in, or
 * within one cell of it (the far bank of a crossing).
 */
function escorting(ctx: ClashContext, id: number, org: number, c: number): boolean {
  const col = ctx.bands.col;
  if (col.action[id] !== ACT_ESCORT || col.escortOrg[id] !== org || col.escortDays[id]! <= 0) return false;
  const { world } = ctx;
  const k = world.country[col.cell[id]!]!;
  if (world.country[c] === k) return true;
  const g = world.grid;
  for (let dy = -1; dy <= 1; dy++)
    for (let dx = -1; dx <= 1; dx++) {
      const v = g.at(g.x(c) + dx, g.y(c) + dy);
      if (v >= 0 && world.country[v] === k) return true;
    }
  return false;
}

/**
 * A patrol stops a load (`stop`): the bands escorting its organisation defend it together.
 * Returns true if the escort wins (the load goes on), false if it loses, null if the
 * organisation has no escort (the economy's interdiction decides).
 */
export function escortFight(ctx: ClashContext, stop: EscortStop, rng: RngStream): boolean | null {
  const { bands, world, rules, out } = ctx;
  const { org, cell: c, tick } = stop;
  const col = bands.col;
  const ids = bands.order();
  let fighters = 0;
  let weapons = 0;
  let lead = -1;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (!escorting(ctx, id, org, c)) continue;
    fighters += col.fighters[id]!;
    weapons += col.weapons[id]!;
    if (lead < 0 || col.fighters[id]! > col.fighters[lead]!) lead = id;
  }
  if (lead < 0 || fighters <= 0) return null;
  out.escortFights++;
  const e = engagementAt(world, c, false);
  e.attackers = Math.min(stop.personnel, rules.detachment);
  e.attackerQuality = stop.quality;
  e.defenders = Math.min(fighters, rules.detachment);
  e.defenderQuality = bandQuality(rules.bandQuality, fighters, weapons);
  const r = resolveClash(e, rules.lanchester, rng, scratch);
  out.stateLosses += r.lossA;
  recordFight(ctx, tick, lead, c, false, r.lossA + r.lossB);
  // Escort casualties fall on the bands in proportion to their fighters (largest first takes the rest).
  let left = r.lossB;
  for (let i = 0; i < ids.length && left > 0; i++) {
    const id = ids[i]!;
    if (!bands.has(id) || !escorting(ctx, id, org, c)) continue;
    const k = id === lead ? 0 : Math.min(left, Math.round((r.lossB * col.fighters[id]!) / fighters));
    if (k > 0) bandLosses(ctx, id, k);
    left -= k;
  }
  if (left > 0 && bands.has(lead)) bandLosses(ctx, lead, left);
  if (r.winner === 1) out.bandWins++;
  return r.winner === 1;
}
