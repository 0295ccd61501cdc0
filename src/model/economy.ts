/**
 * The drug-route economy on the engine's locked tick (one tick = one day). Phases, in this order:
 * events (crossings close) → produce → dispatch (organisations buy and send loads) → patrol
 * (units move, presence layer rebuilt) → move → interdict (detect, bribe or seize, learn) →
 * deliver → markets (close the day, set prices) → plan (forget, re-plan on events). Stores flush
 * after every phase, so loads sent today move today and loads seized are gone before delivery.
 */
import { createRngHub } from "../engine/rng.js";
import { createSimulation, type Phase, type Simulation } from "../engine/schedule.js";
import { corridorWorld } from "./corridor-world.js";
import { corridorCrossings, crossingIndexLayer, findCrossing, type NamedCrossing } from "./crossings.js";
import { Ledger } from "./economy-ledger.js";
import { type EconomyParams, transportOf } from "./economy-params.js";
import { interdictDay } from "./interdiction.js";
import { Market } from "./market.js";
import { Organisations } from "./organisations.js";
import { type RouteGraph, routeGraph } from "./route-graph.js";
import { createUnits, exposureLayer, Presence, patrolDay, type Units } from "./security.js";
import { postUnits } from "./security-posts.js";
import { createShipments, moveDay, type Shipments, stepDays, Visits } from "./shipments.js";
import { crossingDetection, transportCost, transportSpeed } from "./transport.js";
import type { World } from "./world-types.js";

/** The state of one economy run, steppable tick by tick (tests check mass balance after every tick). */
export class Economy {
  /** The world. */
  readonly world: World;
  /** Named crossings. */
  readonly crossings: NamedCrossing[];
  /** Market names (province names), in world order. */
  readonly marketNames: string[];
  /** Markets, indexed like `marketNames`. */
  readonly markets: Market[];
  /** Trading cells per market. */
  readonly marketCells: Int32Array[];
  /** Organisations. */
  readonly orgs: Organisations;
  /** Security units. */
  readonly units: Units;
  /** Loads in transit. */
  readonly ships: Shipments;
  /** The books. */
  readonly ledger: Ledger;
  /** The locked-tick schedule. */
  readonly simulation: Simulation;
  /** Carriage cost per cell, USD/kg (Infinity on closed crossings and blocked cells). */
  readonly carriage: Float64Array;
  /** Speed per cell, cells/day. */
  readonly speed: Float64Array;
  /** Prior perceived seizure chance per cell (the crossing kind's base detection). */
  readonly prior: Float64Array;
  /** Daily presence layer. */
  readonly presence: Presence;
  /** The parameters it runs with. */
  readonly params: EconomyParams;
  private readonly homeCells: Int32Array[];
  private readonly graph: RouteGraph;
  private readonly lossDecay: number;
  private readonly seizedWindow: Float64Array;
  private readonly deliveredWindow: Float64Array;
  private replanAll = true;

