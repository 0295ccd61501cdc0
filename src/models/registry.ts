/** The models a scenario can name in `model:`; the CLI, studies and benches all look them up here. */

import type { ModelDefinition } from "../core/model.js";
import { rebellionModel } from "./classic/rebellion.js";
import { schellingModel } from "./classic/schelling.js";
import { wolfSheepModel } from "./classic/wolf-sheep.js";
import { economyModel } from "./economy/model.js";
import { nexusModel } from "./nexus/model.js";
import { ishigamiModel } from "./test-functions/ishigami.js";
import { sobolGModel } from "./test-functions/sobol-g.js";

/** Every registered model, in the order `pamir --help` lists them. */
export const MODELS: readonly ModelDefinition<never>[] = [
  schellingModel as ModelDefinition<never>,
  wolfSheepModel as ModelDefinition<never>,
  rebellionModel as ModelDefinition<never>,
  economyModel as ModelDefinition<never>,
  nexusModel as ModelDefinition<never>,
  ishigamiModel as ModelDefinition<never>,
  sobolGModel as ModelDefinition<never>,
];

/** The model registered under `name`, or undefined. */
export function findModel(name: string): ModelDefinition<unknown> | undefined {
  return MODELS.find((m) => m.name === name) as ModelDefinition<unknown> | undefined;
}
