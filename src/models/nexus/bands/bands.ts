/**
 * Insurgent bands: an engine store, one row per armed group (fighters, cash, weapons, home,
 * position, group label, motive, current action). This file holds the store, the rules a band
 * lives by, and the money side: upkeep and desertion, recruitment, the per-cell tax layer the
 * economy adds to route cost and collects from passing loads, and escort contracts with trafficker
 * organisations. Choice and movement are in models/nexus/bands/choose.ts and models/nexus/bands/move.ts; the day in models/nexus/bands/day.ts.
 */
import { type AgentStore, createAgentStore } from "../../../engine/agents.js";
import type { RngStream } from "../../../engine/rng.js";
import { ACT_ESCORT, ACT_IDLE, ACTIONS, MOTIVE_CLASSES, type UtilityScales } from "../motives.js";

/** Group labels a band may carry, in code order (the `group` column indexes this list). */
export const GROUPS = ["IMU", "Taliban", "ISIS-K", "Jund al-Khilafah", "warlord militia", "other"] as const;
/** A group label. */
export type Group = (typeof GROUPS)[number];

/** Columns of a band. */
export const BAND_SCHEMA = {
  /** Fighters (≥ 0; a band at 0 is dissolved). */
  fighters: "i32",
  /** Cash, USD (≥ 0). */
  cash: "f64",
  /** Weapons held (≥ 0). */
  weapons: "i32",
  /** Home province index. */
  home: "i32",
  /** Country index of the home province (crossing out of it is an incursion). */
  homeCountry: "i32",
  /** Current cell. */
  cell: "i32",
  /** Index into GROUPS. */
  group: "u8",
  /** Index into the run's motive table. */
  motive: "u16",
  /** Current action code (models/nexus/motives.ts), ACT_IDLE when choosing. */
  action: "i8",
  /** Target cell of the action, −1 if none. */
  target: "i32",
  /** Days since the action was chosen. */
  days: "i32",
  /** Days spent at the target. */
  dwell: "i32",
  /** Movement carried over to the next day, cells. */
  progress: "f64",
  /** Organisation escorted (or being joined), −1 if none. */
  escortOrg: "i32",
  /** Contract days left (0 until the band reaches the organisation). */
  escortDays: "i32",
  /** Fee of the contract, USD/day. */
  escortFee: "f64",
} as const;

/** The store of bands. */
export type Bands = AgentStore<typeof BAND_SCHEMA>;

/** Create an empty band store. */
export function createBands(capacity = 16): Bands {
  return createAgentStore("band", BAND_SCHEMA, Math.max(4, capacity));
}

/** What a band starts with. */
export interface BandSpec {
  group: number;
  motive: number;
  home: number;
  homeCountry: number;
  cell: number;
  fighters: number;
  cashUsd: number;
  weapons: number;
}

/** Stage one band (it joins at the next flush), idle, at `cell`. */
export function stageBand(bands: Bands, b: BandSpec): void {
  const k = bands.stage();
  const s = bands.staged;
  s.group[k] = b.group;
  s.motive[k] = b.motive;
  s.home[k] = b.home;
  s.homeCountry[k] = b.homeCountry;
  s.cell[k] = b.cell;
  s.fighters[k] = Math.max(0, Math.floor(b.fighters));
  s.cash[k] = Math.max(0, b.cashUsd);
  s.weapons[k] = Math.max(0, Math.floor(b.weapons));
  s.action[k] = ACT_IDLE;
  s.target[k] = -1;
  s.escortOrg[k] = -1;
}

