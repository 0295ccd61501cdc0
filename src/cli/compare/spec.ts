/** `pamir compare`: its name, help and options; the work is loaded only when it runs. */
import { DEFAULT_BOOTSTRAP, DEFAULT_BOOTSTRAP_SEED } from "../../stats/defaults.js";
import type { CommandSpec } from "../command-spec.js";
import type { CompareArgs } from "./command.js";

/** The `compare` command. */
export const command: CommandSpec = {
  command: "compare <results-dir>",
  describe: "Compare arms of a study (e.g. postures within motives) and name the minimax-regret arm",
  builder: (c) =>
    c
      .positional("results-dir", {
        type: "string",
        demandOption: true,
        describe: "a study's results directory",
      })
      .option("outcome", { type: "string", demandOption: true, describe: "outcome to compare" })
      .option("by", {
        type: "string",
        demandOption: true,
        describe: "factor whose arms are compared (e.g. posture)",
      })
      .option("within", {
        type: "string",
        describe: "factor to compare within (e.g. motive); default all runs",
      })
      .option("lower-is-better", {
        type: "boolean",
        describe: "smaller outcome values are better (default: the outcome catalogue's direction)",
      })
      .option("higher-is-better", {
        type: "boolean",
        describe: "larger outcome values are better (default: the outcome catalogue's direction)",
      })
      .option("bootstrap", { type: "number", default: DEFAULT_BOOTSTRAP, describe: "bootstrap resamples" })
      .option("seed", { type: "number", default: DEFAULT_BOOTSTRAP_SEED, describe: "bootstrap seed" })
      .option("json", { type: "boolean", default: false, describe: "print the report as JSON" }),
  run: async (a: CompareArgs, print) => (await import("./command.js")).compareCommand(a, print),
};
