/** `pamir calibrate`: its name, help and options; the work is loaded only when it runs. */
import type { CommandSpec } from "../command-spec.js";
import type { CalibrateArgs } from "./command.js";

/** The `calibrate` command. */
export const command: CommandSpec = {
  command: "calibrate <calibration>",
  describe: "Fit a scenario's free parameters to observed targets (ABC-SMC) into a resumable results folder",
  builder: (c) =>
    c
      .positional("calibration", { type: "string", demandOption: true, describe: "calibration YAML file" })
      .option("workers", {
        type: "number",
        describe: "worker threads (default: the file's, else available cores)",
      })
      .option("out", {
        type: "string",
        describe: "results folder (default: results/<calibration name slug>)",
      })
      .option("resume", {
        type: "boolean",
        describe: "resume the calibration in the results folder (error if none)",
      })
      .option("force", { type: "boolean", describe: "discard the results in the folder and start over" })
      .option("quiet", { type: "boolean", default: false, describe: "no progress output" })
      .option("apply", {
        type: "boolean",
        describe: "when finished, write the fitted values into the scenarios under applyTo: in the file",
      })
      .conflicts("resume", "force")
      .check((a) => {
        const w = a.workers;
        if (w !== undefined && !(Number.isInteger(w) && w >= 1))
          throw new Error("--workers must be an integer ≥ 1");
        return true;
      }),
  run: async (a: CalibrateArgs, print) => (await import("./command.js")).calibrateCommand(a, print),
};
