/**
 * Insurgent bands as an engine store: one row per armed group (fighters, cash, weapons, home,
 * position, group label, motive, current action and escort contract), how a band is staged, and
 * how it loses fighters. What bands do with the rows: upkeep.ts, recruit.ts, tax.ts, escorts.ts,
 * choose.ts, move.ts; the day in day.ts.
 */
import { type AgentStore, createAgentStore } from "../../../engine/agents.js";
import { ACT_IDLE } from "../motives.js";

/** Group labels a band may carry, in code order (the `group` column indexes this list). */
export const GROUPS = [
  "IMU",
  "Taliban",
  "ISIS-K",
  "Jund al-Khilafah",
  "warlord militia",
  "other",
  "Jamaat Ansarullah",
] as const;
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
  /** Recent drug income (tax, escort fees), USD, decayed (models/nexus/bands/drift.ts reads it). */
  drugUsd: "f64",
  /** Recent non-drug income (sponsors), USD, decayed. */
  fundUsd: "f64",
  /** Days since the band's last operation (strike or incursion); −1 until its first day. */
  sinceOp: "i32",
  /** Days since the band's last incursion campaign (crossed or turned back); −1 until its first day. */
  sinceCampaign: "i32",
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
  s.sinceOp[k] = -1;
  s.sinceCampaign[k] = -1;
}

/** Take `n` fighters (and as many weapons) from a band, never below zero; returns those taken. */
export function loseFighters(bands: Bands, id: number, n: number): number {
  const { fighters, weapons } = bands.col;
  const k = Math.max(0, Math.min(fighters[id]!, Math.floor(n)));
  fighters[id] = fighters[id]! - k;
  weapons[id] = Math.max(0, weapons[id]! - k);
  return k;
}
