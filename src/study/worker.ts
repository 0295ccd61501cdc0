/**
 * The piscina worker of `pamir study` (compiled to dist/src/study/worker.js): the study context
 * arrives once as workerData, then each task is a batch of runs and its reply their records.
 */
import { workerData } from "node:worker_threads";
import { type BatchContext, type BatchReply, type RunTask, runBatch } from "./batch.js";

const context = workerData as BatchContext;

/** Run one batch; an empty batch is a ping (the runner times it to size batches). */
export default function runTasks(tasks: RunTask[]): BatchReply {
  return runBatch(context, tasks);
}
