/** `pamir schema`: print the JSON Schema of scenario files (for editors and other tools). */
import type { Argv } from "yargs";
import { scenarioJsonSchema } from "../scenario/schema.js";

/** Register `schema` on a yargs instance. */
export function registerSchema(y: Argv, print: (s: string) => void): Argv {
  return y.command(
    "schema",
    "Print the JSON Schema of scenario files",
    (c) => c,
    () => print(JSON.stringify(scenarioJsonSchema(), null, 2)),
  );
}
