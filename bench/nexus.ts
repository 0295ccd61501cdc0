/**
 * Nexus bench: the 360-day `route-control` scenario (median of seeded runs, one core, in
 * process) at 1×, 4× and 16× the agents that can be scaled without changing the model: k× the
 * shipments (lots / k) and security units (strength / k), each band split into k bands of 1/k the
 * fighters, contingents of 1/k the troops. Citizens stay one per occupied cell (the grid's limit).
 * An agent-update is one live shipment, unit, band, contingent or citizen on one day.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { organisationsOf } from "../src/models/economy/params.js";
import { applySwitches, type NexusModelParams, nexusModelParams } from "../src/models/nexus/params.js";
import { type NexusRun, nexusRun } from "../src/models/nexus/schedule.js";
import { producersOf, worldByName } from "../src/worlds/resolve.js";
import { benchScaled, type ScaledRow } from "./measure.js";

/** The route-control scenario's parameters with agents scaled by k. */
function routeControl(k: number): NexusModelParams {
  const file = new URL("../../scenarios/route-control.yaml", import.meta.url);
  const raw = parse(readFileSync(file, "utf8")).params;
  return scaledNexus(applySwitches(nexusModelParams.parse(raw)), k);
}

/**
 * Nexus parameters with k× the agents that can be scaled without changing the model: lots (and
 * the smallest split lot) / k, k× the security units at 1/k the strength, every band split into
 * k bands of 1/k the fighters and cash, contingents of 1/k the troops.
 */
export function scaledNexus(base: NexusModelParams, k: number): NexusModelParams {
  const producers = producersOf(worldByName(base.world).world);
  return {
    ...base,
    organisations: organisationsOf(base, producers).map((o) => ({ ...o, lotKg: o.lotKg / k })),
    traffickers: { ...base.traffickers, minLotKg: base.traffickers.minLotKg / k },
    security: Object.fromEntries(
      Object.entries(base.security).map(([c, s]) => [
        c,
        { ...s, units: s.units * k, strength: s.strength / k },
      ]),
    ) as NexusModelParams["security"],
    bands: base.bands.flatMap((b) =>
      Array.from({ length: k }, () => ({
        ...b,
        fighters: Math.max(1, Math.round(b.fighters / k)),
        cashUsd: b.cashUsd / k,
      })),
    ),
    alliance: {
      ...base.alliance,
      forces: base.alliance.forces.map((f) => ({
        ...f,
        contingentSize: Math.max(1, Math.round(f.contingentSize / k)),
      })),
    },
  };
}

/** Live agents of a nexus run now: shipments, units, bands, contingents and citizens. */
export function liveAgents(run: NexusRun): number {
  const n = run.nexus;
  const e = n.economy;
  return (
    e.ships.alive +
    e.units.alive +
    n.armed.bands.alive +
    n.armed.contingents.alive +
    n.people.pop.citizens.alive
  );
}

/** Median ms per 360-day route-control run and agent-updates per second at 1×, 4×, 16× (`quick`: 60 days, 3 seeds). */
export async function benchNexus(quick: boolean): Promise<ScaledRow[]> {
  const params = new Map([1, 4, 16].map((k) => [k, routeControl(k)]));
  return benchScaled("nexus route-control", quick, (k, seed, count) => {
    const run: NexusRun = nexusRun(params.get(k)!, seed, () => count(liveAgents(run)));
    return run;
  });
}
