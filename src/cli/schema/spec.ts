/** `pamir schema`: its name, help and options; the work is loaded only when it runs. */
import type { CommandSpec } from "../command-spec.js";

/** The `schema` command. */
export const command: CommandSpec = {
  command: "schema",
  describe: "Print the JSON Schema of scenario files (or, with --study, of study files)",
  builder: (c) =>
    c.option("study", { type: "boolean", default: false, describe: "print the schema of study files" }),
  run: async (a: { study: boolean }, print) => (await import("./command.js")).schemaCommand(a.study, print),
};
