/**
 * A wholesale heroin market whose price answers supply against demand. Each day's deliveries go
 * into a moving window; at the end of the day the price is
 *
 *   p = basePrice × (smoothed delivered / demand)^(−1/elasticity) × (1 + riskPremium),
 *
 * clamped to [basePrice / band, basePrice × band]. This is the inverse of a constant-elasticity
 * demand curve q = D × (p / p0)^(−elasticity): the price at which buyers would take what arrived.
 * Smoothing stands for stocks held by wholesalers, so one lost load does not move the price alone.
 */
import { z } from "zod";
import type { MarketAttributes } from "../../worlds/types.js";

/** Market parameters shared by all markets (sources in MARKET_DEFAULTS and docs/model.md). */
export interface MarketParams {
  /** Days of deliveries the supply is averaged over. */
  windowDays: number;
  /** Price clamp factor: the price stays within [base / band, base × band]. */
  band: number;
  /** Time constant of the expected price (adaptive expectations), days; absent: today's price. */
  expectationDays?: number;
}

/**
 * Defaults. windowDays 30: one month, the time step at which NarcoLogic (Magliocca et al. 2019)
 * updates traffickers' and interdictors' decisions (assumption: wholesale stocks cover about a
 * month). band 3: UNODC (2012) reports Tajik wholesale prices of 1.2–5k USD/kg, a spread of about
 * ×/÷ 2 around its geometric mean; ×/÷ 3 keeps observed variation inside the clamp with room for
 * shocks (assumption). expectationDays 365: traders value cargo at what the market paid over
 * about the past year; calibrated (docs/model.md): with a month the choice chases last month's
 * price and the transit lag turns that into a cobweb cycle between the band's ends.
 */
export const MARKET_DEFAULTS: Readonly<MarketParams> = Object.freeze({
  windowDays: 30,
  band: 3,
  expectationDays: 365,
});

/**
 * The markets' parameters (`market:` in a scenario): the shared window, band and expectations,
 * and the onward trade links between markets with their speed (onward.ts).
 */
export const marketParams = z
  .strictObject({
    windowDays: z.int().min(1).default(MARKET_DEFAULTS.windowDays).describe("days of deliveries averaged"),
    band: z
      .number()
      .min(1)
      .default(MARKET_DEFAULTS.band)
      .describe("price clamp factor around the base price"),
    expectationDays: z
      .number()
      .min(1)
      .default(MARKET_DEFAULTS.expectationDays ?? 30)
      .describe("time constant of traders' expected price (adaptive expectations), days"),
    onward: z
      .record(z.string().min(1), z.string().min(1))
      .default({})
      .describe(
        "onward trade links by market name, from: to (wholesalers in `from` sell a glut on to `to`; docs/model.md, onward trade)",
      ),
    onwardShare: z
      .number()
      .min(0)
      .max(1)
      .default(0.2)
      .describe("share of the supply gap along an onward link that moves each day"),
  })
  .prefault({});

/** One market's state: the delivery window and the current wholesale price. */
export class Market {
  /** The market's demand, base price and elasticity. */
  readonly attrs: Readonly<MarketAttributes>;
  /** The parameters it was made with. */
  readonly params: Readonly<MarketParams>;
  /** Wholesale price after the last closed day, USD/kg. */
  price: number;
  /**
   * Expected price, USD/kg: adaptive expectations (Nerlove 1958), each day moved a share
   * 1 − exp(−1 / expectationDays) toward the closing price. Traders value cargo that arrives
   * weeks later at this, not at today's price, which damps the cobweb cycle a transit lag makes.
   */
  expected: number;
  private readonly adapt: number;
  /** Kilograms delivered so far today. */
  private today = 0;
  private readonly window: Float64Array;
  private head = 0;

