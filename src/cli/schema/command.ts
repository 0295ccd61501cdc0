/** `pamir schema`: print the JSON Schema of scenario files (for editors and other tools). */

import { scenarioJsonSchema } from "../../scenario/schema.js";
import type { Print } from "../command-spec.js";

/** Execute `pamir schema`. */
export function schemaCommand(print: Print): void {
  print(JSON.stringify(scenarioJsonSchema(), null, 2));
}
