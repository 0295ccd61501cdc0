/** The rules every band lives by: choice, money, movement and how long each action lasts. */
import type { UtilityScales } from "../motives.js";

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
  /** Whether a band may tax or escort the trade outside its home country. */
  tradeAbroad: boolean;
  /** Upkeep per fighter, USD/day. */
  wageUsdPerFighterDay: number;
  /** Non-drug funding per fighter, USD/day, × the band's ideological share. */
  sponsorUsdPerFighterDay: number;
  /** Motive drift per day toward the drug share of a band's income (0: motives fixed). */
  drift: number;
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
  /** Days a band prepares between two operations (a strike or an incursion). */
  operationPrepDays: number;
  /** Days a band prepares a cross-border incursion after its last operation. */
  incursionPrepDays: number;
}