  constructor(attrs: MarketAttributes, params: MarketParams = MARKET_DEFAULTS) {
    for (const k of ["demandKgPerDay", "basePriceUsdPerKg", "elasticity"] as const) {
      if (!(attrs[k] > 0 && Number.isFinite(attrs[k])))
        throw new RangeError(`market ${k} must be finite and > 0`);
    }
    if (!(Number.isInteger(params.windowDays) && params.windowDays >= 1)) {
      throw new RangeError("windowDays must be an integer ≥ 1");
    }
    if (!(params.band >= 1 && Number.isFinite(params.band)))
      throw new RangeError("band must be finite and ≥ 1");
    this.attrs = attrs;
    this.params = params;
    // The market starts in equilibrium (as if demand had arrived every day), so at the base price.
    this.window = new Float64Array(params.windowDays).fill(attrs.demandKgPerDay);
    this.price = attrs.basePriceUsdPerKg;
    this.expected = this.price;
    const tau = params.expectationDays;
    if (tau !== undefined && !(tau >= 1 && Number.isFinite(tau)))
      throw new RangeError("expectationDays must be finite and ≥ 1");
    this.adapt = tau === undefined ? 1 : 1 - Math.exp(-1 / tau);
  }

  /** Record `kg` delivered today (finite, ≥ 0). */
  deliver(kg: number): void {
    if (!(kg >= 0 && Number.isFinite(kg)))
      throw new RangeError(`delivered kg must be finite and ≥ 0, got ${kg}`);
    this.today += kg;
  }

  /** Mean daily deliveries over the window, kg/day. */
  smoothedSupply(): number {
    let s = 0;
    for (let i = 0; i < this.window.length; i++) s += this.window[i]!;
    return s / this.window.length;
  }

  /** Close the day: today's deliveries enter the window and the price is recomputed and returned. */
  closeDay(riskPremium = 0): number {
    this.roll();
    return this.reprice(riskPremium);
  }

  /** Today's deliveries enter the window (the first half of `closeDay`). */
  roll(): void {
    this.window[this.head] = this.today;
    this.head = (this.head + 1) % this.window.length;
    this.today = 0;
  }

  /** Recompute the price from the window and move the expected price (the second half of `closeDay`). */
  reprice(riskPremium = 0): number {
    this.price = marketPrice(this.attrs, this.smoothedSupply(), riskPremium, this.params.band);
    this.expected += (this.price - this.expected) * this.adapt;
    return this.price;
  }

  /**
   * Pass `kgPerDay` of this market's smoothed supply on to `to` (0 ≤ kgPerDay ≤ this market's),
   * and return the kilograms that moves (kgPerDay × window days). This market's window shrinks
   * in proportion, so the stock leaves from every day's deliveries alike; the receiver's grows by
   * the same amount on every day, so it ages out over a window like stock bought evenly.
   */
  passOn(to: Market, kgPerDay: number): number {
    const have = this.smoothedSupply();
    if (!(kgPerDay >= 0 && kgPerDay <= have * (1 + 1e-12)))
      throw new RangeError(`can pass on 0–${have} kg/day, got ${kgPerDay}`);
    if (to.window.length !== this.window.length)
      throw new RangeError("markets that trade must share a window length");
    if (kgPerDay === 0) return 0;
    const keep = Math.max(0, 1 - kgPerDay / have);
    for (let i = 0; i < this.window.length; i++) {
      this.window[i]! *= keep;
      to.window[i]! += kgPerDay;
    }
    return kgPerDay * this.window.length;
  }
}

/**
 * The clamped price for a smoothed supply (kg/day ≥ 0) and a risk premium (≥ 0, a share of the
 * price). Zero supply gives the cap; the result is always finite and within the band.
 */
export function marketPrice(
  attrs: MarketAttributes,
  supplyKgPerDay: number,
  riskPremium: number,
  band: number,
): number {
  if (!(supplyKgPerDay >= 0)) throw new RangeError(`supply must be ≥ 0, got ${supplyKgPerDay}`);
  if (!(riskPremium >= 0 && Number.isFinite(riskPremium))) {
    throw new RangeError(`risk premium must be finite and ≥ 0, got ${riskPremium}`);
  }
  const base = attrs.basePriceUsdPerKg;
  const ratio = supplyKgPerDay / attrs.demandKgPerDay;
  // ratio 0 gives Infinity and an infinite supply gives 0; the clamp turns both into the band's ends.
  const raw = base * ratio ** (-1 / attrs.elasticity) * (1 + riskPremium);
  return Math.min(base * band, Math.max(base / band, raw));
}
