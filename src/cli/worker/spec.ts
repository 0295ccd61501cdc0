/** `pamir worker`: its name, help and options; the work is loaded only when it runs. */

import type { CommandSpec } from "../command-spec.js";
import { queueOptions } from "../queue-options.js";
import type { WorkerArgs } from "./command.js";

/** The `worker` command. */
export const command: CommandSpec = {
  command: "worker",
  describe: "Run the batches of studies queued on Redis (pamir study --queue) on this machine",
  builder: (c) =>
    queueOptions(c, true)
      .option("workers", { type: "number", describe: "worker threads (default: available cores)" })
      .option("stall-timeout", {
        type: "number",
        default: 30,
        describe: "seconds after which a batch whose worker went silent is re-queued",
      })
      .option("verbose", { type: "boolean", describe: "a line per batch started and done" })
      .option("insecure", {
        type: "boolean",
        describe:
          "serve a Redis that needs no password even off loopback (anyone reaching it chooses the work)",
      })
      .check((a) => {
        const w = a.workers;
        if (w !== undefined && !(Number.isInteger(w) && w >= 1))
          throw new Error("--workers must be an integer ≥ 1");
        if (!((a["stall-timeout"] as number) > 0)) throw new Error("--stall-timeout must be > 0 seconds");
        return true;
      }),
  run: async (a: WorkerArgs, print) => (await import("./command.js")).workerCommand(a, print),
};
