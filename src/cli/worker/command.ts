/**
 * `pamir worker --queue redis://…`: run the batches of every study queued on a Redis server on
 * this machine's cores until stopped. Ctrl-C or SIGTERM (what systemd and Kubernetes send)
 * finishes the batches in flight and exits 0; a second one drops them (their jobs stall and
 * are re-run by other workers) and exits 130.
 */
import { defaultWorkers } from "../../study/run/executor.js";
import { CliError, EXIT_INTERRUPTED } from "../errors.js";
import type { QueueArgs } from "../queue-options.js";
import { queueError, queueTarget } from "../queue-target.js";
import { stopSignals } from "../signals.js";
import { PAMIR_VERSION } from "../version.js";

export interface WorkerArgs extends QueueArgs {
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
    const { runWorkerHost } = await import("../../queue/worker-host.js");
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
