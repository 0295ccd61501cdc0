/**
 * The registered `economy` model: the drug-route economy with state security, no insurgents yet,
 * on the built-in corridor world. Outcomes are flat keys (`delivered_kg.Russia`, `price.Russia`,
 * `seized_kg.TJ`, `seized_kg.border`, …) so the CLI table and studies read them alike.
 */

import type { ModelDefinition, ModelRun, RunOptions, RunResult } from "../../core/model.js";
import { createRecorder, type Recorder } from "../../engine/recorder.js";
import { findCrossing } from "../../worlds/crossings.js";
import { producersOf, worldByName } from "../../worlds/resolve.js";
import { economyCatalogue } from "./catalogue.js";
import { sum } from "./ledger.js";
import { AGENCIES, type EconomyParams, economyParams } from "./params.js";
import { economyRun } from "./schedule.js";
import { unknownShiftNames } from "./shifts.js";
import type { Economy } from "./state.js";
import { economySwitches } from "./switches.js";

/** Default horizon, days. */
export const ECONOMY_DAYS = 360;

/** The end-of-run outcome table of an economy, in a fixed order. */
export function economyOutcomes(e: Economy, ticks: number): Record<string, number> {
  const l = e.ledger;
  const w = e.world;
  const inTransit = e.inTransit();
  const delivered = l.deliveredTotal();
  const seized = l.seizedTotal();
  const perYear = ticks > 0 ? 365 / ticks : 0;
  const out: Record<string, number> = {
    days: ticks,
    produced_kg: l.produced,
    stocks_kg: l.stocks(),
    in_transit_kg: inTransit,
    delivered_kg: delivered,
    seized_kg: seized,
    mass_balance_residual_kg: l.residual(inTransit),
    delivered_t_per_year: (delivered * perYear) / 1000,
    flow_t_per_year: (l.dispatched * perYear) / 1000,
    seized_share: delivered + seized > 0 ? seized / (delivered + seized) : 0,
    shipments: l.shipments,
    mean_lot_kg: l.shipments > 0 ? l.dispatched / l.shipments : 0,
    seizures: l.seizures,
    bribes: l.bribes,
    collusions: l.collusions,
    bribes_usd: l.bribesUsd,
    revenue_usd: l.revenueUsd,
    purchases_usd: l.purchasesUsd,
    fares_usd: l.faresUsd,
    profit_usd: l.profit(),
    capital_usd: sum(e.orgs.capital),
    replans: e.orgs.replans,
    corridors_in_use: l.corridorsInUse(e.params.corridorShare),
    crossed_official_kg: l.crossedOfficial,
    crossed_informal_kg: l.crossedInformal,
    crossed_official_share:
      l.crossedOfficial + l.crossedInformal > 0
        ? l.crossedOfficial / (l.crossedOfficial + l.crossedInformal)
        : 0,
    road_share: l.roadShare(w.road),
  };
  e.marketNames.forEach((name, m) => {
    out[`delivered_kg.${name}`] = l.delivered[m]!;
    out[`price.${name}`] = e.markets[m]!.price;
    out[`onward_kg.${name}`] = e.passedOn[m]!;
    out[`price_mean.${name}`] = e.priceDays > 0 ? e.priceSum[m]! / e.priceDays : e.markets[m]!.price;
  });
  w.countries.forEach((c, k) => {
    if (c !== "" && l.transitByCountry[k]! > 0) out[`transit_kg.${c}`] = l.transitByCountry[k]!;
  });
  out.share_through_TJ =
    l.dispatched > 0 ? (l.transitByCountry[w.countries.indexOf("TJ")] ?? 0) / l.dispatched : 0;
  w.countries.forEach((c, k) => {
    if (l.seizedByCountry[k]! > 0) out[`seized_kg.${c}`] = l.seizedByCountry[k]!;
  });
  AGENCIES.forEach((a, i) => {
    out[`seized_kg.${a}`] = l.seizedByAgency[i]!;
  });
  w.provinces.forEach((q, i) => {
    if (q.productionKgPerDay > 0) out[`stock_kg.${q.name}`] = l.stock[i]!;
  });
  return out;
}

/** Set up one economy run with per-tick series. */
export function setupEconomy(p: EconomyParams, opts: RunOptions): ModelRun {
  const rec = createRecorder();
  const { after, result } = economySeries(rec, () => economy);
  const { economy, simulation } = economyRun(p, opts.seed, after);
  return { simulation, result: () => result(economyOutcomes(economy, simulation.tick), simulation.tick) };
}

