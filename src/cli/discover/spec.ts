/** `pamir discover`: its name, help and options; the work is loaded only when it runs. */
import type { CommandSpec } from "../command-spec.js";
import type { DiscoverArgs } from "./command.js";

/** The `discover` command. */
export const command: CommandSpec = {
  command: "discover <results-dir>",
  describe:
    "Scenario discovery: the box of range-factor values where a condition on the outcomes holds (PRIM)",
  builder: (c) =>
    c
      .positional("results-dir", {
        type: "string",
        demandOption: true,
        describe: "a study's results directory",
      })
      .option("where", {
        type: "string",
        demandOption: true,
        describe:
          'condition on outcomes, e.g. "delivered_kg < 500", "x[posture=drill] < x[posture=route]" or "regret(x, posture=drill) < 2" (docs/methods.md)',
      })
      .option("peel", {
        type: "number",
        default: 0.05,
        describe: "share of the box's cases one peel removes",
      })
      .option("paste", {
        type: "number",
        default: 0.05,
        describe: "share of the cases beyond a limit one paste adds",
      })
      .option("min-support", {
        type: "number",
        default: 0.05,
        describe: "smallest box mass (share of all cases)",
      })
      .option("box", { type: "number", describe: "report this step of the trajectory as the box" })
      .option("json", { type: "boolean", default: false, describe: "print the report as JSON" }),
  run: async (a: DiscoverArgs, print) => (await import("./command.js")).discoverCommand(a, print),
};
