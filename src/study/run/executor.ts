/**
 * Where batches run: a piscina pool of worker threads (what `pamir study` uses, for any number
 * of workers, so 1 and N workers share one code path), or inline on the calling thread (unit
 * tests, which run from TypeScript sources and have no compiled worker file).
 */
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import {
  type BatchContext,
  type BatchReply,
  loadFromText,
  type RunTask,
  runBatch,
  type ScenarioLoader,
} from "./batch.js";

/** Runs batches and reports how long each took end to end. */
export interface Executor {
  /** Worker threads (1 inline). */
  readonly workers: number;
  /** Run a batch; resolves with its records. Rejects only if the executor itself broke. */
  run(tasks: RunTask[]): Promise<BatchReply>;
  /** Let running batches finish, then stop. */
  close(): Promise<void>;
  /** Stop now, dropping running batches. */
  destroy(): Promise<void>;
}

/** The compiled worker next to this module (dist/src/study/worker.js once built). */
export const DEFAULT_WORKER_FILE = new URL("./worker.js", import.meta.url);

/** Default worker count: the cores Node reports as available. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * A piscina pool of `workers` threads of `file`: with a `context`, each thread gets it once and
 * tasks are bare batches; without one (a queue worker serving any study), tasks name their context.
 */
export function studyPool(workers: number, context?: BatchContext, file: URL = DEFAULT_WORKER_FILE): Piscina {
  return new Piscina({
    filename: file.href,
    minThreads: workers,
    maxThreads: workers,
    workerData: context,
    // Workers stay up for the whole study; the pool is closed explicitly at the end.
    idleTimeout: Number.POSITIVE_INFINITY,
    // Batches are sized by the runner, so piscina's own queue only ever holds a few.
    maxQueue: "auto",
  });
}

/** A pool of `workers` threads, each getting `context` once. */
export function poolExecutor(
  context: BatchContext,
  workers: number,
  file: URL = DEFAULT_WORKER_FILE,
): Executor {
  const pool = studyPool(workers, context, file);
  return {
    workers,
    run: (tasks) => pool.run(tasks) as Promise<BatchReply>,
    close: () => pool.close(),
    destroy: () => pool.destroy(),
  };
}

/** Batches run on this thread, one at a time, yielding to the event loop between them. */
export function inlineExecutor(context: BatchContext, load: ScenarioLoader = loadFromText): Executor {
  return {
    workers: 1,
    run: (tasks) =>
      new Promise((resolve, reject) => {
        setImmediate(() => {
          try {
            resolve(runBatch(context, tasks, load));
          } catch (err) {
            reject(err);
          }
        });
      }),
    close: async () => {},
    destroy: async () => {},
  };
}
