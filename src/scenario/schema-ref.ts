/**
 * The `$schema` key a scenario or study file may start with (what editors' YAML plugins read to
 * find the file's JSON Schema): accepted when it is a string, then dropped, so it never reaches a
 * parsed file, a run or a study's hash.
 */
import { z } from "zod";

/** The `$schema:` entry of a file's schema. */
export const schemaRefSchema = z
  .string()
  .optional()
  .transform(() => undefined)
  .describe("the file's JSON Schema, for editors (pamir ignores it)");
