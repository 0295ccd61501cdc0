/** `pamir init`: its name, help and options; the work is loaded only when it runs. */
import type { CommandSpec } from "../command-spec.js";
import type { InitArgs } from "./command.js";

/** The `init` command. */
export const command: CommandSpec = {
  command: "init <kind-or-file> [file]",
  describe: "Write a commented starting file: pamir init [scenario|study] <file>",
  builder: (c) =>
    c
      .positional("kind-or-file", {
        type: "string",
        demandOption: true,
        describe: "scenario (the default) or study, then the file; or just the file",
      })
      .positional("file", { type: "string", describe: "the file to write" })
      .option("scenario", {
        type: "string",
        default: "scenario.yaml",
        describe: "study only: its base scenario, relative to the study file",
      })
      .option("force", { type: "boolean", default: false, describe: "overwrite the file if it exists" }),
  run: async (a: InitArgs, print) => (await import("./command.js")).initCommand(a, print),
};