  constructor(p: EconomyParams, seed: number, after?: (tick: number) => void) {
    this.params = p;
    const world = corridorWorld();
    this.world = world;
    const size = world.grid.size;
    const hub = createRngHub(seed);
    this.crossings = corridorCrossings();
    const tp = transportOf(p);
    this.carriage = transportCost(world, tp);
    this.speed = transportSpeed(world, tp);
    this.prior = crossingDetection(world, tp);
    this.marketNames = world.markets.map(([pi]) => world.provinces[pi]!.name);
    this.marketCells = world.markets.map(([, cells]) => cells);
    const mp = { windowDays: p.market.windowDays, band: p.market.band };
    this.markets = world.markets.map(([pi]) => new Market(world.provinces[pi]!.market!, mp));
    this.orgs = new Organisations(
      p.organisations.map((o) => ({ ...o, home: world.provinces.findIndex((q) => q.name === o.home) })),
      size,
    );
    this.graph = routeGraph(world);
    this.homeCells = world.provinces.map((_, i) => world.cellsOf[i]!);
    const memory = Math.exp(-1 / p.traffickers.riskMemoryDays);
    this.lossDecay = Math.exp(-1 / p.market.windowDays);
    this.seizedWindow = new Float64Array(this.markets.length);
    this.deliveredWindow = new Float64Array(this.markets.length);
    this.ledger = new Ledger(
      world.provinces.length,
      this.markets.length,
      world.countries.length,
      this.crossings.length,
    );
    this.presence = new Presence(size);
    const exposure = exposureLayer(world, p.detection);
    const crossingOf = crossingIndexLayer(this.crossings, size);
    this.units = createUnits(64);
    postUnits(this.units, world, p, this.crossings, hub.stream("security/posts"));
    this.units.flush();
    this.ships = createShipments(256);
    for (const c of p.closedCrossings) {
      if (!findCrossing(this.crossings, c.crossing))
        throw new Error(`closedCrossings: unknown crossing "${c.crossing}"`);
    }

    const tradeRng = hub.stream("traffickers");
    const patrolRng = hub.stream("security/patrol");
    const detectRng = hub.stream("security/detect");
    const visits = new Visits();
    const { orgs, ledger, ships, units, presence, markets } = this;
    const M = markets.length;
    const nextOf = (o: number, m: number) => orgs.plans[o * M + m]!.next;
    const order = new Int32Array(orgs.n);
    const tr = p.traffickers;

    const phases: Phase[] = [
      {
        name: "events",
        run: (day) => {
          for (const c of p.closedCrossings) {
            if (c.fromDay !== day) continue;
            for (const cell of findCrossing(this.crossings, c.crossing)!.cells)
              this.carriage[cell] = Infinity;
            this.replanAll = true;
          }
          if (this.replanAll) this.replan(day, () => true);
        },
      },
      {
        name: "produce",
        run: () => {
          world.provinces.forEach((q, i) => {
            ledger.stock[i]! += q.productionKgPerDay;
            ledger.produced += q.productionKgPerDay;
          });
        },
      },
      {
        name: "dispatch",
        run: () => {
          for (let o = 0; o < orgs.n; o++) order[o] = o;
          tradeRng.shuffle(order);
          // Rounds of one lot per organisation, so organisations of one province share its stock.
          for (let sent = 1; sent > 0; ) {
            sent = 0;
            for (let i = 0; i < orgs.n; i++) if (this.dispatch(order[i]!)) sent++;
          }
        },
      },
      { name: "patrol", run: (day) => patrolDay(units, world, presence, day, patrolRng) },
      { name: "move", run: () => moveDay(ships, world, this.speed, nextOf, visits) },
      {
        name: "interdict",
        run: () =>
          interdictDay(
            { world, ships, units, orgs, ledger, presence, exposure, crossingOf, markets, visits, p },
            {
              seizedWindow: this.seizedWindow,
              rng: detectRng,
            },
          ),
      },
      {
        name: "deliver",
        run: () => {
          const { org, market, kg, cell } = ships.col;
          const ids = ships.order();
          for (let i = 0; i < ids.length; i++) {
            const id = ids[i]!;
            const m = market[id]!;
            if (orgs.plans[org[id]! * M + m]!.dist[cell[id]!] !== 0) continue;
            const load = kg[id]!;
            const revenue = load * markets[m]!.price;
            markets[m]!.deliver(load);
            orgs.capital[org[id]!]! += revenue;
            ledger.revenueUsd += revenue;
            ledger.delivered[m]! += load;
            this.deliveredWindow[m]! += load;
            ships.remove(id);
          }
        },
      },
      {
        name: "markets",
        run: () => {
          for (let m = 0; m < M; m++) {
            // The risk traders bore: what was lost on the way per kg that arrived (decayed over the
            // market window). Above band² the price band binds whatever the supply, so the cap only
            // keeps the premium finite when nothing arrived.
            const lost = this.seizedWindow[m]!;
            const got = this.deliveredWindow[m]!;
            const premium =
              got > 0 ? Math.min(lost / got, p.market.band ** 2) : lost > 0 ? p.market.band ** 2 : 0;
            markets[m]!.closeDay(premium);
            this.seizedWindow[m]! *= this.lossDecay;
            this.deliveredWindow[m]! *= this.lossDecay;
          }
        },
      },
      {
        name: "plan",
        run: (day) => {
          orgs.decay(memory);
          // Re-plan on losses past tolerance or when the review falls due, but never twice within
          // minReplanDays: re-routing takes time (new couriers, new contacts), and fields are costly.
          this.replan(day, (o) => {
            const since = day - orgs.plannedOn[o]!;
            return since >= tr.minReplanDays && (since >= tr.reviewDays || orgs.pastTolerance(o));
          });
        },
      },
    ];
    this.simulation = createSimulation({ phases, stores: [ships, units], ...(after ? { after } : {}) });
  }