/** The rules every band follows (filled from the nexus parameters). */
export interface BandRules {
  /** Softmax temperature of the daily choice (utility units). */
  temperature: number;
  /** Utility scales. */
  scales: UtilityScales;
  /** Tax levied on each kg passing a held cell, USD/kg. */
  taxUsdPerKg: number;
  /** Cells (Chebyshev) around the band searched for a cell to tax. */
  taxRadius: number;
  /** Upkeep per fighter, USD/day. */
  wageUsdPerFighterDay: number;
  /** Share of the local pool of actives that joins on a recruiting day. */
  recruitRate: number;
  /** Cost of one recruit (bonus and weapon), USD. */
  recruitCostUsd: number;
  /** Share of fighters leaving per day when upkeep goes wholly unpaid. */
  desertionRate: number;
  /** Movement on flat ground, cells/day. */
  speedCellsPerDay: number;
  /** Share of speed lost at ruggedness 1. */
  terrainSlowdown: number;
  /** Days a band holds a tax cell before choosing again. */
  taxDays: number;
  /** Days of an escort contract. */
  escortDays: number;
  /** Days a band stays hidden before choosing again. */
  hideDays: number;
  /** Days a band travels toward a target before giving up. */
  maxTravelDays: number;
}

/** Running totals of what bands did (outcomes; tests read them). */
export class BandOutcomes {
  /** Choices per motive class × action (index class × 6 + action). */
  readonly choices = new Float64Array(MOTIVE_CLASSES.length * ACTIONS.length);
  /** Armed border crossings out of the home country, per motive class. */
  readonly incursions = new Float64Array(MOTIVE_CLASSES.length);
  /** Fighters who crossed in them, per motive class. */
  readonly fightersCrossed = new Float64Array(MOTIVE_CLASSES.length);
  /** Tax collected, USD. */
  taxUsd = 0;
  /** Escort fees received, USD. */
  escortUsd = 0;
  /** Upkeep paid, USD. */
  upkeepUsd = 0;
  /** Fighters recruited. */
  recruited = 0;
  /** Fighters who deserted for want of pay. */
  deserted = 0;
  /** Bands dissolved (no fighters left). */
  dissolved = 0;
}

/**
 * Pay a day's upkeep (fighters × wage) from cash. What cash cannot cover is unpaid; each fighter
 * then deserts with chance desertionRate × unpaid share (taking a weapon). A band left with no
 * fighters is removed.
 */
export function payUpkeep(bands: Bands, r: BandRules, rng: RngStream, out: BandOutcomes): void {
  const { fighters, cash } = bands.col;
  const ids = bands.order();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const cost = fighters[id]! * r.wageUsdPerFighterDay;
    const paid = Math.min(cash[id]!, cost);
    cash[id] = cash[id]! - paid;
    out.upkeepUsd += paid;
    if (paid < cost) {
      const gone = rng.binomial(fighters[id]!, r.desertionRate * (1 - paid / cost));
      loseFighters(bands, id, gone);
      out.deserted += gone;
    }
    if (fighters[id]! <= 0) {
      bands.remove(id);
      out.dissolved++;
    }
  }
}

/** Take `n` fighters (and as many weapons) from a band, never below zero; returns those taken. */
export function loseFighters(bands: Bands, id: number, n: number): number {
  const { fighters, weapons } = bands.col;
  const k = Math.max(0, Math.min(fighters[id]!, Math.floor(n)));
  fighters[id] = fighters[id]! - k;
  weapons[id] = Math.max(0, weapons[id]! - k);
  return k;
}

/** Recruits a band can expect from `pool` actives today: min(pool × rate, what cash buys). */
export function expectedRecruits(cash: number, pool: number, r: BandRules): number {
  return Math.max(0, Math.min(pool * r.recruitRate, Math.floor(cash / r.recruitCostUsd)));
}

/**
 * Recruit from `pool` actives: Binomial(⌊pool⌋, recruitRate) join, capped by what cash pays at
 * recruitCostUsd each; each brings a weapon. Returns the number recruited.
 */
export function recruit(bands: Bands, id: number, pool: number, r: BandRules, rng: RngStream): number {
  const { fighters, cash, weapons } = bands.col;
  const affordable = Math.floor(cash[id]! / r.recruitCostUsd);
  const n = Math.min(affordable, rng.binomial(Math.max(0, Math.floor(pool)), r.recruitRate));
  if (n <= 0) return 0;
  fighters[id] = fighters[id]! + n;
  weapons[id] = weapons[id]! + n;
  cash[id] = Math.max(0, cash[id]! - n * r.recruitCostUsd);
  return n;
}

