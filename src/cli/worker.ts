/**
 * `pamir worker --queue redis://…`: run the batches of every study queued on a Redis server on
 * this machine's cores until stopped. Ctrl-C or SIGTERM (what systemd and Kubernetes send)
 * finishes the batches in flight and exits 0; a second one drops them (their jobs stall and
 * are re-run by other workers) and exits 130.
 */
import type { Argv } from "yargs";
import { defaultWorkers } from "../study/run/executor.js";
import { CliError } from "./errors.js";
import { type QueueArgs, queueError, queueOptions, queueTarget } from "./queue-options.js";
import { stopSignals } from "./signals.js";
import { EXIT_INTERRUPTED } from "./study.js";
import { PAMIR_VERSION } from "./version.js";

interface WorkerArgs extends QueueArgs {
  queue: string;
  workers?: number | undefined;
  stallTimeout: number;
  verbose?: boolean | undefined;
  insecure?: boolean | undefined;
}

/** Execute `pamir worker`. */
export async function workerCommand(args: WorkerArgs, print: (s: string) => void): Promise<void> {
  const target = queueTarget(args);
  const { stop, drop, release } = stopSignals(() =>
    print("pamir worker: stopping; finishing the batches in flight (Ctrl-C again drops them)"),
  );
  try {
    const { runWorkerHost } = await import("../queue/worker-host.js");
    const r = await runWorkerHost({
      redis: target,
      threads: args.workers ?? defaultWorkers(),
      version: PAMIR_VERSION,
      stallMs: Math.round(args.stallTimeout * 1000),
      verbose: args.verbose,
      insecure: args.insecure,
      log: print,
      stop,
      drop,
    });
    if (!r.ok) throw queueError(r.problems);
    print(`pamir worker: stopped after ${r.batches} batch(es), ${r.runs} run(s)`);
    if (drop.aborted)
      throw new CliError("batches in flight dropped; they will be re-run elsewhere", EXIT_INTERRUPTED);
  } finally {
    release();
  }
}

/** Register `worker` on a yargs instance. */
export function registerWorker(y: Argv, print: (s: string) => void): Argv {
  return y.command(
    "worker",
    "Run the batches of studies queued on Redis (pamir study --queue) on this machine",
    (c) =>
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
    (a) => workerCommand(a as unknown as WorkerArgs, print),
  );
}
