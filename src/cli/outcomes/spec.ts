/** `pamir outcomes`: its name, help and options; the work is loaded only when it runs. */
import type { CommandSpec } from "../command-spec.js";

/** The `outcomes` command. */
export const command: CommandSpec = {
  command: "outcomes <target>",
  describe: "List a model's outcomes and series with unit, direction, dimensions and meaning",
  builder: (c) =>
    c
      .positional("target", {
        type: "string",
        demandOption: true,
        describe: "a model name, a scenario file, or a study's results directory",
      })
      .option("json", { type: "boolean", default: false, describe: "print the catalogue as JSON" }),
  run: async (a: { target: string; json: boolean }, print) =>
    (await import("./command.js")).outcomesCommand(a.target, a.json, print),
};
