/** `pamir sensitivity`: its name, help and options; the work is loaded only when it runs. */
import { DEFAULT_BOOTSTRAP, DEFAULT_BOOTSTRAP_SEED } from "../../stats/defaults.js";
import type { CommandSpec } from "../command-spec.js";
import type { SensitivityArgs } from "./command.js";

/** The `sensitivity` command. */
export const command: CommandSpec = {
  command: "sensitivity <results-dir>",
  describe:
    "Sobol indices (design: saltelli), Morris measures (design: morris) or PRCC (design: lhs or sobol) of a study's outcomes",
  builder: (c) =>
    c
      .positional("results-dir", {
        type: "string",
        demandOption: true,
        describe: "a study's results directory",
      })
      .option("outcome", { type: "string", array: true, describe: "outcome(s) to analyse; default all" })
      .option("bootstrap", {
        type: "number",
        default: DEFAULT_BOOTSTRAP,
        describe: "bootstrap resamples (0: none)",
      })
      .option("effect", {
        type: "string",
        describe:
          "value factor (e.g. posture): indices of the paired difference of its two arms, written to effect-sensitivity.json (needs one --outcome)",
      })
      .option("arms", {
        type: "string",
        describe: "with --effect: the two labels compared, A,B (A − B; default: the factor's two)",
      })
      .option("seed", { type: "number", default: DEFAULT_BOOTSTRAP_SEED, describe: "bootstrap seed" })
      .option("json", { type: "boolean", default: false, describe: "print the report as JSON" }),
  run: async (a: SensitivityArgs, print) =>
    a.effect === undefined
      ? (await import("./command.js")).sensitivityCommand(a, print)
      : (await import("./effect.js")).effectCommand(a, print),
};
