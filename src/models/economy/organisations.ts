/**
 * Trafficking organisations (after NarcoLogic, Magliocca et al. 2019): few, so they live in typed
 * arrays, not a store. Each keeps its own view of risk per cell — a time-discounted count of its
 * own passages, seizures and bribes there, shrunk toward a prior — and a route field per market
 * computed from that view. Fields change only on re-plan events (losses past tolerance, a closed
 * crossing, the routine review), never daily, which is what makes daily work cheap.
 */
import { graphField, type RouteGraph, type StopCells } from "../../worlds/route-graph.js";
import type { World } from "../../worlds/types.js";
import { freshField, launchGuide, PriorRisk, type PriorRiskInputs } from "./fresh-fields.js";
import type { Shipments } from "./shipments.js";
import { fareAlong } from "./transport.js";

/** What re-planning needs about one market. */
export interface PlanMarket {
  /** Trading cells. */
  cells: Int32Array;
  /** Expected price at re-plan time, USD/kg (values cargo on the way). */
  price: number;
}

/** What every re-plan reads besides the organisation's own counts (the prior-risk inputs among them). */
// Speed, priors, prior weight, bribe share and holding cost come from PriorRiskInputs, which the prior risk layer reads.
export interface PlanContext extends PriorRiskInputs {
  /** The world. */
  world: World;
  /** Its legal-move graph. */
  graph: RouteGraph;
  /** Carriage cost per cell, USD/kg (Infinity where closed). */
  carriage: Float64Array;
  /** Markets at re-plan time. */
  markets: readonly PlanMarket[];
  /** Loads in transit: a field need only be searched until their cells and the nearest home cell settle. */
  ships: Shipments;
  /** Tolls per cell, USD/kg (insurgent tax): route cost, but paid on passage, so not in the fare. */
  toll?: Float64Array | undefined;
}

/** One organisation's plan toward one market, as of its last re-plan. */
export interface MarketPlan {
  /** Next-pointers toward the market (from routeField). */
  next: Int32Array;
  /** Market cell each route ends at (kept so re-plans can reuse the arrays). */
  end: Int32Array;
  /** Expected cost per kg from every cell (carriage + (risk + bribes + holding) × value), USD/kg. */
  dist: Float64Array;
  /** Best launch cell in the home province (least expected cost), −1 if none reaches the market. */
  origin: number;
  /** Carriage alone along the route from `origin`, USD/kg (the carriers' fare). */
  fare: number;
  /** Whether the arrays are a shared field (`fresh-fields.ts`): a re-plan then writes new ones. */
  shared?: boolean | undefined;
}

/** The organisations of a run and their learned risk views. */
export class Organisations {
  /** Number of organisations. */
  readonly n: number;
  /** Capital, USD (never negative). */
  readonly capital: Float64Array;
  /** Share of the value it sends it may lose (seizures + bribes) before re-planning early. */
  readonly tolerance: Float64Array;
  /** kg per shipment now (shrinks after losses, see `resizeLot`). */
  readonly lotKg: Float64Array;
  /** kg per shipment the organisation starts with and recovers toward. */
  readonly baseLotKg: Float64Array;
  /** Home (producing) province index. */
  readonly home: Int32Array;
  /** Seizure + bribe losses since the last re-plan, USD. */
  readonly lossSincePlan: Float64Array;
  /** Expected value of the loads sent since the last re-plan, USD (the base the tolerance applies to). */
  readonly valueSincePlan: Float64Array;
  /** Day of each organisation's last re-plan. */
  readonly plannedOn: Int32Array;
  /** Re-plans done, all organisations together. */
  replans = 0;
  /** Plans per organisation × market (index o × markets + m). */
  plans: MarketPlan[] = [];
  /**
   * Decayed passages per org × slot (index o × cells + slot; a cell gets the org's next slot at
   * its first passage, so an org's counts lie together and decay walks them in a row); add
   * through `pass`, which returns the index.
   */
  readonly passages: Float64Array;
  /** Decayed own seizures, indexed as `passages`. */
  readonly seizures: Float64Array;
  /** Decayed own bribes, indexed as `passages`. */
  readonly bribes: Float64Array;
  private readonly cells: number;
  private readonly perValue: Float64Array;
  private readonly surcharge: Float64Array;
  private readonly tolled: Float64Array;
  private readonly stop: StopCells;
  // Cells of o's loads bound for each market, gathered once per re-plan (one pass over the loads).
  private stopCellsOf: Int32Array[] = [];
  private stopN = new Int32Array(0);
  // Where each organisation has counts: decay and re-plans visit those cells only, since
  // everywhere else the counts are 0 and the perceived risk is the prior's.
  private readonly slot: Int32Array; // per org × cell: its slot, −1 before the first passage
  private readonly seenCells: Int32Array[];
  private readonly seenN: Int32Array;
  private readonly prior = new PriorRisk();

