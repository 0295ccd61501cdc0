/**
 * Route planning: when organisations re-plan and with what they value a route. Every
 * organisation plans before its first load (or re-plans all at once after an event such as a
 * closed crossing); after that each re-plans on losses past its tolerance or when its review
 * falls due, but never twice within `minReplanDays`: re-routing takes time (new couriers, new
 * contacts), and fields are costly.
 */
import type { PlanContext } from "../organisations.js";
import type { Economy } from "../state.js";

/**
 * Re-plan every organisation `due` selects (all of them while `e.replanAll` is set), valuing
 * cargo at expected prices and routes at carriage, risk and `toll` (USD/kg per cell, if any);
 * `resize` lets a re-plan split or re-merge lots (event re-plans after a closure do not).
 */
export function replan(
  e: Economy,
  day: number,
  due: (o: number) => boolean,
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
    if (!e.replanAll && !due(o)) continue;
    if (resize && !e.replanAll) e.orgs.resizeLot(o, tr.lotSplit, tr.minLotKg);
    e.orgs.replan(o, day, ctx, e.homeCells[e.orgs.home[o]!]!);
  }
  e.replanAll = false;
}

/** Plan every organisation's routes now (day 0), as the first day's events step would; an embedding model reads them. */
export function planFirst(e: Economy, toll: Float64Array | undefined): void {
  if (e.replanAll) replan(e, 0, () => true, toll);
}

/** The plan step: risk memories fade, then every organisation whose review is due re-plans. */
export function planDay(e: Economy, day: number, toll: Float64Array | undefined): void {
  const { orgs } = e;
  const tr = e.params.traffickers;
  orgs.decay(Math.exp(-1 / tr.riskMemoryDays));
  const due = (o: number): boolean => {
    const since = day - orgs.plannedOn[o]!;
    return since >= tr.minReplanDays && (since >= tr.reviewDays || orgs.pastTolerance(o));
  };
  replan(e, day, due, toll, true);
}
