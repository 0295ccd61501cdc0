/**
 * The coordinator's side of jobs: what a batch's job carries, and turning a finished job back
 * into rows. The coordinator trusts its own plan, not Redis: a job's runs are rebuilt from plan
 * indexes (task ids, seeds and point values come from the plan), a reply must answer them one
 * for one, and a job that failed for good — its worker refused it, it stalled more times than
 * allowed, its pool crashed, or it came back malformed — has its runs recorded as failed with the
 * reason, so the study finishes and the failure is data, never retried forever.
 */
import type { Job } from "bullmq";
import { messagesOf, problem } from "../core/problems.js";
import type { StudySession } from "../study/results/session.js";
import type { RunTask } from "../study/run/batch.js";
import type { RunRecord } from "../study/run/rows.js";
import { batchOfJobId } from "./names.js";
import { JOB_FORMAT, type JobData, parseJob, parseReply } from "./payload.js";

/** Plan indexes of batch `batch` at `batchRuns` runs per batch. */
export function batchRange(batch: number, batchRuns: number, planned: number): [number, number] {
  return [batch * batchRuns, Math.min((batch + 1) * batchRuns, planned)];
}

/** The job of batch `batch` (its runs not done yet), or undefined when all are done. */
export function batchJob(
  s: StudySession,
  hash: string,
  batch: number,
  batchRuns: number,
): JobData | undefined {
  const tasks = s.tasksIn(...batchRange(batch, batchRuns, s.planned));
  return tasks.length > 0 ? { format: JOB_FORMAT, study: hash, batch, tasks } : undefined;
}

/** What one collected job added. */
export interface Collected {
  runs: number;
  busyMs: number;
  /** Worker-side time of the job not spent in runs (validation, pool dispatch), ms; NaN if unknown. */
  overheadMs: number;
  /** Set when the job's runs were recorded as failed. */
  failedReason?: string | undefined;
}

/** Record finished job `job` of study `hash` into `s`; `state` is where the coordinator found it. */
export function collectJob(
  s: StudySession,
  hash: string,
  batchRuns: number,
  job: Job,
  state: "completed" | "failed",
): Collected {
  const data = parseJob(job.data, hash);
  const fromData = data.ok && data.value.tasks.every((t) => t.index < s.planned);
  let tasks: RunTask[];
  if (fromData) tasks = data.value.tasks.map((t) => s.task(t.index));
  else {
    const k = batchOfJobId(hash, job.id);
    if (k < 0) return { runs: 0, busyMs: 0, overheadMs: Number.NaN };
    const [from, to] = batchRange(k, batchRuns, s.planned);
    tasks = Array.from({ length: Math.max(0, to - from) }, (_, i) => s.task(from + i));
  }
  let reason: string;
  if (state === "completed") {
    const reply = parseReply(job.returnvalue, tasks);
    if (reply.ok) {
      const got = s.receive(tasks, reply.value);
      const spent = (job.finishedOn ?? Number.NaN) - (job.processedOn ?? Number.NaN);
      const busy = reply.value.reduce((sum, r) => sum + r.durationMs, 0);
      return { ...got, overheadMs: spent - busy };
    }
    reason = `worker ${job.processedBy ?? "(unnamed)"} sent an invalid reply: ${messagesOf(reply)}`;
  } else {
    const tries = job.attemptsMade > 1 ? ` (after ${job.attemptsMade} attempts)` : "";
    reason = `${job.failedReason || "the job failed"}${tries}`;
  }
  const left = tasks.filter((t) => !s.done[t.index]);
  const records = left.map(
    (t): RunRecord => ({
      index: t.index,
      status: "failed",
      problems: [problem("queue", "", reason, { reason: "batch" })],
      durationMs: 0,
      ticks: 0,
      outcomes: {},
    }),
  );
  return { ...s.receive(left, records), overheadMs: Number.NaN, failedReason: reason };
}
