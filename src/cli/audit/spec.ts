/** `pamir audit`: its name, help and options; the work is loaded only when it runs. */
import type { CommandSpec } from "../command-spec.js";
import type { AuditArgs } from "./command.js";

/** The `audit` command. */
export const command: CommandSpec = {
  command: "audit <scenario>",
  describe: "Run the scenario at both values of every switch its model declares and show what each one moves",
  builder: (c) =>
    c
      .positional("scenario", { type: "string", demandOption: true, describe: "scenario YAML file" })
      .option("seeds", { type: "number", default: 20, describe: "seeds per arm (the same in every arm)" })
      .option("ticks", { type: "number", describe: "ticks per run (overrides the scenario's)" })
      .option("workers", { type: "number", describe: "worker threads (default: available cores)" })
      .option("out", {
        type: "string",
        describe: "folder for audit.json and audit.csv (default: results/audit-<scenario>)",
      })
      .option("json", {
        type: "boolean",
        default: false,
        describe: "print audit.json instead of the table",
      })
      .option("strict", {
        type: "boolean",
        default: false,
        describe: "exit 3 if a switch moves no outcome beyond its 95 % interval",
      })
      .check((a) => {
        if (!(Number.isInteger(a.seeds) && a.seeds >= 2 && a.seeds <= 100_000))
          throw new Error("--seeds must be an integer from 2 to 100000 (an interval needs two pairs)");
        if (a.ticks !== undefined && !(Number.isInteger(a.ticks) && a.ticks >= 1))
          throw new Error("--ticks must be an integer ≥ 1");
        if (a.workers !== undefined && !(Number.isInteger(a.workers) && a.workers >= 1))
          throw new Error("--workers must be an integer ≥ 1");
        return true;
      }),
  run: async (a: AuditArgs, print) => (await import("./command.js")).auditCommand(a, print),
};
