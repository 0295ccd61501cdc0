/** `pamir study`: its name, help and options; the work is loaded only when it runs. */
import { MAX_JOB_RUNS } from "../../queue/limits.js";
import type { CommandSpec } from "../command-spec.js";
import { queueOptions } from "../queue-options.js";
import type { StudyArgs } from "./command.js";

/** The `study` command. */
export const command: CommandSpec = {
  command: "study <study>",
  describe:
    "Run a parameter study (factors × replicates) in worker threads, or over a Redis queue, into a results folder",
  builder: (c) =>
    queueOptions(c, false)
      .positional("study", { type: "string", demandOption: true, describe: "study YAML file" })
      .option("workers", { type: "number", describe: "worker threads (default: available cores)" })
      .option("out", { type: "string", describe: "results folder (default: results/<study name slug>)" })
      .option("resume", {
        type: "boolean",
        describe: "resume the study in the results folder (error if none)",
      })
      .option("force", {
        type: "boolean",
        describe:
          "discard the results of the study in the folder (only the files its manifest records) and start over",
      })
      .option("rebuild-manifest", {
        type: "boolean",
        describe:
          "resume where manifest.json is damaged or missing: rebuild it from the study file, keeping runs.ndjson if all its rows are this study's",
      })
      .option("quiet", { type: "boolean", default: false, describe: "no progress output" })
      .option("batch-runs", {
        type: "number",
        describe:
          "with --queue: runs per queued batch when the study is first queued (default: measured, ~2 s of work)",
      })
      .conflicts("resume", "force")
      .conflicts("rebuild-manifest", "force")
      .conflicts("queue", "workers")
      .check((a) => {
        const w = a.workers;
        if (w !== undefined && !(Number.isInteger(w) && w >= 1))
          throw new Error("--workers must be an integer ≥ 1");
        const b = a["batch-runs"] as number | undefined;
        if (b !== undefined && !(Number.isInteger(b) && b >= 1 && b <= MAX_JOB_RUNS))
          throw new Error(`--batch-runs must be an integer from 1 to ${MAX_JOB_RUNS}`);
        if (b !== undefined && a.queue === undefined) throw new Error("--batch-runs needs --queue");
        return true;
      }),
  run: async (a: StudyArgs, print) => (await import("./command.js")).studyCommand(a, print),
};
