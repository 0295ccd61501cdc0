/**
 * The economy's books: every kilogram and dollar that moves is entered here, so mass balance
 * (produced = stocks + in transit + delivered + seized) can be checked at any phase boundary, and
 * the outcome table reads totals per market, country, agency and named crossing from one place.
 */
import { AGENCIES } from "./params.js";

/** Running totals of one economy run. */
export class Ledger {
  /** Heroin produced (entered the map), kg. */
  produced = 0;
  /** Bought and dispatched by organisations, kg. */
  dispatched = 0;
  /** Shipments dispatched. */
  shipments = 0;
  /** Unsold stock per province (producers only non-zero), kg. */
  readonly stock: Float64Array;
  /** Delivered per market (index into the run's market list), kg. */
  readonly delivered: Float64Array;
  /** Seized en route to each market, kg. */
  readonly seizedFor: Float64Array;
  /** Seized per country (index into world.countries), kg. */
  readonly seizedByCountry: Float64Array;
  /** Seized per agency (index into AGENCIES), kg. */
  readonly seizedByAgency = new Float64Array(AGENCIES.length);
  /** Seizure events. */
  seizures = 0;
  /** Bribes paid, USD. */
  bribesUsd = 0;
  /** Levies paid on the way (insurgent tax, when a model embeds the economy), USD. */
  leviesUsd = 0;
  /** Loads whose escort fought off the unit that stopped them. */
  escorted = 0;
  /** Bribes paid, count. */
  bribes = 0;
  /** Loads passed by colluding units (a subset of bribes). */
  collusions = 0;
  /** Paid for heroin at the producers, USD. */
  purchasesUsd = 0;
  /** Paid to carriers, USD. */
  faresUsd = 0;
  /** Received at markets, USD. */
  revenueUsd = 0;
  /** kg that entered each country (counted once per shipment). */
  readonly transitByCountry: Float64Array;
  /** kg through each named crossing (every passage). */
  readonly throughCrossing: Float64Array;
  /** kg entering each cell, summed over every passage (kg·cell-steps per cell). */
  readonly flowByCell: Float64Array;
  /** kg seized per cell. */
  readonly seizedByCell: Float64Array;
  /** kg through official crossings. */
  crossedOfficial = 0;
  /** kg through informal crossings. */
  crossedInformal = 0;

  constructor(provinces: number, markets: number, countries: number, crossings: number, cells: number) {
    this.flowByCell = new Float64Array(cells);
    this.seizedByCell = new Float64Array(cells);
    this.stock = new Float64Array(provinces);
    this.delivered = new Float64Array(markets);
    this.seizedFor = new Float64Array(markets);
    this.seizedByCountry = new Float64Array(countries);
    this.transitByCountry = new Float64Array(countries);
    this.throughCrossing = new Float64Array(crossings);
  }

  /** Total unsold stock, kg. */
  stocks(): number {
    return sum(this.stock);
  }

  /** Total delivered, kg. */
  deliveredTotal(): number {
    return sum(this.delivered);
  }

  /** Total seized, kg. */
  seizedTotal(): number {
    return sum(this.seizedByCountry);
  }

  /** Trafficker profit: revenue − purchases − fares − bribes, USD. */
  profit(): number {
    return this.revenueUsd - this.purchasesUsd - this.faresUsd - this.bribesUsd - this.leviesUsd;
  }

  /** produced − (stocks + inTransit + delivered + seized), kg; ~0 when the books balance. */
  residual(inTransit: number): number {
    return this.produced - (this.stocks() + inTransit + this.deliveredTotal() + this.seizedTotal());
  }

  /**
   * Share of kg·cell-steps on road cells (official posts are road cells): how much of the carrying,
   * weighted by distance, goes by vehicle on a road rather than on foot or pack animal.
   */
  roadShare(road: ArrayLike<number>): number {
    let all = 0;
    let onRoad = 0;
    for (let c = 0; c < this.flowByCell.length; c++) {
      all += this.flowByCell[c]!;
      if (road[c]) onRoad += this.flowByCell[c]!;
    }
    return all > 0 ? onRoad / all : 0;
  }

  /** Named crossings carrying at least `share` of all kg through crossings (distinct corridors in use). */
  corridorsInUse(share: number): number {
    const total = sum(this.throughCrossing);
    if (total <= 0) return 0;
    let n = 0;
    for (let i = 0; i < this.throughCrossing.length; i++) if (this.throughCrossing[i]! >= share * total) n++;
    return n;
  }
}

/** Sum of an array. */
export function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}
