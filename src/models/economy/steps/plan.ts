/**
 * Route planning: when organisations re-plan and with what they value a route. Every
 * organisation plans before its first load (or re-plans all at once after an event such as a
 * closed crossing); after that each re-plans on losses past its tolerance or when its review
 * falls due, but never twice within `minReplanDays`: re-routing takes time (new couriers, new
 * contacts), and fields are costly. A re-plan forced by losses re-works only the routes to the
 * markets it lost loads, bribes or levies on; a review re-works every route (docs/model.md,
 * "Re-planning what broke").
 */
import type { PlanContext } from "../organisations.js";
import type { Economy } from "../state.js";

/** Every market's bit. */
const ALL = -1;

/**
 * Re-plan every organisation for the markets `due` selects (a bit per market, true for all,
 * 0 or false for none; every market of every organisation while `e.replanAll` is set), valuing
 * cargo at expected prices and routes at carriage, risk and `toll` (USD/kg per cell, if any);
 * `resize` lets a re-plan split or re-merge lots (event re-plans after a closure do not).
 */
export function replan(
  e: Economy,
  day: number,
  due: (o: number) => number | boolean,
  toll: Float64Array | undefined,
  resize = false,
): void {
  const tr = e.params.traffickers;
  const ctx: PlanContext = {
    world: e.world,
    graph: e.graph,
    carriage: e.carriage,
    speed: e.speed,
    priorSeize: e.prior,
    priorBribe: e.priorBribe,
    weight: tr.priorWeight,
    bribeShare: tr.bribeShare,
    holdingPerDay: tr.holdingCostPerDay,
    markets: e.markets.map((mk, m) => ({ cells: e.marketCells[m]!, price: mk.expected })),
    ships: e.ships,
    toll,
  };
  for (let o = 0; o < e.orgs.n; o++) {
    const d = e.replanAll || due(o);
    const markets = d === true ? ALL : d === false ? 0 : d;
    if (markets === 0) continue;
    if (resize && !e.replanAll) e.orgs.resizeLot(o, tr.lotSplit, tr.minLotKg);
    e.orgs.replan(o, day, ctx, e.homeCells[e.orgs.home[o]!]!, markets);
  }
  e.replanAll = false;
}

/** Plan every organisation's routes now (day 0), as the first day's events step would; an embedding model reads them. */
export function planFirst(e: Economy, toll: Float64Array | undefined): void {
  if (e.replanAll) replan(e, 0, () => ALL, toll);
}

/** The plan step: risk memories fade, then every organisation whose review is due re-plans. */
export function planDay(e: Economy, day: number, toll: Float64Array | undefined): void {
  const { orgs } = e;
  const tr = e.params.traffickers;
  orgs.decay(Math.exp(-1 / tr.riskMemoryDays));
  const due = (o: number): number => {
    const since = day - orgs.plannedOn[o]!;
    if (since < tr.minReplanDays) return 0;
    if (since >= tr.reviewDays) return ALL;
    return orgs.pastTolerance(o) ? orgs.lostTo[o]! : 0;
  };
  replan(e, day, due, toll, true);
}