  constructor(
    orgs: readonly { capitalUsd: number; riskTolerance: number; lotKg: number; home: number }[],
    cells: number,
  ) {
    this.n = orgs.length;
    this.cells = cells;
    this.capital = Float64Array.from(orgs, (o) => o.capitalUsd);
    this.tolerance = Float64Array.from(orgs, (o) => o.riskTolerance);
    this.lotKg = Float64Array.from(orgs, (o) => o.lotKg);
    this.baseLotKg = Float64Array.from(orgs, (o) => o.lotKg);
    this.home = Int32Array.from(orgs, (o) => o.home);
    this.lossSincePlan = new Float64Array(this.n);
    this.plannedOn = new Int32Array(this.n);
    this.valueSincePlan = new Float64Array(this.n);
    this.passages = new Float64Array(this.n * cells);
    this.seizures = new Float64Array(this.n * cells);
    this.bribes = new Float64Array(this.n * cells);
    this.perValue = new Float64Array(cells);
    this.surcharge = new Float64Array(cells);
    this.tolled = new Float64Array(cells);
    this.stop = { cells: new Int32Array(64), n: 0, any: new Int32Array(0), mark: new Uint8Array(cells) };
    this.slot = new Int32Array(this.n * cells).fill(-1);
    this.seenCells = Array.from({ length: this.n }, () => new Int32Array(64));
    this.seenN = new Int32Array(this.n);
  }

  /** Count a passage of organisation o through cell c; returns the index of its counts (see `passages`). */
  pass(o: number, c: number): number {
    let s = this.slot[o * this.cells + c]!;
    if (s < 0) {
      s = this.seenN[o]!;
      this.slot[o * this.cells + c] = s;
      this.seenCells[o] = ensure(this.seenCells[o]!, s + 1);
      this.seenCells[o]![s] = c;
      this.seenN[o] = s + 1;
    }
    const k = o * this.cells + s;
    this.passages[k]! += 1;
    return k;
  }

  /** Perceived seizure chance per passage of cell c: (seizures + w × prior) / (passages + w). */
  risk(o: number, c: number, prior: ArrayLike<number>, weight: number): number {
    const k = this.countsAt(o, c);
    return (
      ((k < 0 ? 0 : this.seizures[k]!) + weight * prior[c]!) / ((k < 0 ? 0 : this.passages[k]!) + weight)
    );
  }

  /** Perceived bribe chance per passage of cell c: (bribes + w × prior) / (passages + w). */
  bribeRate(o: number, c: number, prior: ArrayLike<number>, weight: number): number {
    const k = this.countsAt(o, c);
    return ((k < 0 ? 0 : this.bribes[k]!) + weight * prior[c]!) / ((k < 0 ? 0 : this.passages[k]!) + weight);
  }

  /** Index of o's counts in cell c, −1 where it has never passed (every count 0). */
  private countsAt(o: number, c: number): number {
    const s = this.slot[o * this.cells + c]!;
    return s < 0 ? -1 : o * this.cells + s;
  }

  /** Forget a day's worth: every count × factor (exp(−1 / memory days)); counts of 0 stay 0. */
  decay(factor: number): void {
    const { passages, seizures, bribes } = this;
    for (let o = 0; o < this.n; o++) {
      const end = o * this.cells + this.seenN[o]!;
      for (let k = o * this.cells; k < end; k++) {
        passages[k]! *= factor;
        seizures[k]! *= factor;
        bribes[k]! *= factor;
      }
    }
  }

  /**
   * Whether organisation o has lost more than its tolerance since its last plan: losses above
   * tolerance × the expected value of what it sent (a loss rate, so it means the same to a new
   * and to a rich organisation).
   */
  pastTolerance(o: number): boolean {
    const loss = this.lossSincePlan[o]!;
    return loss > 0 && loss > this.tolerance[o]! * this.valueSincePlan[o]!;
  }

