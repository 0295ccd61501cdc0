/**
 * Interdiction: every load walks the cells it entered today. Each passage teaches its
 * organisation (a passage in that cell) and is booked (countries entered, named crossings). Where
 * units are present the load is detected with the presence layer's chance; the detecting unit
 * then takes a bribe with its corruption as chance (always when colluding) if the organisation can
 * pay, else the load is seized, booked to the unit's country and agency, and learned as a seizure.
 */
import type { RngStream } from "../engine/rng.js";
import type { Ledger } from "./economy-ledger.js";
import type { EconomyParams } from "./economy-params.js";
import type { Market } from "./market.js";
import type { Organisations } from "./organisations.js";
import { detectChance, type Presence, type Units } from "./security.js";
import type { Shipments, Visits } from "./shipments.js";
import { CROSSING_INFORMAL, CROSSING_OFFICIAL, type World } from "./world-types.js";

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
}

/** Run one day of interdiction over today's visits; seized kg per market also go to `seizedWindow`. */
export function interdictDay(
  st: InterdictionState,
  out: { seizedWindow: Float64Array; rng: RngStream },
): void {
  const { world, ships, units, orgs, ledger, presence, exposure, crossingOf, markets, visits, p } = st;
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
      const k = o * world.grid.size + c;
      orgs.passages[k]! += 1;
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
      const pd = detectChance(presence, exposure, c);
      if (pd <= 0 || detectRng.next() >= pd) continue;
      const unit = presence.top[c]!;
      const corr = u.corruption[unit]!;
      const colludes = corr >= p.detection.collusionLevel;
      const bribe = tr.bribeShare * load * markets[m]!.price;
      if ((colludes || detectRng.next() < corr) && orgs.capital[o]! >= bribe) {
        orgs.capital[o]! -= bribe;
        orgs.lossSincePlan[o]! += bribe;
        orgs.bribes[k]! += 1;
        ledger.bribesUsd += bribe;
        ledger.bribes++;
        if (colludes) ledger.collusions++;
        continue;
      }
      orgs.seizures[k]! += 1;
      orgs.lossSincePlan[o]! += load * markets[m]!.price;
      ledger.seizedByCountry[u.country[unit]!]! += load;
      ledger.seizedByAgency[u.agency[unit]!]! += load;
      ledger.seizedFor[m]! += load;
      out.seizedWindow[m]! += load;
      ledger.seizures++;
      ships.remove(id);
      break;
    }
  }
}
