/**
 * The armed side of a nexus run on the corridor world, stepped by the nexus schedule itself
 * (src/models/nexus/schedule.ts) with stand-ins for what the economy and the people would do, for
 * property and mechanism tests. The stand-ins are fixed inputs: a heroin flow layer (each
 * producer's 82 kg/day along its fewest-steps legal route to Russia) that bands tax as it passes,
 * three organisations offering escort fees and patrols that stop one of each organisation's loads
 * on 1 day in 20, security units at official posts and cities that never move, and a fixed pool
 * of actives per province.
 */
import { createRecorder, type EventTable } from "../../../../src/engine/recorder.js";
import { createRngHub } from "../../../../src/engine/rng.js";
import { createSimulation, type Phase, type Simulation } from "../../../../src/engine/schedule.js";
import { createUnits, stageUnit, type Units } from "../../../../src/models/economy/security/units.js";
import type { AllianceState } from "../../../../src/models/nexus/alliance/alliance.js";
import type { Contingents } from "../../../../src/models/nexus/alliance/contingents.js";
import type { AllianceRules, Force } from "../../../../src/models/nexus/alliance/forces.js";
import type { AllianceLayers } from "../../../../src/models/nexus/alliance/layers.js";
import type { Severity } from "../../../../src/models/nexus/alliance/severity.js";
import { type ArmedParams, armedParams } from "../../../../src/models/nexus/armed/params.js";
import { Armed } from "../../../../src/models/nexus/armed/state.js";
import type { Attribution } from "../../../../src/models/nexus/attribution.js";
import type { BandDay } from "../../../../src/models/nexus/bands/day.js";
import type { BandRules } from "../../../../src/models/nexus/bands/rules.js";
import type { Bands } from "../../../../src/models/nexus/bands/store.js";
import { centreOf } from "../../../../src/models/nexus/bands/targets.js";
import { collectTax } from "../../../../src/models/nexus/bands/tax.js";
import { escortFight } from "../../../../src/models/nexus/clashes/encounters.js";
import type { ClashOutcomes } from "../../../../src/models/nexus/clashes/hostiles.js";
import { armedStores, nexusDay } from "../../../../src/models/nexus/schedule.js";
import { corridorWorld } from "../../../../src/worlds/corridor.js";
import { routeGraph } from "../../../../src/worlds/route-graph.js";
import { routeField, routeFrom } from "../../../../src/worlds/routes.js";
import { CROSSING_OFFICIAL, type World } from "../../../../src/worlds/types.js";

/** Producing provinces and their supply, kg/day (corridor-world calibration). */
const PRODUCERS = ["Kunduz", "Takhar", "Badakhshan"];
const KG_PER_DAY = 90_000 / 3 / 365;

/** Each producer's supply along its fewest-steps legal route from its centre to Russia, kg/day per cell. */
export function syntheticFlow(world: World): Float64Array {
  const flow = new Float64Array(world.grid.size);
  const russia = world.provinces.findIndex((p) => p.name === "Russia");
  const field = routeField(world, new Float64Array(world.grid.size).fill(1), world.cellsOf[russia]!);
  for (const name of PRODUCERS) {
    const p = world.provinces.findIndex((q) => q.name === name);
    for (const c of routeFrom(field, centreOf(world, world.cellsOf[p]!))) flow[c]! += KG_PER_DAY;
  }
  return flow;
}

/** Everything a test may look at. */
export interface NexusSim {
  params: ArmedParams;
  world: World;
  sim: Simulation;
  /** The armed side the schedule steps. */
  armed: Armed;
  bands: Bands;
  rules: BandRules;
  st: BandDay;
  forces: Force[];
  allianceRules: AllianceRules;
  contingents: Contingents;
  alliance: AllianceState;
  layers: AllianceLayers;
  severity: Severity;
  /** Severity as it stood when the alliance step ran today (what activation used). */
  severityUsed: Float64Array;
  attribution: Attribution;
  events: EventTable;
  clashes: ClashOutcomes;
  orgCapital: Float64Array;
  units: Units;
}

/** Security units at official posts outside Afghanistan and in small cities; they never move. */
function fixedUnits(world: World): Units {
  const units = createUnits(32);
  const af = world.countries.indexOf("AF");
  for (let c = 0; c < world.grid.size; c++) {
    const city = world.markets.some(([, cells]) => cells.length < 5 && cells.includes(c));
    const post = world.crossing[c] === CROSSING_OFFICIAL && world.country[c] !== af;
    if (!city && !post) continue;
    const spec = { station: c, country: world.country[c]!, agency: 0, strength: city ? 2 : 1 };
    stageUnit(units, { ...spec, effectiveness: 0.16, corruption: 0.5, radius: 0, patrol: 0, fromDay: 0 });
  }
  units.flush();
  return units;
}

/** Build the simulation from raw armed-side parameters (defaults filled by the schema). */
export function makeNexusSim(raw: object, seed: number): NexusSim {
  const params = armedParams.parse(raw);
  const world = corridorWorld();
  const units = fixedUnits(world);
  const hub = createRngHub(seed);
  const recorder = createRecorder();
  const orgCell = Int32Array.from(PRODUCERS, (n) => {
    const p = world.provinces.findIndex((q) => q.name === n);
    return centreOf(world, world.cellsOf[p]!);
  });
  const armed = new Armed({
    world,
    params,
    hub,
    events: recorder.events,
    graph: routeGraph(world),
    orgs: { cell: orgCell, kgPerDay: new Float64Array(PRODUCERS.length).fill(KG_PER_DAY) },
    actives: Float64Array.from(world.provinces, (p) => Math.round(200 * p.hardship * (1 - p.legitimacy))),
  });
  armed.flow.set(syntheticFlow(world));
  const orgCapital = new Float64Array(PRODUCERS.length).fill(1_000_000);
  const { bands, st } = armed;
  // The armed side's own escort stream: the hub hands out one stream per name.
  const escortRng = hub.stream("escort-fights");
  const economy: Phase = {
    name: "economy",
    run: (day) => {
      for (const c of st.tax.held) collectTax(st.tax, bands, c, armed.flow[c]!, st.out);
      for (let org = 0; org < orgCell.length; org++) {
        if (escortRng.next() >= 0.05) continue;
        const stop = { org, cell: orgCell[org]!, personnel: 20, quality: 1, tick: day };
        escortFight(armed.clash, stop, escortRng);
      }
    },
  };
  const severityUsed = new Float64Array(world.countries.length);
  const day = nexusDay({
    armed,
    units,
    orgCapital,
    economy: [economy],
    people: () => {},
    flow: () => {},
  }).map((step) =>
    // Severity changes only after the alliance step, so what it holds then is what activation used.
    step.name === "alliance"
      ? {
          name: step.name,
          run: (d: number) => {
            step.run(d);
            severityUsed.set(armed.severity.value);
          },
        }
      : step,
  );
  return {
    params,
    world,
    sim: createSimulation({ stores: armedStores(armed), phases: day }),
    armed,
    bands,
    rules: armed.rules,
    st,
    forces: armed.forces,
    allianceRules: armed.allianceRules,
    contingents: armed.contingents,
    alliance: armed.alliance,
    layers: armed.layers,
    severity: armed.severity,
    severityUsed,
    attribution: armed.attribution,
    events: recorder.events,
    clashes: armed.clashes,
    orgCapital,
    units,
  };
}
