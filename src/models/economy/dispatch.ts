/**
 * Dispatch: an organisation buys one lot at home and sends it to a market drawn by a
 * multinomial logit over expected profit per kg (discrete choice, as NarcoLogic's probabilistic
 * route choice, Magliocca et al. 2019). Expected profit of market m is its expected price minus the route
 * field's expected cost from the launch cell minus the source price; only markets with positive
 * expected profit are candidates, chosen with probability ∝ exp(profit / temperature). The
 * temperature (USD/kg) is the spread of what the organisation does not see or weigh the same way
 * (buyers it trusts, debts, kin in one city): at 0 every lot goes to the argmax market, which
 * herds every organisation onto one market and makes prices boom and bust. A size term
 * (marketSizeTerms) adds the log of a market's demand: more buyers, more lots at equal profit.
 */
import type { RngStream } from "../../engine/rng.js";
import type { World } from "../../worlds/types.js";
import type { Ledger } from "./ledger.js";
import type { Market } from "./market.js";
import type { Organisations } from "./organisations.js";
import { type Shipments, stepDays } from "./shipments.js";

/** What dispatching reads and writes. */
export interface DispatchState {
  world: World;
  orgs: Organisations;
  ledger: Ledger;
  markets: readonly Market[];
  ships: Shipments;
  speed: Float64Array;
  /** One stream per organisation (its market draws). */
  orgRngs: readonly RngStream[];
  /** Price paid at the producer, USD/kg. */
  sourcePrice: number;
  /** Logit temperature, USD/kg (0: argmax). */
  temperature: number;
  /** Scratch, one slot per market. */
  profit: Float64Array;
  /** Log size term per market added to the logit's utility (marketSizeTerms); absent: none. */
  sizeTerm?: Float64Array;
}

/**
 * The logit's size term per market: β × ln(demand / the largest demand), ≤ 0. A destination's
 * attraction grows with the number of buyers in it (size variables in destination choice,
 * Ben-Akiva & Lerman 1985, ch. 9): at equal profit a market with β = 1 gets lots in proportion
 * to its demand; β = 0 weighs every market alike.
 */
export function marketSizeTerms(markets: readonly Market[], beta: number): Float64Array {
  let top = 0;
  for (const m of markets) top = Math.max(top, m.attrs.demandKgPerDay);
  return Float64Array.from(markets, (m) => beta * Math.log(m.attrs.demandKgPerDay / top));
}

/**
 * Index drawn by a multinomial logit over `profit[0..n)`: among entries > 0, probability ∝
 * exp(profit / temperature), from the uniform draw `u` in [0, 1). Temperature 0 gives the argmax
 * (first on ties). −1 when no entry is positive.
 */
export function logitChoice(
  profit: ArrayLike<number>,
  n: number,
  temperature: number,
  u: number,
  size?: ArrayLike<number>,
): number {
  let best = -1;
  for (let m = 0; m < n; m++) if (profit[m]! > 0 && (best < 0 || profit[m]! > profit[best]!)) best = m;
  if (best < 0 || !(temperature > 0)) return best;
  // Shift by the maximum so exp never overflows; the top market has weight 1.
  const top = profit[best]!;
  let total = 0;
  // A size term is ≤ 0 (marketSizeTerms), so no weight exceeds 1.
  for (let m = 0; m < n; m++) if (profit[m]! > 0) total += logitWeight(profit, m, top, temperature, size);
  let r = u * total;
  let last = best;
  for (let m = 0; m < n; m++) {
    if (!(profit[m]! > 0)) continue;
    const w = logitWeight(profit, m, top, temperature, size);
    last = m;
    if (r < w) return m;
    r -= w;
  }
  return last; // floating-point leftovers land on the last candidate
}

/** The logit weight of market m relative to the top profit (a function, not a closure per draw). */
function logitWeight(
  profit: ArrayLike<number>,
  m: number,
  top: number,
  temperature: number,
  size: ArrayLike<number> | undefined,
): number {
  return Math.exp((profit[m]! - top) / temperature + (size ? size[m]! : 0));
}

/** Organisation o buys one lot at home and sends it to a drawn market; false if it does not. */
export function dispatchLot(st: DispatchState, o: number): boolean {
  const { orgs, ledger, markets, profit } = st;
  const home = orgs.home[o]!;
  const kg = orgs.lotKg[o]!;
  if (ledger.stock[home]! < kg) return false;
  const M = markets.length;
  for (let m = 0; m < M; m++) {
    const plan = orgs.plans[o * M + m]!;
    profit[m] = plan.origin < 0 ? 0 : markets[m]!.expected - plan.dist[plan.origin]! - st.sourcePrice;
  }
  const pick = logitChoice(profit, M, st.temperature, st.orgRngs[o]!.draw(), st.sizeTerm);
  if (pick < 0) return false;
  const plan = orgs.plans[o * M + pick]!;
  const cost = kg * (st.sourcePrice + plan.fare);
  if (orgs.capital[o]! < cost) return false;
  orgs.capital[o]! -= cost;
  orgs.valueSincePlan[o]! += kg * markets[pick]!.expected;
  ledger.stock[home]! -= kg;
  ledger.dispatched += kg;
  ledger.shipments++;
  ledger.purchasesUsd += kg * st.sourcePrice;
  ledger.faresUsd += kg * plan.fare;
  const s = st.ships;
  const r = s.stage();
  s.staged.org[r] = o;
  s.staged.market[r] = pick;
  s.staged.kg[r] = kg;
  s.staged.cell[r] = plan.origin;
  const nx = plan.next[plan.origin]!;
  s.staged.wait[r] = nx < 0 ? 0 : stepDays(st.world, st.speed, plan.origin, nx);
  s.staged.countries[r] = 1 << st.world.country[plan.origin]!;
  ledger.transitByCountry[st.world.country[plan.origin]!]! += kg;
  return true;
}

/** One day of dispatch: organisations in random order, in rounds of one lot each, so organisations of one province share its stock. */
export function dispatchDay(st: DispatchState, order: Int32Array, rng: RngStream): void {
  for (let o = 0; o < order.length; o++) order[o] = o;
  rng.shuffle(order);
  for (let sent = 1; sent > 0; ) {
    sent = 0;
    for (let i = 0; i < order.length; i++) if (dispatchLot(st, order[i]!)) sent++;
  }
}
