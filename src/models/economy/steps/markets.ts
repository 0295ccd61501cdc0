/**
 * The markets' close. Today's deliveries enter each market's window, wholesalers pass gluts on
 * along the onward links (onward.ts), then each market sets its day's price from its supply and a
 * risk premium: what was lost on the way per kg that arrived, both decayed over the market window.
 * Closing prices after the warm-up add up to the mean price the outcomes report.
 */
import { tradeOnward } from "../onward.js";
import type { Economy } from "../state.js";

/** Close every market of `e` for `day`. */
export function closeMarketsDay(e: Economy, day: number): void {
  const { markets, seizedWindow, deliveredWindow } = e;
  const band = e.params.market.band;
  const counted = day >= e.params.warmUpDays;
  if (counted) e.priceDays++;
  for (const mk of markets) mk.roll();
  tradeOnward(markets, e.onward, e.params.market.onwardShare, e.passedOn);
  for (let m = 0; m < markets.length; m++) {
    // Above band² the price band binds whatever the supply, so the cap only keeps the premium
    // finite when nothing arrived.
    const lost = seizedWindow[m]!;
    const got = deliveredWindow[m]!;
    const premium = got > 0 ? Math.min(lost / got, band ** 2) : lost > 0 ? band ** 2 : 0;
    const price = markets[m]!.reprice(premium);
    if (counted) e.priceSum[m]! += price;
    seizedWindow[m]! *= e.lossDecay;
    deliveredWindow[m]! *= e.lossDecay;
  }
}
