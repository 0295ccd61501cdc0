/**
 * The drug-route economy on the engine's locked tick (one tick = one day). Phases, in this order:
 * events (crossings close) → produce → dispatch (organisations buy and send loads) → patrol
 * (units move, presence layer rebuilt) → move → interdict (detect, bribe or seize, learn) →
 * deliver → markets (close the day, set prices) → plan (forget, re-plan on events). Stores flush
 * after every phase, so loads sent today move today and loads seized are gone before delivery.
 */
import { createRngHub, type RngStream } from "../../engine/rng.js";
import { createSimulation, type Phase, type Simulation } from "../../engine/schedule.js";
import { crossingIndexLayer, findCrossing, type NamedCrossing } from "../../worlds/crossings.js";
import { producersOf, worldByName } from "../../worlds/resolve.js";
import { type RouteGraph, routeGraph } from "../../worlds/route-graph.js";
import type { World } from "../../worlds/types.js";
import { type DispatchState, dispatchDay } from "./dispatch.js";
import type { EconomyHooks } from "./hooks.js";
import { deliverDay, interdictDay } from "./interdiction.js";
import { Ledger } from "./ledger.js";
import { Market } from "./market.js";
import { Organisations, type PlanContext } from "./organisations.js";
import { type EconomyParams, organisationsOf, transportOf } from "./params.js";
import { type Priors, priorLayers } from "./priors.js";
import { postUnits } from "./security/posts.js";
import { createUnits, exposureLayer, Presence, patrolDay, type Units } from "./security/units.js";
import { createShipments, moveDay, type Shipments, Visits } from "./shipments.js";
import { crossingDetection, transportCost, transportSpeed } from "./transport.js";

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
  /** Prior seizure chance per passage of each cell (base detection × (1 − corruption)). */
  readonly prior: Float64Array;
  /** Prior bribe chance per passage of each cell (base detection × corruption). */
  readonly priorBribe: Float64Array;
  /** Sum of each market's closing prices over the days after the warm-up, USD/kg·day. */
  readonly priceSum: Float64Array;
  /** Days summed in `priceSum`. */
  priceDays = 0;
  /** Daily presence layer. */
  readonly presence: Presence;
  /** The parameters it runs with. */
  readonly params: EconomyParams;
  private readonly homeCells: Int32Array[];
  /** The legal-move graph of the world. */
  readonly graph: RouteGraph;
  private readonly dispatchState: DispatchState;
  private readonly lossDecay: number;
  private readonly seizedWindow: Float64Array;
  private readonly deliveredWindow: Float64Array;
  private replanAll = true;
  private readonly hooks: EconomyHooks;

  /**
   * Set up on the world `p.world` names; `after` runs after each day. `embed`, if given, is called once
   * the world, organisations, units and route graph exist (before the schedule is built) and
   * returns the hooks of the model that embeds this economy.
   */
  constructor(
    p: EconomyParams,
    seed: number,
    after?: (tick: number) => void,
    embed?: (economy: Economy) => EconomyHooks,
  ) {
    this.params = p;
    const { world, crossings } = worldByName(p.world);
    this.world = world;
    const size = world.grid.size;
    const hub = createRngHub(seed);
    this.crossings = crossings;
    const tp = transportOf(p);
    this.carriage = transportCost(world, tp);
    this.speed = transportSpeed(world, tp);
    const priors: Priors = priorLayers(world, crossingDetection(world, tp), p);
    this.prior = priors.seize;
    this.priorBribe = priors.bribe;
    this.marketNames = world.markets.map(([pi]) => world.provinces[pi]!.name);
    this.marketCells = world.markets.map(([, cells]) => cells);
    const mp = {
      windowDays: p.market.windowDays,
      band: p.market.band,
      expectationDays: p.market.expectationDays,
    };
    this.markets = world.markets.map(([pi]) => new Market(world.provinces[pi]!.market!, mp));
    this.orgs = new Organisations(
      organisationsOf(p, producersOf(world)).map((o) => ({
        ...o,
        home: world.provinces.findIndex((q) => q.name === o.home),
      })),
      size,
    );
    this.graph = routeGraph(world);
    this.homeCells = world.provinces.map((_, i) => world.cellsOf[i]!);
    const memory = Math.exp(-1 / p.traffickers.riskMemoryDays);
    this.lossDecay = Math.exp(-1 / p.market.windowDays);
    this.seizedWindow = new Float64Array(this.markets.length);
    this.priceSum = new Float64Array(this.markets.length);
    this.deliveredWindow = new Float64Array(this.markets.length);
    this.ledger = new Ledger(
      world.provinces.length,
      this.markets.length,
      world.countries.length,
      this.crossings.length,
      size,
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

    this.hooks = embed ? embed(this) : {};
    const hooks = this.hooks;
    const tradeRng = hub.stream("traffickers");
    // One stream per organisation, so one organisation's draws never shift another's.
    const orgRngs: RngStream[] = [];
    for (let o = 0; o < this.orgs.n; o++) orgRngs.push(hub.stream(`traffickers/${o}`));
    const patrolRng = hub.stream("security/patrol");
    const detectRng = hub.stream("security/detect");
    const visits = new Visits();
    const { orgs, ledger, ships, units, presence, markets } = this;
    const M = markets.length;
    const nextOf = (o: number, m: number) => orgs.plans[o * M + m]!.next;
    const order = new Int32Array(orgs.n);
    const tr = p.traffickers;
    this.dispatchState = {
      world,
      orgs,
      ledger,
      markets,
      ships,
      speed: this.speed,
      orgRngs,
      sourcePrice: tr.sourcePriceUsdPerKg,
      temperature: tr.choiceTemperatureUsdPerKg,
      profit: new Float64Array(M),
    };

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
        run: () => dispatchDay(this.dispatchState, order, tradeRng),
      },
      { name: "patrol", run: (day) => patrolDay(units, world, presence, day, patrolRng) },
      { name: "move", run: () => moveDay(ships, world, this.speed, nextOf, visits) },
      {
        name: "interdict",
        run: () =>
          interdictDay(
            { world, ships, units, orgs, ledger, presence, exposure, crossingOf, markets, visits, p, hooks },
            {
              seizedWindow: this.seizedWindow,
              rng: detectRng,
            },
          ),
      },
      {
        name: "deliver",
        run: () => deliverDay(ships, orgs, markets, ledger, this.deliveredWindow),
      },
      {
        name: "markets",
        run: (day) => {
          const counted = day >= p.warmUpDays;
          if (counted) this.priceDays++;
          for (let m = 0; m < M; m++) {
            // The risk traders bore: what was lost on the way per kg that arrived (decayed over the
            // market window). Above band² the price band binds whatever the supply, so the cap only
            // keeps the premium finite when nothing arrived.
            const lost = this.seizedWindow[m]!;
            const got = this.deliveredWindow[m]!;
            const premium =
              got > 0 ? Math.min(lost / got, p.market.band ** 2) : lost > 0 ? p.market.band ** 2 : 0;
            const price = markets[m]!.closeDay(premium);
            if (counted) this.priceSum[m]! += price;
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
          this.replan(
            day,
            (o) => {
              const since = day - orgs.plannedOn[o]!;
              return since >= tr.minReplanDays && (since >= tr.reviewDays || orgs.pastTolerance(o));
            },
            true,
          );
        },
      },
    ];
    this.simulation = createSimulation({
      phases: [...(hooks.before ?? []), ...phases, ...(hooks.after ?? [])],
      stores: [ships, units, ...(hooks.stores ?? [])],
      ...(after ? { after } : {}),
    });
  }

  /**
   * Re-plan every organisation `due` selects, valuing cargo at expected prices; `resize` lets a
   * re-plan split or re-merge lots (event re-plans after a closure do not).
   */
  private replan(day: number, due: (o: number) => boolean, resize = false): void {
    const tr = this.params.traffickers;
    const ctx: PlanContext = {
      world: this.world,
      graph: this.graph,
      carriage: this.carriage,
      speed: this.speed,
      priorSeize: this.prior,
      priorBribe: this.priorBribe,
      weight: tr.priorWeight,
      bribeShare: tr.bribeShare,
      holdingPerDay: tr.holdingCostPerDay,
      markets: this.markets.map((mk, m) => ({ cells: this.marketCells[m]!, price: mk.expected })),
      ships: this.ships,
      toll: this.hooks.toll,
    };
    for (let o = 0; o < this.orgs.n; o++) {
      if (!this.replanAll && !due(o)) continue;
      if (resize && !this.replanAll) this.orgs.resizeLot(o, tr.lotSplit, tr.minLotKg);
      this.orgs.replan(o, day, ctx, this.homeCells[this.orgs.home[o]!]!);
    }
    this.replanAll = false;
  }

  /** Plan every organisation's routes now (day 0), as the first day would; an embedding model reads them. */
  prepare(): void {
    if (this.replanAll) this.replan(0, () => true);
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
