/**
 * The end-of-run outcome table of a nexus run: the economy's (models/economy/model.ts) followed by the
 * armed side's, the people's, and per-province columns `province.<name>.<measure>` that maps and
 * reports read. Every key is always present (0 where nothing happened), so runs of one scenario
 * have the same columns whatever their seed.
 */

import { economyOutcomes } from "../economy/model.js";
import { Attribution } from "./attribution.js";
import { ACT_ESCORT, ACTIONS, MOTIVE_CLASSES } from "./motives.js";
import { officialsOutcomes } from "./officials/outcomes.js";
import type { Nexus } from "./state.js";

const share = (a: number, b: number): number => (b > 0 ? a / b : 0);

/** Main-route cells: each carried ≥ mainRouteShare of all heroin sent over the run (1 = on a main route). */
export function corridorCells(n: Nexus): Uint8Array {
  const l = n.economy.ledger;
  const min = n.params.mainRouteShare * l.dispatched;
  return Uint8Array.from(l.flowByCell, (kg) => (l.dispatched > 0 && kg >= min ? 1 : 0));
}

/** Every outcome of a nexus run after `ticks` days, in a fixed order. */
export function nexusOutcomes(n: Nexus, ticks: number): Record<string, number> {
  const out = economyOutcomes(n.economy, ticks);
  const corridor = corridorCells(n);
  insurgentOutcomes(n, out);
  violenceOutcomes(n, corridor, out);
  officialsOutcomes(n.officials, ticks, out);
  peopleOutcomes(n, out);
  provinceOutcomes(n, corridor, out);
  return out;
}

/** Fighter-weighted mean criminal share of the live bands (custom-weight bands by their profit share). */
function meanShare(n: Nexus): number {
  const a = n.armed;
  const ids = a.bands.order();
  let f = 0;
  let s = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const k = a.bands.col.fighters[id]!;
    f += k;
    s += k * (1 - a.motives.ideological[a.bands.col.motive[id]!]!);
  }
  return share(s, f);
}

/** Bands' strength, money, manpower and incursions (per motive class too), into `out`. */
function insurgentOutcomes(n: Nexus, out: Record<string, number>): void {
  const a = n.armed;
  const b = a.st.out;
  const cl = a.clashes;
  let fighters = 0;
  let cash = 0;
  const ids = a.bands.order();
  for (let i = 0; i < ids.length; i++) {
    fighters += a.bands.col.fighters[ids[i]!]!;
    cash += a.bands.col.cash[ids[i]!]!;
  }
  Object.assign(out, {
    insurgent_bands: a.bands.alive,
    insurgent_fighters: fighters,
    insurgent_cash_usd: cash,
    insurgent_revenue_usd: b.taxUsd + b.escortUsd,
    insurgent_tax_usd: b.taxUsd,
    insurgent_escort_usd: b.escortUsd,
    insurgent_upkeep_usd: b.upkeepUsd,
    insurgent_funding_usd: b.fundingUsd,
    criminal_share_mean: meanShare(n),
    insurgent_recruited: b.recruited,
    insurgent_deserted: b.deserted,
    insurgent_losses: cl.bandLosses,
    bands_destroyed: cl.bandsDestroyed,
    incursions: b.incursions.reduce((s, x) => s + x, 0),
    fighters_crossed: b.fightersCrossed.reduce((s, x) => s + x, 0),
    crossing_attempts_screened: a.crossings.attempts,
    crossings_detected: a.crossings.detected,
    crossings_turned_back: a.crossings.turnedBack,
    fighters_turned_back: a.crossings.fightersTurnedBack,
    largest_crossing_fighters: b.largestCrossing,
    band_flow_kg_per_day: share(b.flowAtBands, b.bandDays),
    escort_contracts: MOTIVE_CLASSES.reduce((s, _, k) => s + b.choices[k * ACTIONS.length + ACT_ESCORT]!, 0),
  });
  MOTIVE_CLASSES.forEach((m, k) => {
    out[`incursions.${m}`] = b.incursions[k]!;
    out[`fighters_crossed.${m}`] = b.fightersCrossed[k]!;
  });
}

