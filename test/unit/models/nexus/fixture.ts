/**
 * A small armed-side simulation assembled from the insurgent, alliance, clash and attribution
 * modules on the corridor world, for property and mechanism tests. The economy is stood in for by
 * fixed inputs: a heroin flow layer (each producer's 82 kg/day along its fewest-steps legal route to
 * Russia), three organisations offering escort fees, security units at official posts and cities
 * that never move, and a fixed pool of actives per province. Phase order (the one the nexus model
 * is to use): alliance → hostiles → bands → clashes → economy stand-in (tax, escorts) → severity.
 */
import { createRecorder, type EventTable } from "../../../../src/engine/recorder.js";
import { createRngHub } from "../../../../src/engine/rng.js";
import { createSimulation, type Simulation } from "../../../../src/engine/schedule.js";
import { createUnits, stageUnit, type Units } from "../../../../src/models/economy/security/units.js";
import { AllianceState, allianceDay } from "../../../../src/models/nexus/alliance/alliance.js";
import { type Contingents, createContingents } from "../../../../src/models/nexus/alliance/contingents.js";
import type { AllianceRules, Force } from "../../../../src/models/nexus/alliance/forces.js";
import { AllianceLayers } from "../../../../src/models/nexus/alliance/layers.js";
import { setupAlliance } from "../../../../src/models/nexus/alliance/setup.js";
import { Severity } from "../../../../src/models/nexus/alliance/severity.js";
import { type ArmedParams, armedParams } from "../../../../src/models/nexus/armed/params.js";
import { Attribution } from "../../../../src/models/nexus/attribution.js";
import type { BandContext } from "../../../../src/models/nexus/bands/choose.js";
import { type BandDay, bandsDay, createBandDay } from "../../../../src/models/nexus/bands/day.js";
import { payEscorts } from "../../../../src/models/nexus/bands/escorts.js";
import { HopFields } from "../../../../src/models/nexus/bands/move.js";
import type { BandRules } from "../../../../src/models/nexus/bands/rules.js";
import { bandRulesOf, setupBands, utilityOverridesOf } from "../../../../src/models/nexus/bands/setup.js";
import type { Bands } from "../../../../src/models/nexus/bands/store.js";
import { centreOf, worldTargets } from "../../../../src/models/nexus/bands/targets.js";
import { collectTax } from "../../../../src/models/nexus/bands/tax.js";
import { payUpkeep } from "../../../../src/models/nexus/bands/upkeep.js";
import {
  type ClashContext,
  encounterDay,
  escortFight,
  strikeDay,
} from "../../../../src/models/nexus/clashes/encounters.js";
import { ClashOutcomes, clashRulesOf, Hostiles } from "../../../../src/models/nexus/clashes/hostiles.js";
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
  bands: Bands;
  rules: BandRules;
  st: BandDay;
  forces: Force[];
  allianceRules: AllianceRules;
  contingents: Contingents;
  alliance: AllianceState;
  layers: AllianceLayers;
  severity: Severity;
  /** Severity as it stood when the alliance phase ran today (what activation used). */
  severityUsed: Float64Array;
  attribution: Attribution;
  events: EventTable;
  clashes: ClashOutcomes;
  orgCapital: Float64Array;
  units: Units;
}

