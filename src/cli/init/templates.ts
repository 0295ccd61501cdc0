/**
 * The starting files `pamir init` writes: a scenario of the nexus model on the stylised corridor
 * world, and a study that crosses its alliance posture with seeds. Each says in comments what its
 * keys mean and how to check and run it, and starts with the modeline that points editors'
 * YAML plugins (yaml-language-server) at the file's JSON Schema.
 */
import { modelNames } from "../../scenario/schema.js";

/** The two kinds of file `pamir init` writes. */
export type InitKind = "scenario" | "study";

/** The starting scenario; `schema` is the path of the scenario JSON Schema, relative to the file. */
export function scenarioTemplate(schema: string): string {
  return `# yaml-language-server: $schema=${schema}
# A pamir scenario: one model, its parameters, a seed and a horizon. Keys left out take the
# model's defaults; \`pamir schema\` prints every key with its bounds and meaning.
# Check: pamir validate <this file>     Run once: pamir run <this file> [--seed 2] [--set params.x=…]
name: My scenario
description: the nexus model on the stylised Northern Route, route-control posture
# One of: ${modelNames().join(", ")}.
model: nexus
seed: 1 # every random stream of the run derives from it
ticks: 360 # days
params:
  world: corridor # the stylised Northern Route world (40 × 30 cells of ~50 km); or a map: file
  # Motive hypothesis: the bands' criminal share, 0 = purely ideological, 1 = purely criminal.
  threat: { criminalShare: 1 }
  # Alliance posture: incursion-drill | route-control | garrison (the status quo: kept at base) | per-force.
  posture: route-control
`;
}

/** The starting study; `schema` as above, `scenario` the base scenario relative to the study file. */
export function studyTemplate(schema: string, scenario: string): string {
  return `# yaml-language-server: $schema=${schema}
# A pamir study: a base scenario run at every point of a design, each point with several seeds,
# into a resumable results folder. \`pamir schema --study\` prints every key.
# Check: pamir validate <this file>     Run: pamir study <this file>     Then: pamir report results/<slug>
name: My study # the results folder is results/my-study unless --out says otherwise
scenario: ${JSON.stringify(scenario)} # relative to this file (pamir init scenario writes one)
seed: 1 # master seed: each run's seed derives from it and the run id
replicates: 10 # seeded runs per design point
# ticks: 360 # horizon of every run (default: the scenario's own)
factors:
  # A scenario parameter path → the values to cross (labels name the arms in comparisons); a range
  # (min, max) is sampled by a design: lhs, sobol, saltelli or morris.
  params.posture:
    values: [incursion-drill, route-control]
    labels: [drill, route]
`;
}
