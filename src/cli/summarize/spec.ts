/** `pamir summarize`: its name, help and options; the work is loaded only when it runs. */
import type { CommandSpec } from "../command-spec.js";

/** The `summarize` command. */
export const command: CommandSpec = {
  command: "summarize <results-dir>",
  describe: "Recompute summary.json and summary.csv of a study from its runs.ndjson",
  builder: (c) =>
    c.positional("results-dir", {
      type: "string",
      demandOption: true,
      describe: "a study's results directory (holds runs.ndjson)",
    }),
  run: async (a: { resultsDir: string }, print) =>
    (await import("./command.js")).summarizeCommand(a.resultsDir, print),
};
