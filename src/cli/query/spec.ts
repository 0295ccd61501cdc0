/** `pamir query`: its name, help and options; the work (and DuckDB) is loaded only when it runs. */
import type { CommandSpec } from "../command-spec.js";

/** Output formats of `pamir query` (kept here so the spec loads nothing heavy). */
const FORMATS = ["table", "csv", "json"] as const;

/** The `query` command. */
export const command: CommandSpec = {
  command: "query <results-dir> <sql>",
  describe: "Run SQL (DuckDB) over a study's tables: views runs, outcomes and series",
  builder: (c) =>
    c
      .positional("results-dir", {
        type: "string",
        demandOption: true,
        describe: "a study's results folder",
      })
      .positional("sql", {
        type: "string",
        demandOption: true,
        describe: 'e.g. "SELECT scenario, avg(happy_share) FROM runs GROUP BY 1"',
      })
      .option("format", {
        choices: FORMATS,
        default: "table" as const,
        describe: "output: aligned table, CSV or JSON lines",
      }),
  run: async (a: { resultsDir: string; sql: string; format: (typeof FORMATS)[number] }, print) =>
    (await import("./command.js")).queryCommand(a.resultsDir, a.sql, a.format, print),
};
