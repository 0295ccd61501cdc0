/** `pamir validate`: its name, help and options; the work is loaded only when it runs. */
import type { CommandSpec } from "../command-spec.js";
import { setArgs } from "../set-args.js";

/** The `validate` command. */
export const command: CommandSpec = {
  command: "validate <files..>",
  describe: "Check scenario and study files; print every problem as file:line:col  path  message",
  builder: (c) =>
    c
      .positional("files", {
        type: "string",
        array: true,
        demandOption: true,
        describe: "scenario or study files",
      })
      .option("set", {
        type: "string",
        requiresArg: true,
        describe: "check the scenarios with a value set: --set params.agents=500 (repeatable; YAML value)",
      }),
  run: async (a: { files: string[]; set?: string | string[] }, print) =>
    (await import("./command.js")).validateCommand(a.files, print, setArgs(a.set)),
};
