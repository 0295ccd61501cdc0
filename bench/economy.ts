/**
 * Economy bench: the 360-day baseline (median of seeded runs) at 1×, 4× and 16× the default
 * number of shipments (lots split k ways) and security units (k × units per country), with agent
 * updates per second (live shipments + units, summed over days). Cost should grow about linearly.
 */
import { Economy } from "../src/model/economy.js";
import { type EconomyParams, economyParams, SECURITY_COUNTRIES } from "../src/model/economy-params.js";
import { median } from "./measure.js";

/** Baseline parameters with shipments and units scaled by k. */
function scaled(k: number): EconomyParams {
  const base = economyParams.parse({});
  const security = Object.fromEntries(
    SECURITY_COUNTRIES.map((c) => [c, { ...base.security[c], units: base.security[c].units * k }]),
  );
  return economyParams.parse({
    ...base,
    organisations: base.organisations.map((o) => ({ ...o, lotKg: o.lotKg / k })),
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
    new Economy(p, 999).simulation.run(days); // warm the JIT
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
