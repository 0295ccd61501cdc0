/**
 * What the armed side of a nexus run is built from: its inputs, the check that reports its
 * parameters' problems located before a run is set up, and its named random streams.
 */
import type { Problem } from "../../../core/problems.js";
import type { EventTable } from "../../../engine/recorder.js";
import type { RngHub, RngStream } from "../../../engine/rng.js";
import type { RouteGraph } from "../../../worlds/route-graph.js";
import type { World } from "../../../worlds/types.js";
import { setupAlliance } from "../alliance/setup.js";
import type { BandContext } from "../bands/choose.js";
import { sharedHopFields } from "../bands/move.js";
import { type BandSetup, setupBands, utilityOverridesOf } from "../bands/setup.js";
import { worldTargets } from "../bands/targets.js";
import type { UtilityFn } from "../motives.js";
import type { OrgLaunch } from "./launch.js";
import type { ArmedParams } from "./params.js";

/** Every located problem the armed side's parameters have on a world (paths under params). */
export function armedProblems(world: World, p: ArmedParams): Problem[] {
  const b = setupBands(world, p);
  const a = setupAlliance(world, p.alliance);
  const o = utilityOverridesOf(p.bandRules.utilities);
  return [...(b.ok ? [] : b.problems), ...(a.ok ? [] : a.problems), ...(o.ok ? [] : o.problems)];
}

/** What the armed side of a run is built from. */
export interface ArmedSetup {
  /** The world. */
  world: World;
  /** The armed side's parameters. */
  params: ArmedParams;
  /** The run's random streams. */
  hub: RngHub;
  /** The run's event table (violent events and crackdowns go there). */
  events: EventTable;
  /** The world's legal-move graph. */
  graph: RouteGraph;
  /** Where trafficking organisations launch their loads and how much they ship. */
  orgs: OrgLaunch;
  /** Recruitment pool per province (the people's actives, updated in place). */
  actives: Float64Array;
}

/**
 * The armed side's random streams, one per mechanism; decisions that differ between postures
 * (screens' detection, the reserves' warnings, strikes, whether a band is met) draw from their own
 * so that the others stay in step across the arms of a study (common random numbers).
 */
export type ArmedStreams = Record<
  | "bands"
  | "upkeep"
  | "alliance"
  | "clashes"
  | "attribution"
  | "escort"
  | "crossings"
  | "reaction"
  | "strikes"
  | "encounters",
  RngStream
>;

/** The armed side's named streams of run hub `hub`. */
export function armedStreams(hub: RngHub): ArmedStreams {
  return {
    bands: hub.stream("bands"),
    upkeep: hub.stream("bands/upkeep"),
    alliance: hub.stream("alliance"),
    clashes: hub.stream("clashes"),
    attribution: hub.stream("attribution"),
    escort: hub.stream("escort-fights"),
    crossings: hub.stream("clashes/crossings"),
    reaction: hub.stream("alliance/reaction"),
    strikes: hub.stream("clashes/strikes"),
    encounters: hub.stream("clashes/encounters"),
  };
}

/** What every band reads: the world, its hop fields, targets, flow, hostiles and the orgs' offers. */
export function bandContextOf(
  s: ArmedSetup,
  bands: BandSetup,
  overrides: (UtilityFn | undefined)[],
  flow: Float64Array,
  hostile: Float64Array,
): BandContext {
  const { world, params: p } = s;
  return {
    world,
    graph: s.graph,
    fields: sharedHopFields(s.graph, world.country),
    targets: worldTargets(world, p.bandRules.targets),
    flow,
    hostile,
    actives: s.actives,
    offers: Float64Array.from(s.orgs.kgPerDay, (kg) => kg * p.bandRules.escortFeeUsdPerKg),
    orgCell: s.orgs.cell,
    motives: bands.motives,
    motiveClassOf: bands.motiveClassOf,
    overrides,
  };
}
