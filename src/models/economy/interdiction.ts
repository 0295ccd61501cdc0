/**
 * Interdiction: every load walks the cells it entered today. Each passage teaches its
 * organisation (a passage in that cell) and is booked (countries entered, named crossings). Where
 * units are present the load is detected with the presence layer's chance; the detecting unit
 * then takes a bribe with its corruption as chance (always when colluding) if the organisation can
 * pay, else its escort (when an embedding model provides one) fights the unit, and if there is
 * none or it loses the load is seized, booked to the unit's country and agency, and learned as a
 * seizure.
 * Delivery follows: a load at the end of its route sells at the market's price of the day.
 */
import type { RngStream } from "../../engine/rng.js";
import { CROSSING_INFORMAL, CROSSING_OFFICIAL, type World } from "../../worlds/types.js";
import type { EconomyHooks } from "./hooks.js";
import type { Ledger } from "./ledger.js";
import type { Market } from "./market.js";
import type { Organisations } from "./organisations.js";
import type { EconomyParams } from "./params.js";
import { detectChance, type Presence, type Units } from "./security/units.js";
import type { Shipments, Visits } from "./shipments.js";

/** What interdiction reads and writes. */
export interface InterdictionState {
  world: World;
  ships: Shipments;
  units: Units;
  orgs: Organisations;
  ledger: Ledger;
  presence: Presence;
  exposure: Float64Array;
  crossingOf: Int32Array;
  markets: Market[];
  visits: Visits;
  p: EconomyParams;
  /** What an embedding model levies, boosts or defends (models/economy/hooks.ts). */
  hooks: EconomyHooks;
}

/** Run one day of interdiction over today's visits; seized kg per market also go to `seizedWindow`. */
export function interdictDay(
  st: InterdictionState,
  out: { seizedWindow: Float64Array; rng: RngStream },
): void {
  const { world, ships, units, orgs, ledger, presence, exposure, crossingOf, markets, visits, p } = st;
  const { levy, escort, detectionGain: gain } = st.hooks;
  const detectRng = out.rng;
  const tr = p.traffickers;

  const { org, market, kg, countries, visitStart, visitLen } = ships.col;
  const u = units.col;
  const ids = ships.order();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const o = org[id]!;
    const m = market[id]!;
    const load = kg[id]!;
    const end = visitStart[id]! + visitLen[id]!;
    for (let j = visitStart[id]!; j < end; j++) {
      const c = visits.cells[j]!;
      const k = orgs.pass(o, c);
      ledger.flowByCell[c]! += load;
      const kc = world.country[c]!;
      if ((countries[id]! & (1 << kc)) === 0) {
        countries[id] = countries[id]! | (1 << kc);
        ledger.transitByCountry[kc]! += load;
      }
      const x = crossingOf[c]!;
      if (x >= 0) {
        ledger.throughCrossing[x]! += load;
        if (world.crossing[c] === CROSSING_OFFICIAL) ledger.crossedOfficial += load;
        else if (world.crossing[c] === CROSSING_INFORMAL) ledger.crossedInformal += load;
      }
      if (levy) {
        const usd = levy(o, c, load, Math.max(0, orgs.capital[o]!));
        if (usd > 0) {
          orgs.capital[o]! -= usd;
          orgs.lossSincePlan[o]! += usd; // a levy is a loss on the way: enough of it forces a re-plan
          ledger.leviesUsd += usd;
        }
      }
      const pd = detectChance(presence, exposure, c, gain ? gain[c]! : 1);
      if (pd <= 0 || detectRng.draw() >= pd) continue;
      const unit = presence.top[c]!;
      const corr = u.corruption[unit]!;
      const colludes = corr >= p.detection.collusionLevel;
      const bribe = tr.bribeShare * load * markets[m]!.price;
      if ((colludes || detectRng.draw() < corr) && orgs.capital[o]! >= bribe) {
        orgs.capital[o]! -= bribe;
        orgs.lossSincePlan[o]! += bribe;
        orgs.bribes[k]! += 1;
        ledger.bribesUsd += bribe;
        ledger.bribes++;
        if (colludes) ledger.collusions++;
        continue;
      }
      // A unit that cannot be bought meets the load's escort, if it has one: traffickers pay
      // before they fight (the essay's colluding officials), so escorts fight the honest units.
      if (escort && escort(o, c, u.strength[unit]!) === true) {
        ledger.escorted++;
        continue;
      }
      orgs.seizures[k]! += 1;
      orgs.lossSincePlan[o]! += load * markets[m]!.price;
      ledger.seizedByCountry[u.country[unit]!]! += load;
      ledger.seizedByAgency[u.agency[unit]!]! += load;
      ledger.seizedFor[m]! += load;
      ledger.seizedByCell[c]! += load;
      out.seizedWindow[m]! += load;
      ledger.seizures++;
      ships.remove(id);
      break;
    }
  }
}

/** Sell every load that reached its market today at the day's price; kg also go to `deliveredWindow`. */
export function deliverDay(
  ships: Shipments,
  orgs: Organisations,
  markets: Market[],
  ledger: Ledger,
  deliveredWindow: Float64Array,
): void {
  const M = markets.length;
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
    deliveredWindow[m]! += load;
    ships.remove(id);
  }
}
