/**
 * Economy bench: the 360-day baseline (median of seeded runs) at 1×, 4× and 16× the default
 * number of shipments (lots and the smallest split lot divided by k) and security units (k ×
 * units per country at 1/k strength, so detection and hence the economy stay the same), with
 * agent updates per second (live shipments + units, summed over days). Cost should grow about
 * linearly in agents.
 */
import {
  type EconomyParams,
  economyParams,
  organisationsOf,
  SECURITY_COUNTRIES,
} from "../src/models/economy/params.js";
import { type EconomyRun, economyRun } from "../src/models/economy/schedule.js";
import { producersOf, worldByName } from "../src/worlds/resolve.js";
import { benchScaled, type ScaledRow } from "./measure.js";

/** Baseline economy parameters with shipments and units scaled by k (the same economy, k× the agents). */
export function scaled(k: number): EconomyParams {
  const base = economyParams.parse({});
  const security = Object.fromEntries(
    SECURITY_COUNTRIES.map((c) => {
      const s = base.security[c];
      // k times the units at 1/k the strength: the same detection, so the same economy, k× agents.
      return [c, { ...s, units: s.units * k, strength: s.strength / k }];
    }),
  );
  return economyParams.parse({
    ...base,
    organisations: organisationsOf(base, producersOf(worldByName(base.world).world)).map((o) => ({
      ...o,
      lotKg: o.lotKg / k,
    })),
    traffickers: { ...base.traffickers, minLotKg: base.traffickers.minLotKg / k },
    security,
  });
}

/** Median ms per 360-day run and agent updates per second at 1×, 4× and 16× (`quick`: fewer seeds, 60 days). */
export async function benchEconomy(quick: boolean): Promise<ScaledRow[]> {
  const params = [1, 4, 16].map((k) => [k, scaled(k)] as const);
  const of = (k: number) => params.find(([x]) => x === k)![1];
  return benchScaled("economy", quick, (k, seed, count) => {
    const run: EconomyRun = economyRun(of(k), seed, () =>
      count(run.economy.ships.alive + run.economy.units.alive),
    );
    return run;
  });
}
