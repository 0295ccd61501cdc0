/** `pamir map`: its name, help and options; the work is loaded only when it runs. */

import type { CommandSpec } from "../command-spec.js";
import type { MapArgs } from "./command.js";
import { MAP_METRICS } from "./metrics.js";

/** The `map` command. */
export const command: CommandSpec = {
  command: "map <file>",
  describe: "Draw a map file, or the map or world a scenario runs on, as SVG",
  builder: (c) =>
    c
      .positional("file", {
        type: "string",
        demandOption: true,
        describe: "map JSON, or a scenario (its map file, its world, or its ASCII map)",
      })
      .option("svg", { type: "string", demandOption: true, describe: "SVG file to write" })
      .option("metric", {
        type: "string",
        describe: `colour provinces by ${MAP_METRICS.join(" | ")}, or a --values key`,
      })
      .option("values", {
        type: "string",
        describe: "JSON of province values: { ISO: number } or { metric: { ISO: number } }",
      }),
  run: async (a: MapArgs, print) => (await import("./command.js")).mapCommand(a, print),
};
