/**
 * Running a loaded study locally: open a session on the results folder (see study/results/session.ts), send
 * the runs not yet done to the executor in measured batches, hand every reply to the session
 * (which appends the rows as they arrive), and finish the session at the end. A stop request
 * ends dispatching and waits for the batches in flight; a drop request abandons them.
 */

import type { LoadedStudy } from "../load.js";
import type { OpenMode } from "../results/folder.js";
import {
  openSession,
  type RunStudyResult,
  type StudyProgress,
  type StudySession,
  type Summarize,
} from "../results/session.js";
import type { BatchContext, RunTask } from "./batch.js";
import { BatchSizer } from "./batching.js";
import { type Executor, poolExecutor } from "./executor.js";

export type { RunStudyResult, StudyProgress } from "../results/session.js";

/** How to run a study. */
export interface RunStudyOptions {
  /** Results folder. */
  out: string;
  /** Worker threads. */
  workers: number;
  /** Fresh/resume (auto), resume only, or start over. */
  mode: OpenMode;
  /** pamir version for the manifest. */
  version: string;
  /** The command line (arguments after `pamir`), for the manifest. */
  command?: string[] | undefined;
  /** Executor factory (default: a piscina pool of the compiled worker). */
  executor?: ((ctx: BatchContext, workers: number) => Executor) | undefined;
  /** Called after every batch. */
  onProgress?: ((p: StudyProgress) => void) | undefined;
  /** Stop dispatching; batches in flight finish and are kept. */
  stop?: AbortSignal | undefined;
  /** Abandon batches in flight (after `stop`, for a second Ctrl-C). */
  drop?: AbortSignal | undefined;
  /** Writes summary.json/summary.csv from the finished folder (default: the stats module's writeSummary). */
  summarize?: Summarize | undefined;
}

/** Run `study` into `opts.out`. */
export async function runStudy(study: LoadedStudy, opts: RunStudyOptions): Promise<RunStudyResult> {
  const open = openSession(study, opts);
  if (!open.ok) return open;
  const s = open.session;
  const exec = (opts.executor ?? poolExecutor)(s.context, opts.workers);
  const d = dispatcher(s, exec, opts);

  let destroyed = false;
  const destroy = async () => {
    if (destroyed) return;
    destroyed = true;
    await exec.destroy();
  };
  const onDrop = () => void destroy();
  opts.drop?.addEventListener("abort", onDrop, { once: true });
  let lastBatch = 1;
  try {
    await warmUp(d, exec);
    lastBatch = await steadyState(d, exec, opts.drop);
  } finally {
    opts.drop?.removeEventListener("abort", onDrop);
    s.close();
    if (opts.drop?.aborted === true) await destroy();
    else await exec.close();
  }

  return s.finish(
    {
      workers: exec.workers,
      batchRuns: lastBatch,
      overheadMs: Math.round(d.sizer.overheadMs * 1000) / 1000,
      runMs: Math.round(d.sizer.runMs * 1000) / 1000 || 0,
    },
    d.failure(),
  );
}

/** Hands out the runs not done yet, in plan order, and sends batches of them to the executor. */
export interface Dispatcher {
  /** Measures run time and dispatch overhead; sizes the batches. */
  sizer: BatchSizer;
  /** Runs not handed out yet. */
  remaining(): number;
  /** The next `n` runs not done yet (fewer at the end). */
  take(n: number): RunTask[];
  /** Run a batch and record its reply (unless dropped); an executor failure stops the study. */
  send(tasks: RunTask[]): Promise<void>;
  /** Whether dispatching should stop: a stop or drop request, or an executor failure. */
  stopped(): boolean;
  /** The executor's failure, if any. */
  failure(): string | undefined;
}

function dispatcher(s: StudySession, exec: Executor, opts: RunStudyOptions): Dispatcher {
  const sizer = new BatchSizer(exec.workers);
  let cursor = 0;
  let remaining = s.planned - s.resumed;
  let failure: string | undefined;
  return {
    sizer,
    remaining: () => remaining,
    take(n) {
      const tasks: RunTask[] = [];
      while (tasks.length < n && cursor < s.planned) {
        const i = cursor++;
        if (!s.done[i]) tasks.push(s.task(i));
      }
      remaining -= tasks.length;
      return tasks;
    },
    async send(tasks) {
      try {
        const reply = await exec.run(tasks);
        if (opts.drop?.aborted !== true) {
          const got = s.receive(tasks, reply.records);
          sizer.observe(got.runs, got.busyMs);
        }
      } catch (err) {
        if (opts.drop?.aborted !== true) failure ??= err instanceof Error ? err.message : String(err);
      }
    },
    stopped: () => opts.stop?.aborted === true || opts.drop?.aborted === true || failure !== undefined,
    failure: () => failure,
  };
}

/** Warm-up: one run per worker measures run time; empty batches then measure dispatch overhead. */
export async function warmUp(d: Dispatcher, exec: Executor): Promise<void> {
  const firsts = Array.from({ length: exec.workers }, () => d.take(1)).filter((t) => t.length > 0);
  await Promise.all(firsts.map((t) => d.send(t)));
  const pings: number[] = [];
  for (let k = 0; k < 5 && d.remaining() > 0 && !d.stopped(); k++) {
    const p0 = performance.now();
    await exec.run([]);
    pings.push(performance.now() - p0);
  }
  d.sizer.overheadMs = pings.length > 0 ? pings.sort((a, b) => a - b)[pings.length >> 1]! : 0;
}

/**
 * Steady state: two batches per worker in flight, so no worker waits for the main thread, until
 * every run is handed out and back or dispatching stops; returns the largest batch sent.
 */
export async function steadyState(
  d: Dispatcher,
  exec: Executor,
  drop: AbortSignal | undefined,
): Promise<number> {
  let lastBatch = 1;
  const dropped = aborted(drop);
  const inFlight = new Set<Promise<void>>();
  while (!d.stopped() && (d.remaining() > 0 || inFlight.size > 0)) {
    while (!d.stopped() && d.remaining() > 0 && inFlight.size < 2 * exec.workers) {
      const tasks = d.take(d.sizer.next(d.remaining()));
      lastBatch = Math.max(lastBatch, tasks.length);
      const p: Promise<void> = d.send(tasks).finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    if (inFlight.size > 0) await Promise.race([...inFlight, dropped]);
  }
  if (drop?.aborted !== true) await Promise.all(inFlight);
  return lastBatch;
}

/** A promise that resolves when `signal` aborts (never, without one). */
function aborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });
}
