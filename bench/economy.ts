/**
 * Economy bench: the 360-day baseline (median of seeded runs) at 1×, 4× and 16× the default
 * number of shipments (lots and the smallest split lot divided by k) and security units (k ×
 * units per country at 1/k strength, so detection and hence the economy stay the same), with
 * agent updates per second (live shipments + units, summed over days). Cost should grow about
 * linearly in agents.
 */
import { Economy } from "../src/model/economy.js";
import {
  type EconomyParams,
  economyParams,
  organisationsOf,
  SECURITY_COUNTRIES,
} from "../src/model/economy-params.js";
import { producersOf, worldByName } from "../src/model/world-catalog.js";
import { median } from "./measure.js";

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
export async function benchEconomy(
  quick: boolean,
): Promise<{ name: string; medianMs: number; n: number; agentUpdatesPerSec?: number }[]> {
  const days = quick ? 60 : 360;
  const seeds = quick ? 3 : 10;
  const out: { name: string; medianMs: number; n: number; agentUpdatesPerSec?: number }[] = [];
  for (const k of [1, 4, 16]) {
    const p = scaled(k);
    for (let w = 0; w < 3; w++) new Economy(p, 900 + w).simulation.run(days); // warm the JIT
    const ms: number[] = [];
    const rates: number[] = [];
    for (let s = 1; s <= seeds; s++) {
      let updates = 0;
      const t0 = performance.now();
      const e: Economy = new Economy(p, s, () => {
        updates += e.ships.alive + e.units.alive;
      });
      e.simulation.run(days);
      const dt = performance.now() - t0;
      ms.push(dt);
      rates.push(updates / (dt / 1000));
    }
    out.push({
      name: `economy ${days} d ×${k}`,
      medianMs: median(ms),
      n: seeds,
      agentUpdatesPerSec: median(rates),
    });
  }
  return out;
}
