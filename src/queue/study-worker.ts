/**
 * A worker process's hold on one study: the checks before joining (the meta's format and pamir
 * version), and the BullMQ worker that takes the study's batch jobs, validates each payload and
 * runs it on the process's piscina pool. The pool's threads do the runs, so this thread stays
 * free to renew job locks; a process that dies leaves its locks to expire, and another worker's
 * stalled check puts the job back on the queue (after `maxStalled` such stalls it fails, and the
 * coordinator records its runs as failed).
 */
import { hostname } from "node:os";
import { type Job, UnrecoverableError, Worker } from "bullmq";
import { messagesOf } from "../core/problems.js";
import type { BatchContext, BatchReply, RunTask } from "../study/run/batch.js";
import type { ContextBatch } from "../study/run/worker.js";
import { bullConnection } from "./connect.js";
import { KEY_PREFIX, queueName } from "./names.js";
import { JOB_FORMAT, parseJob, type StudyMeta } from "./payload.js";
import { signatureProblem, signDoc } from "./sign.js";
import type { RedisTarget } from "./target.js";

/** Times a batch may stall (its worker died) and go back on the queue before it fails. */
export const MAX_STALLED = 2;

/** This worker process's name in BullMQ and in messages: host and pid. */
export function workerName(): string {
  return `${hostname()}:${process.pid}`;
}

/** Why this worker will not serve study `meta`, or undefined when it will. */
export function refusal(meta: StudyMeta, version: string): string | undefined {
  if (meta.pamir !== version)
    return (
      `study ${JSON.stringify(meta.name)} (${meta.hash.slice(0, 12)}) was queued by pamir ${meta.pamir}, this worker is pamir ${version}: ` +
      "not joining (run the same pamir version on the coordinator and every worker)"
    );
  return undefined;
}

/** Why tasks do not fit the study's context (a scenario it has not, values not one per factor path), or undefined. */
function taskProblem(tasks: readonly RunTask[], context: BatchContext): string | undefined {
  const k = tasks.findIndex(
    (t) => t.scenario >= context.scenarios.length || t.values.length !== context.paths.length,
  );
  return k < 0
    ? undefined
    : `job task ${k} does not fit the study (${context.scenarios.length} scenario(s), ${context.paths.length} factor path(s))`;
}

/**
 * The job processor of study `hash`: check the payload (and its signature under `key`), run its
 * tasks with `run`, reply in pamir's format (signed under `key`).
 */
export function batchProcessor(
  hash: string,
  context: BatchContext,
  run: (batch: ContextBatch) => Promise<BatchReply>,
  log: (line: string) => void,
  key?: string | undefined,
): (
  job: Pick<Job, "id" | "data">,
) => Promise<{ format: typeof JOB_FORMAT; records: BatchReply["records"]; mac?: string }> {
  return async (job) => {
    const parsed = parseJob(job.data, hash);
    const why = parsed.ok
      ? (signatureProblem(key, "job", String(job.id), job.data) ?? taskProblem(parsed.value.tasks, context))
      : messagesOf(parsed);
    if (!parsed.ok || why !== undefined) {
      log(`refused job ${job.id}: ${why}`);
      // Unrecoverable: the same payload would be refused by every worker, so no retries.
      throw new UnrecoverableError(why);
    }
    const reply = await run({ context, tasks: parsed.value.tasks });
    return signDoc(key, "reply", String(job.id), { format: JOB_FORMAT, records: reply.records });
  };
}

/** How a study's BullMQ worker runs. */
export interface StudyWorkerOptions {
  target: RedisTarget;
  /** Batches taken at once (the pool queues those beyond its threads). */
  concurrency: number;
  /** A batch whose worker stopped renewing its lock this long ago counts as stalled, ms. */
  stallMs: number;
  /** Per-batch log lines. */
  verbose: boolean;
  log: (line: string) => void;
}

/** Start taking study `meta`'s batches; `run` does a batch on the pool. */
export function startStudyWorker(
  meta: StudyMeta,
  context: BatchContext,
  run: (batch: ContextBatch) => Promise<BatchReply>,
  o: StudyWorkerOptions,
): Worker {
  // Quoted and escaped: the name comes from Redis and goes into log lines.
  const tag = JSON.stringify(meta.name);
  const w = new Worker(queueName(meta.hash), batchProcessor(meta.hash, context, run, o.log, o.target.key), {
    connection: bullConnection(o.target),
    prefix: KEY_PREFIX,
    name: workerName(),
    concurrency: o.concurrency,
    lockDuration: o.stallMs,
    stalledInterval: o.stallMs,
    maxStalledCount: MAX_STALLED,
  });
  const runs = (job: Job) => (Array.isArray(job.data?.tasks) ? job.data.tasks.length : 0);
  if (o.verbose) {
    w.on("active", (job) => o.log(`${tag} batch ${job.data?.batch}: started (${runs(job)} runs)`));
    w.on("completed", (job) => o.log(`${tag} batch ${job.data?.batch}: done`));
  }
  w.on("stalled", (id) => o.log(`${tag} job ${id} stalled (its worker stopped): back on the queue`));
  w.on("failed", (job, err) => {
    if (job) o.log(`${tag} batch ${job.data?.batch} failed: ${err.message}`);
  });
  let lastError = "";
  w.on("error", (err) => {
    // A lost connection repeats the same error until Redis is back: say it once.
    if (err.message !== lastError) o.log(`${tag}: ${err.message}`);
    lastError = err.message;
  });
  return w;
}
