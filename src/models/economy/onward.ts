/**
 * Onward trade between wholesale markets. Heroin reaching a city market does not all stay there:
 * the cities on the route are transit points as well as places of use (targets.md §1.1,
 * destination split: about ¾ goes on to Russia, the rest is consumed locally), so a glut in one
 * market is bought by wholesalers who sell it on at the next (ASSUMPTION: that they do so is not
 * in the sheet; it is what the price gradient along the route implies). Without this a city that gets
 * less than one lot a day swings between its price band's ends, and its mean price says more about
 * the swings than about supply and demand.
 *
 * Rule (spatial price equilibrium, Samuelson 1952; Takayama & Judge 1971: connected markets'
 * prices differ at most by the cost of moving goods between them). Along a link a → b, wholesalers
 * in a pass supply on while a is the more supplied of the two relative to its demand. With
 * p = base × (S / D)^(−1/ε), equal S/D means each market at the same multiple of its base price,
 * so the transfer cost of a link is read as the ratio of the two base prices (ASSUMPTION: the
 * base prices already hold transport, risk and margin between the two cities). The supply that
 * equalises the ratios is
 *
 *   x = (S_a D_b − S_b D_a) / (D_a + D_b)   kg/day,   passed on only when x > 0,
 *
 * and a share `onwardShare` of it moves each day (ASSUMPTION: the speed at which wholesalers
 * notice and act on a glut). Trade runs one way along each link (downstream: no one carries
 * heroin back towards Afghanistan), links are taken from the cheapest market up, so a glut can
 * cascade along a chain in one day. Trade moves kilograms between markets' windows only: the
 * traffickers' sales, the books and the mass balance are untouched.
 */
import type { Market } from "./market.js";

/** One onward link between markets, by index: wholesalers in `from` sell on to `to`. */
export interface OnwardLink {
  /** Index of the market that passes supply on. */
  from: number;
  /** Index of the market that receives it. */
  to: number;
}

/**
 * kg/day that brings a market (supply `sa`, demand `da`) and the next (`sb`, `db`) to the same
 * supply-to-demand ratio; 0 when the first is not the more supplied. All inputs ≥ 0, demands > 0.
 */
export function equalisingShift(sa: number, da: number, sb: number, db: number): number {
  const x = (sa * db - sb * da) / (da + db);
  return x > 0 ? Math.min(x, sa) : 0;
}

/**
 * The links in trading order: by the base price of the market that passes on, cheapest first (so
 * supply moves Dushanbe → Osh → Almaty → Russia in one day); ties keep the given order.
 */
export function tradingOrder(markets: readonly Market[], links: readonly OnwardLink[]): OnwardLink[] {
  return links
    .map((l, i) => [l, i] as const)
    .sort(
      ([a, i], [b, j]) =>
        markets[a.from]!.attrs.basePriceUsdPerKg - markets[b.from]!.attrs.basePriceUsdPerKg || i - j,
    )
    .map(([l]) => l);
}

/**
 * One day's onward trade over `links` (in trading order) with a share `share` ∈ [0, 1] of each
 * equalising shift; adds the kilograms each market passed on to `passed` (per market).
 */
export function tradeOnward(
  markets: readonly Market[],
  links: readonly OnwardLink[],
  share: number,
  passed: Float64Array,
): void {
  if (share === 0) return;
  for (const { from, to } of links) {
    const a = markets[from]!;
    const b = markets[to]!;
    const x = equalisingShift(
      a.smoothedSupply(),
      a.attrs.demandKgPerDay,
      b.smoothedSupply(),
      b.attrs.demandKgPerDay,
    );
    if (x > 0) passed[from]! += a.passOn(b, x * share);
  }
}