  /**
   * Split or re-merge shipments at a re-plan: past tolerance the lot shrinks by `split` (not
   * below `minKg`, or the base lot if that is smaller); at a review with losses within tolerance
   * it grows back by 1 / `split`, up to the base lot.
   */
  resizeLot(o: number, split: number, minKg: number): void {
    const base = this.baseLotKg[o]!;
    const lot = this.lotKg[o]!;
    this.lotKg[o] = this.pastTolerance(o)
      ? Math.max(Math.min(minKg, base), lot * split)
      : Math.min(base, lot / split);
  }

  /** Gather the cells of o's loads per market (in load order) for `stopCells`. */
  private gatherStops(o: number, M: number, ships: Shipments): Int32Array {
    if (this.stopCellsOf.length < M) this.stopCellsOf = Array.from({ length: M }, () => new Int32Array(64));
    if (this.stopN.length < M) this.stopN = new Int32Array(M);
    const n = this.stopN;
    n.fill(0);
    const ids = ships.order();
    const { org, market, cell } = ships.col;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (org[id] !== o) continue;
      const m = market[id]!;
      const k = n[m]!;
      this.stopCellsOf[m] = ensure(this.stopCellsOf[m]!, k + 1);
      this.stopCellsOf[m]![k] = cell[id]!;
      n[m] = k + 1;
    }
    return n;
  }

  /** The cells o's field toward market m must be exact on: its loads bound there (`gatherStops`), and its launch cell. */
  private stopCells(m: number, counts: Int32Array, homeCells: Int32Array): StopCells {
    const st = this.stop;
    st.cells = this.stopCellsOf[m]!;
    st.n = counts[m]!;
    st.any = homeCells;
    return st;
  }

  /**
   * Recompute organisation o's route field to every market: cost per cell = carriage + value ×
   * (perceived seizure chance + bribeShare × perceived bribe chance + holding per day × days in
   * the cell). Closed crossings are in `carriage` as Infinity. `homeCells` are its launch cells.
   */
  replan(o: number, day: number, ctx: PlanContext, homeCells: Int32Array): void {
    const { carriage, speed, priorSeize, priorBribe, weight, bribeShare, holdingPerDay, markets } = ctx;
    const toll = ctx.toll;
    const r = this.perValue;
    r.set(this.prior.layer(ctx));
    const seen = this.seenCells[o]!;
    for (let i = 0; i < this.seenN[o]!; i++) {
      const c = seen[i]!;
      r[c] =
        this.risk(o, c, priorSeize, weight) +
        bribeShare * this.bribeRate(o, c, priorBribe, weight) +
        (speed[c]! > 0 ? holdingPerDay / speed[c]! : 0);
    }
    const M = markets.length;
    const s = this.surcharge;
    // Every cost layer below is carriage + tolls + value × risk ≥ carriage: the carriage-only
    // cost to the launch cells is a lower bound that steers each search toward them (A*).
    const guide = launchGuide(ctx.graph, carriage, homeCells);
    // carriage + toll is summed first either way (left to right), so it is summed once for all markets.
    const base = toll ? this.tolled : carriage;
    if (toll) for (let c = 0; c < this.cells; c++) base[c] = carriage[c]! + toll[c]!;
    const counts = this.gatherStops(o, M, ctx.ships);
    for (let m = 0; m < M; m++) {
      const { cells, price } = markets[m]!;
      for (let c = 0; c < this.cells; c++) s[c] = base[c]! + price * r[c]!;
      const prev = this.plans[o * M + m];
      const stop = this.stopCells(m, counts, homeCells);
      // An organisation that has learned nothing and has no load on the way plans what any
      // such organisation plans from the same cost layer: shared fields, read-only.
      const fresh = this.seenN[o] === 0 && stop.n === 0;
      const field = fresh
        ? freshField(ctx.graph, s, cells, stop, guide)
        : graphField(ctx.graph, s, cells, prev?.shared ? undefined : prev, stop, guide);
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
        fare: origin < 0 ? 0 : fareAlong(ctx.world, carriage, field.next, origin),
        shared: fresh,
      };
    }
    this.lossSincePlan[o] = 0;
    this.valueSincePlan[o] = 0;
    this.plannedOn[o] = day;
    this.replans++;
  }
}

/** Grow an Int32Array to hold at least n entries. */
function ensure(a: Int32Array, n: number): Int32Array {
  if (a.length >= n) return a;
  const b = new Int32Array(Math.max(n, 2 * a.length));
  b.set(a);
  return b;
}
