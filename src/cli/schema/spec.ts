/** `pamir schema`: its name, help and options; the work is loaded only when it runs. */
import type { CommandSpec } from "../command-spec.js";

/** The `schema` command. */
export const command: CommandSpec = {
  command: "schema",
  describe: "Print the JSON Schema of scenario files",
  builder: (c) => c,
  run: async (_, print) => (await import("./command.js")).schemaCommand(print),
};