/**
 * The per-cell tax layer: the rate (USD/kg) levied on loads passing each cell and the band that
 * holds it. Rebuilt daily by the bands phase; the economy adds `rate` to route cost and calls
 * `collectTax` for each load that passes a held cell. When two bands sit on one cell the one with
 * more fighters holds it.
 */
export class TaxLayer {
  /** Tax per kg passing the cell today, USD/kg (0 where no band taxes). */
  readonly rate: Float64Array;
  /** Band id holding the cell, −1 if none. */
  readonly holder: Int32Array;
  private readonly heldBy: Float64Array;
  private readonly touched: Int32Array;
  private n = 0;

  constructor(cells: number) {
    this.rate = new Float64Array(cells);
    this.holder = new Int32Array(cells).fill(-1);
    this.heldBy = new Float64Array(cells);
    this.touched = new Int32Array(cells);
  }

  /** Cells held today. */
  get held(): Int32Array {
    return this.touched.subarray(0, this.n);
  }

  /** Clear yesterday's cells. */
  clear(): void {
    for (let i = 0; i < this.n; i++) {
      const c = this.touched[i]!;
      this.rate[c] = 0;
      this.holder[c] = -1;
      this.heldBy[c] = 0;
    }
    this.n = 0;
  }

  /** Band `id` with `fighters` taxes cell c at `rate` USD/kg (the larger band keeps a contested cell). */
  set(c: number, id: number, fighters: number, rate: number): void {
    if (this.holder[c] === -1) this.touched[this.n++] = c;
    else if (fighters <= this.heldBy[c]!) return;
    this.holder[c] = id;
    this.heldBy[c] = fighters;
    this.rate[c] = rate;
  }
}

/**
 * Book the tax on `kg` passing cell c: rate × kg USD go to the holding band's cash. Returns the
 * amount (0 where no live band holds the cell); the caller debits the load's organisation.
 */
export function collectTax(tax: TaxLayer, bands: Bands, c: number, kg: number, out?: BandOutcomes): number {
  const id = tax.holder[c]!;
  if (id < 0 || !bands.has(id) || !(kg > 0)) return 0;
  const usd = tax.rate[c]! * kg;
  bands.col.cash[id] = bands.col.cash[id]! + usd;
  if (out) out.taxUsd += usd;
  return usd;
}

/** Fighters under an active escort contract per organisation (index = organisation), into `out`. */
export function escortFighters(bands: Bands, out: Float64Array): Float64Array {
  out.fill(0);
  const { fighters, escortOrg, escortDays, action } = bands.col;
  const ids = bands.order();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const o = escortOrg[id]!;
    if (action[id] === ACT_ESCORT && escortDays[id]! > 0 && o >= 0 && o < out.length)
      out[o]! += fighters[id]!;
  }
  return out;
}

/**
 * Pay one day of every active escort contract from its organisation's capital (never below 0:
 * an organisation that cannot pay the full fee pays what it has) and count the day down; a
 * finished contract frees the band to choose again. Returns the USD paid.
 */
export function payEscorts(bands: Bands, orgCapital: Float64Array, out?: BandOutcomes): number {
  const { cash, escortOrg, escortDays, escortFee, action } = bands.col;
  let total = 0;
  const ids = bands.order();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const o = escortOrg[id]!;
    if (action[id] !== ACT_ESCORT || escortDays[id]! <= 0 || o < 0 || o >= orgCapital.length) continue;
    const fee = Math.min(escortFee[id]!, Math.max(0, orgCapital[o]!));
    orgCapital[o] = orgCapital[o]! - fee;
    cash[id] = cash[id]! + fee;
    total += fee;
    escortDays[id] = escortDays[id]! - 1;
    if (escortDays[id] === 0) {
      action[id] = ACT_IDLE;
      escortOrg[id] = -1;
    }
  }
  if (out) out.escortUsd += total;
  return total;
}
