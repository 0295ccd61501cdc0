/**
 * The registered `nexus` model: the drug-route economy with insurgent bands, alliance forces,
 * clashes, attribution and the population bands recruit from, on the world `params.world` names (models/nexus/schedule.ts
 * gives the day's order). Outcomes: models/nexus/outcomes.ts. Per-tick series: the economy's, plus
 * insurgent strength, cumulative incursions, clashes and violent events, actives, mean legitimacy
 * and alliance troops deployed.
 */

import type { ModelDefinition, ModelRun, RunOptions } from "../../core/model.js";
import { createRecorder } from "../../engine/recorder.js";
import { worldByName } from "../../worlds/resolve.js";
import type { World } from "../../worlds/types.js";
import { checkEconomy, economySeries } from "../economy/model.js";
import { armedProblems } from "./armed/setup.js";
import { nexusCatalogue } from "./catalogue/catalogue.js";
import { setupStrongmen } from "./officials/strongmen.js";
import { nexusOutcomes } from "./outcomes.js";
import { applySwitches, type NexusModelParams, nexusModelParams } from "./params.js";
import { nexusRun } from "./schedule.js";
import { nexusSwitches } from "./switches.js";

/** Default horizon, days. */
export const NEXUS_DAYS = 360;

/** "bands[2].home" → ["bands", 2, "home"]. */
export function splitPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/** Cross-field checks: the economy's, and every band home, force base and formula (paths under params). */
export function checkNexus(p: NexusModelParams): { path: (string | number)[]; message: string }[] {
  const { world } = worldByName(p.world);
  return [
    ...checkEconomy(p),
    ...armedProblems(world, applySwitches(p)).map((e) => ({ path: splitPath(e.path), message: e.message })),
    ...officialsProblems(world, p),
  ];
}

/** The strongmen's provinces the world lacks (paths under params). */
function officialsProblems(
  world: World,
  p: NexusModelParams,
): { path: (string | number)[]; message: string }[] {
  const r = setupStrongmen(world, p.officials);
  return r.ok ? [] : r.problems.map((e) => ({ path: splitPath(e.path), message: e.message }));
}

/** Set up one nexus run with per-tick series. */
export function setupNexus(p: NexusModelParams, opts: RunOptions): ModelRun {
  const rec = createRecorder();
  const eco = economySeries(rec, () => run.nexus.economy);
  const names = [
    "insurgent_fighters",
    "incursions",
    "clashes",
    "violent_events",
    "actives",
    "legitimacy_mean",
    "alliance_troops",
  ];
  const [fighters, incursions, clashes, events, actives, legitimacy, troops] = names.map((s) =>
    rec.series(s),
  );
  const run = nexusRun(applySwitches(p), opts.seed, (tick) => {
    eco.after(tick);
    const n = run.nexus;
    const a = n.armed;
    let f = 0;
    const ids = a.bands.order();
    for (let i = 0; i < ids.length; i++) f += a.bands.col.fighters[ids[i]!]!;
    fighters!.push(f);
    incursions!.push(a.st.out.incursions.reduce((s, x) => s + x, 0));
    const cl = a.clashes;
    clashes!.push(cl.encounters + cl.strikes + cl.escortFights);
    events!.push(a.attribution.events.reduce((s, x) => s + x, 0));
    actives!.push(n.people.pop.activeCount);
    legitimacy!.push(n.people.meanLegitimacy());
    let t = 0;
    for (let c = 0; c < a.layers.troops.length; c++) t += a.layers.troops[c]!;
    troops!.push(t);
  });
  const { nexus, simulation } = run;
  return { simulation, result: () => eco.result(nexusOutcomes(nexus, simulation.tick), simulation.tick) };
}

/** The registered nexus model. */
export const nexusModel: ModelDefinition<NexusModelParams> = {
  name: "nexus",
  summary:
    "Terror–crime nexus: drug-route economy, insurgent bands, alliance postures, clashes, attribution, population",
  params: nexusModelParams,
  defaultTicks: NEXUS_DAYS,
  usesMap: false,
  outcomes: nexusCatalogue,
  check: checkNexus,
  switches: nexusSwitches,
  setup: setupNexus,
};
