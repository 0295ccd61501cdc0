/** `pamir report`: its name, help and options; the work is loaded only when it runs. */
import type { CommandSpec } from "../command-spec.js";
import type { ReportArgs } from "./command.js";

/** The `report` command. */
export const command: CommandSpec = {
  command: "report <results-dir>",
  describe: "Write a study's report: one self-contained HTML page with tables, maps and charts",
  builder: (c) =>
    c
      .positional("results-dir", {
        type: "string",
        demandOption: true,
        describe: "a study's results directory",
      })
      .option("out", { type: "string", describe: "output file (default <results-dir>/report.html)" })
      .option("by", {
        type: "string",
        describe: "factor whose arms are compared (default posture, else the last factor)",
      })
      .option("within", {
        type: "string",
        describe: "factor to compare within (default motive, else the first other factor)",
      })
      .option("outcome", {
        type: "string",
        describe: "outcome of the regret table (default violent_events, else delivered_kg, …)",
      })
      .option("lower-is-better", { type: "boolean", describe: "the --outcome is better when smaller" })
      .option("higher-is-better", { type: "boolean", describe: "the --outcome is better when larger" }),
  run: async (a: ReportArgs, print) => (await import("./command.js")).reportCommand(a, print),
};
