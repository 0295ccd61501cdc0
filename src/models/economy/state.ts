/**
 * The state of one drug-route economy run: the world and its per-cell layers (carriage cost,
 * speed, prior risk), markets, organisations, security units, loads in transit, the books and
 * the run's random streams. Built from the parameters alone; what happens each day, and in what
 * order, is the schedule's (models/economy/schedule.ts).
 */
import type { RngHub, RngStream } from "../../engine/rng.js";
import { crossingIndexLayer, findCrossing, type NamedCrossing } from "../../worlds/crossings.js";
import { producersOf, worldByName } from "../../worlds/resolve.js";
import { type RouteGraph, sharedRouteGraph } from "../../worlds/route-graph.js";
import type { World } from "../../worlds/types.js";
import { Ledger } from "./ledger.js";
import { Market } from "./market.js";
import { type OnwardLink, tradingOrder } from "./onward.js";
import { Organisations } from "./organisations.js";
import { type EconomyParams, organisationsOf, transportOf } from "./params.js";
import { type Priors, priorLayers } from "./priors.js";
import { postUnits } from "./security/posts.js";
import { createUnits, exposureLayer, Presence, type Units } from "./security/units.js";
import { scaledSecurity, shiftedWorld } from "./shifts.js";
import { createShipments, type Shipments, Visits } from "./shipments.js";
import { crossingDetection, transportCost, transportSpeed } from "./transport.js";

/** The economy's random streams: one per mechanism, and one per organisation for its dispatch. */
export interface EconomyStreams {
  /** The order organisations dispatch in each day. */
  trade: RngStream;
  /** Each organisation's own draws, so one organisation's draws never shift another's. */
  orgs: RngStream[];
  /** Patrol moves. */
  patrol: RngStream;
  /** Detection and bribes. */
  detect: RngStream;
}

/** The state of one economy run (tests check mass balance after every tick). */
export class Economy {
  /** The world. */
  readonly world: World;
  /** Named crossings. */
  readonly crossings: NamedCrossing[];
  /** Market names (province names), in world order. */
  readonly marketNames: string[];
  /** Markets, indexed like `marketNames`. */
  readonly markets: Market[];
  /** Onward trade links between markets, in trading order (checked: every name is a market). */
  readonly onward: OnwardLink[];
  /** Kilograms each market passed on to the next over the run. */
  readonly passedOn: Float64Array;
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
  /** kg seized on the way to each market, decayed over the market window (the risk premium's losses). */
  readonly seizedWindow: Float64Array;
  /** kg delivered to each market, decayed alike (what the losses are set against). */
  readonly deliveredWindow: Float64Array;
  /** Daily decay factor of both windows. */
  readonly lossDecay: number;
  /** Daily presence layer. */
  readonly presence: Presence;
  /** Exposure per cell (how far a unit's presence reaches there). */
  readonly exposure: Float64Array;
  /** Named-crossing index per cell, −1 off crossings. */
  readonly crossingOf: Int32Array;
  /** Cells each load entered today (move writes them, interdiction reads them). */
  readonly visits = new Visits();
  /** The parameters it runs with. */
  readonly params: EconomyParams;
  /** Cells of each province (organisations plan from their home's cells). */
  readonly homeCells: Int32Array[];
  /** The legal-move graph of the world (shared by the runs on it: read-only). */
  readonly graph: RouteGraph;
  /** The run's random streams. */
  readonly rng: EconomyStreams;
  /** Whether every organisation re-plans at the next chance (nothing planned yet, or a crossing closed). */
  replanAll = true;

  /** Set up on the world `p.world` names, drawing from `hub`'s economy streams. */
  constructor(p: EconomyParams, hub: RngHub) {
    this.params = p;
    const { world: shared, crossings } = worldByName(p.world);
    const world = shiftedWorld(shared, p.shifts);
    this.world = world;
    this.crossings = crossings;
    const size = world.grid.size;
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
    const byName = (n: string) => this.marketNames.indexOf(n);
    this.onward = tradingOrder(
      this.markets,
      Object.entries(p.market.onward).map(([from, to]) => ({ from: byName(from), to: byName(to) })),
    );
    this.passedOn = new Float64Array(this.markets.length);
    this.orgs = new Organisations(
      organisationsOf(p, producersOf(shared)).map((o) => ({
        ...o,
        home: world.provinces.findIndex((q) => q.name === o.home),
      })),
      size,
    );
    this.graph = sharedRouteGraph(shared); // the layout only: a shifted table keeps the shared graph
    this.homeCells = world.provinces.map((_, i) => world.cellsOf[i]!);
    this.lossDecay = Math.exp(-1 / p.market.windowDays);
    const M = this.markets.length;
    this.seizedWindow = new Float64Array(M);
    this.priceSum = new Float64Array(M);
    this.deliveredWindow = new Float64Array(M);
    this.ledger = new Ledger(world.provinces.length, M, world.countries.length, crossings.length, size);
    this.presence = new Presence(size);
    this.exposure = exposureLayer(world, p.detection);
    this.crossingOf = crossingIndexLayer(crossings, size);
    this.units = createUnits(64);
    postUnits(
      this.units,
      world,
      { ...p, security: scaledSecurity(p.security, p.shifts) },
      crossings,
      hub.stream("security/posts"),
    );
    this.units.flush();
    this.ships = createShipments(256);
    for (const c of p.closedCrossings) {
      if (!findCrossing(crossings, c.crossing))
        throw new Error(`closedCrossings: unknown crossing "${c.crossing}"`);
    }
    this.rng = economyStreams(hub, this.orgs.n);
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

/** The economy's streams from `hub`, for `orgs` organisations. */
function economyStreams(hub: RngHub, orgs: number): EconomyStreams {
  const trade = hub.stream("traffickers");
  const perOrg: RngStream[] = [];
  for (let o = 0; o < orgs; o++) perOrg.push(hub.stream(`traffickers/${o}`));
  return {
    trade,
    orgs: perOrg,
    patrol: hub.stream("security/patrol"),
    detect: hub.stream("security/detect"),
  };
}