  /** Re-plan every organisation `due` selects, at today's prices. */
  private replan(day: number, due: (o: number) => boolean): void {
    const planMarkets = this.markets.map((mk, m) => ({ cells: this.marketCells[m]!, price: mk.price }));
    const tr = this.params.traffickers;
    for (let o = 0; o < this.orgs.n; o++) {
      if (!this.replanAll && !due(o)) continue;
      const home = this.homeCells[this.orgs.home[o]!]!;
      this.orgs.replan(
        o,
        day,
        this.world,
        this.graph,
        this.carriage,
        this.prior,
        tr.priorWeight,
        tr.bribeShare,
        planMarkets,
        home,
      );
    }
    this.replanAll = false;
  }

  /** Organisation o buys one lot at home and sends it to its most profitable market; false if it does not. */
  private dispatch(o: number): boolean {
    const { orgs, ledger, markets } = this;
    const home = orgs.home[o]!;
    const kg = orgs.lotKg[o]!;
    if (ledger.stock[home]! < kg) return false;
    const src = this.params.traffickers.sourcePriceUsdPerKg;
    const M = markets.length;
    let best = -1;
    let bestProfit = 0;
    for (let m = 0; m < M; m++) {
      const plan = orgs.plans[o * M + m]!;
      if (plan.origin < 0) continue;
      const profit = markets[m]!.price - plan.dist[plan.origin]! - src;
      if (profit > bestProfit) {
        bestProfit = profit;
        best = m;
      }
    }
    if (best < 0) return false;
    const plan = orgs.plans[o * M + best]!;
    const cost = kg * (src + plan.fare);
    if (orgs.capital[o]! < cost) return false;
    orgs.capital[o]! -= cost;
    ledger.stock[home]! -= kg;
    ledger.dispatched += kg;
    ledger.shipments++;
    ledger.purchasesUsd += kg * src;
    ledger.faresUsd += kg * plan.fare;
    const s = this.ships;
    const r = s.stage();
    s.staged.org[r] = o;
    s.staged.market[r] = best;
    s.staged.kg[r] = kg;
    s.staged.cell[r] = plan.origin;
    const nx = plan.next[plan.origin]!;
    s.staged.wait[r] = nx < 0 ? 0 : stepDays(this.world, this.speed, plan.origin, nx);
    s.staged.countries[r] = 1 << this.world.country[plan.origin]!;
    ledger.transitByCountry[this.world.country[plan.origin]!]! += kg;
    return true;
  }

  /** kg in loads on the way now. */
  inTransit(): number {
    const ids = this.ships.order();
    let s = 0;
    for (let i = 0; i < ids.length; i++) s += this.ships.col.kg[ids[i]!]!;
    return s;
  }

  /** Mass-balance residual now, kg (~0). */
  residual(): number {
    return this.ledger.residual(this.inTransit());
  }
}
