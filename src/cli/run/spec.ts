/** `pamir run`: its name, help and options; the work is loaded only when it runs. */
import { MAX_TICKS } from "../../scenario/limits.js";
import type { CommandSpec } from "../command-spec.js";
import type { RunArgs } from "./command.js";

/** The `run` command. */
export const command: CommandSpec = {
  command: "run <scenario>",
  describe: "Run a scenario once and print its outcome table",
  builder: (c) =>
    c
      .positional("scenario", { type: "string", demandOption: true, describe: "scenario YAML file" })
      .option("seed", { type: "number", describe: "run seed (overrides the scenario's)" })
      .option("ticks", { type: "number", describe: "ticks to run (overrides the scenario's)" })
      .option("out", { type: "string", describe: "directory to write the result JSON into" })
      .option("set", {
        type: "string",
        requiresArg: true,
        describe:
          "set a value as if it were in the file: --set params.agents=500 (repeatable; the value is YAML)",
      })
      .option("json", {
        type: "boolean",
        default: false,
        describe: "print the result JSON instead of the table",
      })
      .check((a) => {
        // The same bounds as in a scenario file (seed: a safe integer ≥ 0; ticks: at most MAX_TICKS).
        const max = { seed: Number.MAX_SAFE_INTEGER, ticks: MAX_TICKS };
        for (const k of ["seed", "ticks"] as const) {
          const v = a[k];
          if (v !== undefined && !(Number.isSafeInteger(v) && v >= 0 && v <= max[k]))
            throw new Error(`--${k} must be an integer ≥ 0 and ≤ ${max[k]}`);
        }
        return true;
      }),
  run: async (a: RunArgs, print) => (await import("./command.js")).runCommand(a, print),
};
