/**
 * The piscina worker of `pamir study` and `pamir worker` (compiled to dist/src/study/worker.js).
 * A local study's pool gets its context once as workerData and each task is a batch of runs; a
 * queue worker's pool serves any study that comes along, so each of its tasks carries the
 * context too (runBatch keeps a thread's caches while the study hash stays the same).
 */
import { workerData } from "node:worker_threads";
import { type BatchContext, type BatchReply, type RunTask, runBatch } from "./batch.js";

/** A batch that names its own study context (the queue worker's tasks). */
export interface ContextBatch {
  context: BatchContext;
  tasks: RunTask[];
}

const fixed = workerData as BatchContext | undefined;

/** Run one batch; an empty batch is a ping (the runner times it to size batches). */
export default function runTasks(input: RunTask[] | ContextBatch): BatchReply {
  if (!Array.isArray(input)) return runBatch(input.context, input.tasks);
  if (!fixed) throw new Error("this pool has no study context: send { context, tasks }");
  return runBatch(fixed, input);
}
