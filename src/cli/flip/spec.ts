/** `pamir flip`: its name, help and options; the work is loaded only when it runs. */
import { DEFAULT_BOOTSTRAP, DEFAULT_BOOTSTRAP_SEED } from "../../stats/defaults.js";
import type { CommandSpec } from "../command-spec.js";
import type { FlipArgs } from "./command.js";

/** The `flip` command. */
export const command: CommandSpec = {
  command: "flip <results-dir>",
  describe:
    "Where along a range factor (e.g. the threat's criminal share) the better of two arms changes: the flip point with its interval",
  builder: (c) =>
    c
      .positional("results-dir", {
        type: "string",
        demandOption: true,
        describe: "a study's results directory",
      })
      .option("outcome", {
        type: "string",
        demandOption: true,
        describe: "outcome that decides which arm is better",
      })
      .option("by", {
        type: "string",
        demandOption: true,
        describe: "value factor whose two arms are compared (e.g. posture)",
      })
      .option("along", {
        type: "string",
        demandOption: true,
        describe: "range factor to look along (its name or path)",
      })
      .option("arms", {
        type: "string",
        describe: "the two labels compared, A,B (default: the factor's two labels)",
      })
      .option("lower-is-better", {
        type: "boolean",
        describe: "smaller values are better (default: the catalogue's)",
      })
      .option("higher-is-better", {
        type: "boolean",
        describe: "larger values are better (default: the catalogue's)",
      })
      .option("bins", {
        type: "number",
        default: 5,
        describe: "equal-count bins of the factor for the shape check",
      })
      .option("bootstrap", { type: "number", default: DEFAULT_BOOTSTRAP, describe: "bootstrap resamples" })
      .option("seed", { type: "number", default: DEFAULT_BOOTSTRAP_SEED, describe: "bootstrap seed" })
      .option("json", { type: "boolean", default: false, describe: "print the report as JSON" }),
  run: async (a: FlipArgs, print) => (await import("./command.js")).flipCommand(a, print),
};