/** Clashes and casualties, how violence was labelled, and what the alliance spent, into `out`. */
function violenceOutcomes(n: Nexus, corridor: Uint8Array, out: Record<string, number>): void {
  const a = n.armed;
  const cl = a.clashes;
  const at = a.attribution;
  const troopDays = a.alliance.spent.reduce((s, x) => s + x, 0);
  const events = Attribution.total(at.events);
  let corridorEvents = 0;
  for (let c = 0; c < corridor.length; c++) if (corridor[c]) corridorEvents += at.eventsByCell[c]!;
  Object.assign(out, {
    clashes: cl.encounters + cl.strikes + cl.escortFights,
    encounters: cl.encounters,
    strikes: cl.strikes,
    escort_fights: cl.escortFights,
    loads_escorted_through: n.economy.ledger.escorted,
    "casualties.insurgent": cl.bandLosses,
    "casualties.state": cl.stateLosses,
    "casualties.alliance": cl.allianceLosses,
    "casualties.civilian": cl.civilians,
    violent_events: events,
    true_terror_share: at.trueTerrorShare(),
    attributed_terror_share: at.attributedTerrorShare(),
    misattribution_rate: at.misattributionRate(),
    crackdowns: Attribution.total(at.crackdowns),
    misattributed_crackdowns: Attribution.total(at.misCrackdowns),
    corridor_violence_share: share(corridorEvents, events),
    violence_burstiness: at.burstiness(),
    deaths_tj_kg_kz: ["TJ", "KG", "KZ"].reduce((s, code) => s + byCountry(n, at.deathsByCountry, code), 0),
    terror_labelled_central_asia: ["TJ", "KG", "KZ", "UZ", "TM"].reduce(
      (s, code) => s + byCountry(n, at.terrorByCountry, code),
      0,
    ),
    alliance_troop_days: troopDays,
    alliance_troop_days_deployed: a.alliance.deployed.reduce((s, x) => s + x, 0),
    alliance_screens_moved: a.reaction.moved,
    alliance_invitations: a.consent.invitations,
    alliance_acceptances: a.consent.acceptances,
    alliance_refusals: a.consent.refusals,
    alliance_posture_shifts: a.alliance.shifted,
    alliance_overlap_share: share(a.layers.overlap, a.layers.covered),
    seizures_per_1000_troop_days: share(1000 * n.economy.ledger.seizures, troopDays),
    insurgent_losses_per_1000_troop_days: share(1000 * cl.bandLosses, troopDays),
  });
}

/** A per-country figure by country code (0 for a country not on the world). */
function byCountry(n: Nexus, values: Float64Array, code: string): number {
  const k = n.world.countries.indexOf(code);
  return k >= 0 ? values[k]! : 0;
}

/** Active citizens, arrests and legitimacy, into `out`. */
function peopleOutcomes(n: Nexus, out: Record<string, number>): void {
  const pop = n.people.pop;
  Object.assign(out, {
    actives: pop.activeCount,
    actives_people: pop.people(pop.activeCount),
    jailed: pop.inmates.alive,
    arrests: pop.arrests,
    legitimacy_mean: n.people.meanLegitimacy(),
  });
}

/** Per-province columns `province.<name>.<measure>` that maps and reports read, into `out`. */
function provinceOutcomes(n: Nexus, corridor: Uint8Array, out: Record<string, number>): void {
  const w = n.world;
  const at = n.armed.attribution;
  const seized = n.economy.ledger.seizedByCell;
  w.countries.forEach((code, k) => {
    if (code === "") return;
    out[`country.${code}.deaths`] = at.deathsByCountry[k]!;
    out[`country.${code}.terror_labelled`] = at.terrorByCountry[k]!;
  });
  w.provinces.forEach((q, i) => {
    // Provinces with a passable cell, whatever the seed, so every run has the same columns.
    if (!w.cellsOf[i]!.some((c) => w.blocked[c] === 0)) return;
    const pre = `province.${q.name}`;
    out[`${pre}.seized_kg`] = sumIn(seized, w.cellsOf[i]!);
    out[`${pre}.influence_days`] = n.influenceDays[i]!;
    out[`${pre}.violent_events`] = at.events[i]!;
    out[`${pre}.true_terror_share`] = share(at.trueTerror[i]!, at.events[i]!);
    out[`${pre}.attributed_terror_share`] = share(at.labelledTerror[i]!, at.events[i]!);
    out[`${pre}.legitimacy`] = n.people.legitimacy[i]!;
    out[`${pre}.actives_people`] = n.people.actives[i]!;
    out[`${pre}.corridor_cells`] = sumIn(corridor, w.cellsOf[i]!);
  });
}

function sumIn(layer: ArrayLike<number>, cells: Int32Array): number {
  let s = 0;
  for (let i = 0; i < cells.length; i++) s += layer[cells[i]!]!;
  return s;
}