/**
 * The economy's per-tick series on `rec` (`after` records one day; call it after each tick) and a
 * result builder (outcomes after `ticks` days); `economy()` is read lazily, so the economy may be
 * built with `after` itself.
 */
export function economySeries(
  rec: Recorder,
  economy: () => Economy,
): {
  after: (tick: number) => void;
  result: (outcomes: Record<string, number>, ticks: number) => RunResult;
} {
  const names = ["produced_kg", "stocks_kg", "in_transit_kg", "delivered_kg", "seized_kg", "bribes_usd"];
  const [produced, stocks, transit, delivered, seized, bribes, shipments, residual] = [
    ...names,
    "shipments_live",
    "mass_balance_residual_kg",
  ].map((n) => rec.series(n));
  let prices: ReturnType<typeof rec.series>[] | undefined;
  const after = (): void => {
    const e = economy();
    const l = e.ledger;
    const t = e.inTransit();
    produced!.push(l.produced);
    stocks!.push(l.stocks());
    transit!.push(t);
    delivered!.push(l.deliveredTotal());
    seized!.push(l.seizedTotal());
    bribes!.push(l.bribesUsd);
    shipments!.push(e.ships.alive);
    residual!.push(l.residual(t));
    prices ??= e.marketNames.map((n) => rec.series(`price.${n}`));
    e.markets.forEach((mk, m) => {
      prices![m]!.push(mk.price);
    });
  };
  const result = (outcomes: Record<string, number>, ticks: number): RunResult => {
    // A 0-tick run still names its price series (empty), like every other series.
    prices ??= economy().marketNames.map((n) => rec.series(`price.${n}`));
    return { ticks, outcomes, series: rec.seriesJSON() };
  };
  return { after, result };
}

/** Cross-field checks: organisations' homes produce, named crossings and cells exist (paths under params). */
export function checkEconomy(p: EconomyParams): { path: (string | number)[]; message: string }[] {
  const { world, crossings } = worldByName(p.world);
  const problems: { path: (string | number)[]; message: string }[] = [];
  const known = crossings.map((c) => c.char).join(" ");
  const producers = producersOf(world);
  p.organisations.forEach((o, i) => {
    if (!producers.includes(o.home))
      problems.push({
        path: ["organisations", i, "home"],
        message: `must be a producing province of the ${p.world} world (one of: ${producers.join(", ")})`,
      });
  });
  p.closedCrossings.forEach((c, i) => {
    if (!findCrossing(crossings, c.crossing))
      problems.push({
        path: ["closedCrossings", i, "crossing"],
        message: `unknown crossing (one of: ${known})`,
      });
  });
  const { width, height } = world.grid;
  p.reinforcements.forEach((r, i) => {
    if (r.crossing !== undefined && !findCrossing(crossings, r.crossing))
      problems.push({
        path: ["reinforcements", i, "crossing"],
        message: `unknown crossing (one of: ${known})`,
      });
    if ((r.crossing === undefined) === (r.at === undefined))
      problems.push({ path: ["reinforcements", i], message: "give exactly one of crossing or at" });
    if (r.at && (r.at[0] >= width || r.at[1] >= height))
      problems.push({
        path: ["reinforcements", i, "at"],
        message: `is off the ${width} × ${height} ${p.world} map`,
      });
  });
  const marketNames = world.markets.map(([q]) => world.provinces[q]!.name);
  for (const [from, to] of Object.entries(p.market.onward)) {
    for (const [end, name] of [
      ["from", from],
      ["to", to],
    ] as const) {
      if (!marketNames.includes(name))
        problems.push({
          path: ["market", "onward", from],
          message: `unknown ${end} market ${name} (one of: ${marketNames.join(", ")})`,
        });
    }
    if (from === to)
      problems.push({ path: ["market", "onward", from], message: "a market cannot trade with itself" });
  }
  for (const [key, name, known] of unknownShiftNames(world, Object.keys(p.security), p.shifts))
    problems.push({ path: ["shifts", key, name], message: `unknown name (one of: ${known.join(", ")})` });
  return problems;
}

/** The registered economy model. */
export const economyModel: ModelDefinition<EconomyParams> = {
  name: "economy",
  summary: "Drug-route economy: production, learning traffickers, markets, corruptible state security",
  params: economyParams,
  defaultTicks: ECONOMY_DAYS,
  usesMap: false,
  outcomes: economyCatalogue,
  check: checkEconomy,
  switches: economySwitches,
  setup: setupEconomy,
};
