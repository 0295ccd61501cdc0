/**
 * `pamir schema [--study]`: print the JSON Schema of scenario files, or of study files (for
 * editors and other tools); `npm run schemas` writes both into schemas/, which the package ships.
 */
import { scenarioJsonSchema } from "../../scenario/schema.js";
import { studyJsonSchema } from "../../study/schema.js";
import type { Print } from "../command-spec.js";

/** The JSON Schema of study files (`study`) or scenario files, as printed. */
export function schemaText(study: boolean): string {
  return JSON.stringify(study ? studyJsonSchema() : scenarioJsonSchema(), null, 2);
}

/** Execute `pamir schema`. */
export function schemaCommand(study: boolean, print: Print): void {
  print(schemaText(study));
}