/** Build the stand-in simulation from raw nexus parameters (defaults filled by the schema). */
export function makeNexusSim(raw: object, seed: number): NexusSim {
  const params = armedParams.parse(raw);
  const world = corridorWorld();
  const size = world.grid.size;
  const K = world.countries.length;
  const graph = routeGraph(world);
  const flow = syntheticFlow(world);
  const b = setupBands(world, params);
  const a = setupAlliance(world, params.alliance);
  const o = utilityOverridesOf(params.bandRules.utilities);
  if (!b.ok || !a.ok || !o.ok) throw new Error("fixture parameters are invalid");
  const { bands, motives, motiveClassOf } = b.setup;
  const { forces, rules: allianceRules } = a;
  const contingents = createContingents(forces);
  const units = createUnits(32);
  const af = world.countries.indexOf("AF");
  for (let c = 0; c < size; c++) {
    const city = world.markets.some(([, cells]) => cells.length < 5 && cells.includes(c));
    const post = world.crossing[c] === CROSSING_OFFICIAL && world.country[c] !== af;
    if (!city && !post) continue;
    const spec = { station: c, country: world.country[c]!, agency: 0, strength: city ? 2 : 1 };
    stageUnit(units, { ...spec, effectiveness: 0.16, corruption: 0.5, radius: 0, patrol: 0, fromDay: 0 });
  }
  units.flush();
  const hub = createRngHub(seed);
  const rng = {
    bands: hub.stream("bands"),
    upkeep: hub.stream("bands/upkeep"),
    alliance: hub.stream("alliance"),
    clashes: hub.stream("clashes"),
    attribution: hub.stream("attribution"),
    escort: hub.stream("escort-fights"),
  };
  const rules = bandRulesOf(params.bandRules);
  const hostiles = new Hostiles(size);
  const orgCell = Int32Array.from(PRODUCERS, (n) => {
    const p = world.provinces.findIndex((q) => q.name === n);
    return centreOf(world, world.cellsOf[p]!);
  });
  const orgCapital = new Float64Array(PRODUCERS.length).fill(1_000_000);
  const offers = new Float64Array(PRODUCERS.length).fill(params.bandRules.escortFeeUsdPerKg * KG_PER_DAY);
  const actives = Float64Array.from(world.provinces, (p) =>
    Math.round(200 * p.hardship * (1 - p.legitimacy)),
  );
  const ctx: BandContext = {
    world,
    graph,
    fields: new HopFields(graph),
    targets: worldTargets(world, params.bandRules.targets),
    flow,
    hostile: hostiles.personnel,
    actives,
    offers,
    orgCell,
    motives,
    motiveClassOf,
    overrides: o.overrides,
  };
  const st = createBandDay(bands, ctx, rules);
  const layers = new AllianceLayers(size);
  const alliance = new AllianceState(forces.length, K);
  const severity = new Severity(K);
  const severityUsed = new Float64Array(K);
  const recorder = createRecorder();
  const attribution = new Attribution(world, recorder.events, params.attribution);
  const clashRules = clashRulesOf(params.clashes);
  const clashes = new ClashOutcomes();
  const cc: ClashContext = {
    world,
    bands,
    hostiles,
    contingents,
    layers,
    attribution,
    motiveClassOf,
    rules: clashRules,
    out: clashes,
    labelRng: rng.attribution,
  };
  const ap = params.alliance;
  const sim = createSimulation({
    stores: [bands, contingents],
    phases: [
      {
        name: "alliance",
        run: (day) => {
          attribution.beginDay();
          severity.decay(ap.severityMemoryDays);
          severityUsed.set(severity.value);
          const today = { contingents, forces, rules: allianceRules, state: alliance, world, flow };
          allianceDay({ ...today, severity: severity.value }, day, rng.alliance);
          layers.rebuild(contingents, forces, allianceRules, world);
        },
      },
      { name: "hostiles", run: (day) => hostiles.build(units, day, clashRules, layers) },
      {
        name: "bands",
        run: () => {
          payUpkeep(bands, rules, rng.upkeep, st.out);
          bandsDay(st, rng.bands);
          severity.addIncursions(
            world,
            st.log,
            bands.col.fighters,
            bands.col.homeCountry,
            ap.incursionSeverityPer100,
          );
        },
      },
      {
        name: "clashes",
        run: (day) => {
          strikeDay(cc, st.attacks, day, rng.clashes);
          encounterDay(cc, day, rng.clashes);
        },
      },
      {
        name: "economy",
        run: (day) => {
          for (const c of st.tax.held) collectTax(st.tax, bands, c, flow[c]!, st.out);
          for (let org = 0; org < orgCell.length; org++) {
            // A patrol of one unit stops one of the organisation's loads on 1 day in 20.
            if (rng.escort.next() < 0.05) {
              const stop = { org, cell: orgCell[org]!, personnel: 20, quality: 1, tick: day };
              escortFight(cc, stop, rng.escort);
            }
          }
          payEscorts(bands, orgCapital, st.out);
        },
      },
      {
        name: "severity",
        run: () => {
          for (let k = 0; k < K; k++) severity.add(k, attribution.terrorToday[k]!);
        },
      },
    ],
  });
  return {
    params,
    world,
    sim,
    bands,
    rules,
    st,
    forces,
    allianceRules,
    contingents,
    alliance,
    layers,
    severity,
    severityUsed,
    attribution,
    events: recorder.events,
    clashes,
    orgCapital,
    units,
  };
}
