/**
 * Trafficking organisations (after NarcoLogic, Magliocca et al. 2019): few, so they live in typed
 * arrays, not a store. Each keeps its own view of risk per cell — a time-discounted count of its
 * own passages, seizures and bribes there, shrunk toward a prior — and a route field per market
 * computed from that view. Fields change only on re-plan events (losses past tolerance, a closed
 * crossing, the routine review), never daily, which is what makes daily work cheap.
 */
import { graphField, type RouteGraph } from "./route-graph.js";
import type { World } from "./world-types.js";

/** What re-planning needs about one market. */
export interface PlanMarket {
  /** Trading cells. */
  cells: Int32Array;
  /** Expected price at re-plan time, USD/kg (values cargo on the way). */
  price: number;
}

/** One organisation's plan toward one market, as of its last re-plan. */
export interface MarketPlan {
  /** Next-pointers toward the market (from routeField). */
  next: Int32Array;
  /** Market cell each route ends at (kept so re-plans can reuse the arrays). */
  end: Int32Array;
  /** Expected cost per kg from every cell (carriage + risk × value + bribes), USD/kg. */
  dist: Float64Array;
  /** Best launch cell in the home province (least expected cost), −1 if none reaches the market. */
  origin: number;
  /** Carriage alone along the route from `origin`, USD/kg (the carriers' fare). */
  fare: number;
}

/** The organisations of a run and their learned risk views. */
export class Organisations {
  /** Number of organisations. */
  readonly n: number;
  /** Capital, USD (never negative). */
  readonly capital: Float64Array;
  /** Share of capital it may lose before re-planning early. */
  readonly tolerance: Float64Array;
  /** kg per shipment. */
  readonly lotKg: Float64Array;
  /** Home (producing) province index. */
  readonly home: Int32Array;
  /** Seizure + bribe losses since the last re-plan, USD. */
  readonly lossSincePlan: Float64Array;
  /** Capital at the last re-plan, USD (the base the tolerance applies to). */
  readonly capitalAtPlan: Float64Array;
  /** Day of each organisation's last re-plan. */
  readonly plannedOn: Int32Array;
  /** Re-plans done, all organisations together. */
  replans = 0;
  /** Plans per organisation × market (index o × markets + m). */
  plans: MarketPlan[] = [];
  /** Decayed passages per org × cell (index o × cells + c). */
  readonly passages: Float64Array;
  /** Decayed own seizures per org × cell. */
  readonly seizures: Float64Array;
  /** Decayed own bribes per org × cell. */
  readonly bribes: Float64Array;
  private readonly cells: number;
  private readonly surcharge: Float64Array;

  constructor(
    orgs: readonly { capitalUsd: number; riskTolerance: number; lotKg: number; home: number }[],
    cells: number,
  ) {
    this.n = orgs.length;
    this.cells = cells;
    this.capital = Float64Array.from(orgs, (o) => o.capitalUsd);
    this.tolerance = Float64Array.from(orgs, (o) => o.riskTolerance);
    this.lotKg = Float64Array.from(orgs, (o) => o.lotKg);
    this.home = Int32Array.from(orgs, (o) => o.home);
    this.lossSincePlan = new Float64Array(this.n);
    this.plannedOn = new Int32Array(this.n);
    this.capitalAtPlan = Float64Array.from(this.capital);
    this.passages = new Float64Array(this.n * cells);
    this.seizures = new Float64Array(this.n * cells);
    this.bribes = new Float64Array(this.n * cells);
    this.surcharge = new Float64Array(cells);
  }

  /** Perceived seizure chance per passage of cell c: (seizures + w × prior) / (passages + w). */
  risk(o: number, c: number, prior: ArrayLike<number>, weight: number): number {
    const k = o * this.cells + c;
    return (this.seizures[k]! + weight * prior[c]!) / (this.passages[k]! + weight);
  }

  /** Perceived bribe chance per passage of cell c (prior 0: bribes are learned only). */
  bribeRate(o: number, c: number, weight: number): number {
    const k = o * this.cells + c;
    return this.bribes[k]! / (this.passages[k]! + weight);
  }

  /** Forget a day's worth: every count × factor (exp(−1 / memory days)). */
  decay(factor: number): void {
    const { passages, seizures, bribes } = this;
    for (let i = 0; i < passages.length; i++) {
      passages[i]! *= factor;
      seizures[i]! *= factor;
      bribes[i]! *= factor;
    }
  }

  /** Whether organisation o has lost more than its tolerance since its last plan. */
  pastTolerance(o: number): boolean {
    return this.lossSincePlan[o]! > this.tolerance[o]! * Math.max(this.capitalAtPlan[o]!, 1);
  }

  /**
   * Recompute organisation o's route field to every market: cost per cell = carriage + perceived
   * risk × cargo value + perceived bribe chance × bribe. Closed crossings are in `carriage` as
   * Infinity. `homeCells` are the cells it may launch from.
   */
  replan(
    o: number,
    day: number,
    world: World,
    graph: RouteGraph,
    carriage: Float64Array,
    prior: ArrayLike<number>,
    weight: number,
    bribeShare: number,
    markets: readonly PlanMarket[],
    homeCells: Int32Array,
  ): void {
    const M = markets.length;
    for (let m = 0; m < M; m++) {
      const { cells, price } = markets[m]!;
      const s = this.surcharge;
      for (let c = 0; c < this.cells; c++) {
        s[c] =
          carriage[c]! + price * (this.risk(o, c, prior, weight) + bribeShare * this.bribeRate(o, c, weight));
      }
      const old = this.plans[o * M + m];
      const field = graphField(
        graph,
        s,
        cells,
        old ? { dist: old.dist, next: old.next, end: old.end } : undefined,
      );
      let origin = -1;
      for (let i = 0; i < homeCells.length; i++) {
        const c = homeCells[i]!;
        if (field.dist[c]! < Number.POSITIVE_INFINITY && (origin < 0 || field.dist[c]! < field.dist[origin]!))
          origin = c;
      }
      this.plans[o * M + m] = {
        next: field.next,
        dist: field.dist,
        end: field.end,
        origin,
        fare: origin < 0 ? 0 : fareAlong(world, carriage, field.next, origin),
      };
    }
    this.lossSincePlan[o] = 0;
    this.plannedOn[o] = day;
    this.capitalAtPlan[o] = this.capital[o]!;
    this.replans++;
  }
}

/** Carriage along next-pointers from `cell` to the route's end, USD/kg (the engine's cost model). */
export function fareAlong(world: World, carriage: ArrayLike<number>, next: Int32Array, cell: number): number {
  const g = world.grid;
  let total = 0;
  let steps = 0;
  for (let a = cell, b = next[a]!; b >= 0; a = b, b = next[b]!) {
    if (++steps > next.length) throw new Error("route field has a cycle");
    const step = g.x(a) !== g.x(b) && g.y(a) !== g.y(b) ? Math.SQRT2 : 1;
    total += (carriage[a]! + carriage[b]!) * 0.5 * step;
  }
  return total;
}
