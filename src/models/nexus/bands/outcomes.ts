/** Running totals of what bands chose and did over a run: choices, incursions, money and manpower. */
import { ACTIONS, MOTIVE_CLASSES } from "../motives.js";

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
  /** Non-drug funding received (sponsors), USD. */
  fundingUsd = 0;
  /** Upkeep paid, USD. */
  upkeepUsd = 0;
  /** Fighters recruited. */
  recruited = 0;
  /** Fighters who deserted for want of pay. */
  deserted = 0;
  /** Bands dissolved (no fighters left). */
  dissolved = 0;
  /** Band-days lived (one per band per day). */
  bandDays = 0;
  /** Heroin passing the cells bands stand on, summed over band-days, kg/day (where bands act relative to the flow). */
  flowAtBands = 0;
  /** Fighters in the largest armed crossing. */
  largestCrossing = 0;
}
