/**
 * The coordinator's side of jobs: what a batch's job carries, and turning a finished job back
 * into rows. The coordinator trusts its own plan, not Redis: a job counts only under one of its
 * batch ids and with the plan's own tasks (ids, seeds, point values); a reply must answer them one
 * for one and pass the reply checks (reply.ts) before anything is written. A refused reply, or a
 * job whose data is not the plan's, is not recorded: the batch is queued again (a bounded number
 * of times, then its runs are recorded as failed with the reason). A job that failed for good —
 * its worker refused it, it stalled more times than allowed, its pool crashed — has its runs
 * recorded as failed with the reason, so the study finishes and the failure is data.
 */
import type { Job } from "bullmq";
import { messagesOf, problem } from "../core/problems.js";
import type { StudySession } from "../study/results/session.js";
import type { RunTask } from "../study/run/batch.js";
import type { RunRecord } from "../study/run/rows.js";
import { batchOfJobId, jobId } from "./names.js";
import { JOB_FORMAT, type JobData, parseJob, parseReply } from "./payload.js";
import { replyChecker } from "./reply.js";
import { signatureProblem, signDoc } from "./sign.js";

/** Plan indexes of batch `batch` at `batchRuns` runs per batch. */
export function batchRange(batch: number, batchRuns: number, planned: number): [number, number] {
  return [batch * batchRuns, Math.min((batch + 1) * batchRuns, planned)];
}

/** The job of batch `batch` (its runs not done yet; signed when there is a `key`), or undefined when all are done. */
export function batchJob(
  s: StudySession,
  hash: string,
  batch: number,
  batchRuns: number,
  key?: string | undefined,
): JobData | undefined {
  const tasks = s.tasksIn(...batchRange(batch, batchRuns, s.planned));
  const data: JobData = { format: JOB_FORMAT, study: hash, batch, tasks };
  return tasks.length > 0 ? signDoc(key, "job", jobId(hash, batch), data) : undefined;
}

/** What one collected job added. */
export interface Collected {
  runs: number;
  busyMs: number;
  /** Worker-side time of the job not spent in runs (validation, pool dispatch), ms; NaN if unknown. */
  overheadMs: number;
  /** Set when the job's runs were recorded as failed. */
  failedReason?: string | undefined;
  /** Set when nothing was recorded and the batch must be queued again: why the job or reply was refused. */
  refused?: string | undefined;
  /** Set when the job is no batch of this study at all (nothing recorded, nothing to queue again). */
  ignored?: string | undefined;
}

/** How to collect: the reply check, and whether a refusal may still queue the batch again. */
export interface CollectOptions {
  check?: ReturnType<typeof replyChecker> | undefined;
  /** False once a batch was refused too often: its runs are then recorded as failed. */
  mayRefuse?: boolean | undefined;
  /** The shared key: jobs and replies must be signed with it. */
  key?: string | undefined;
}

/** Whether task `t` from Redis is exactly the plan's task `p` (same id, scenario, point, seed, values). */
const sameTask = (t: RunTask, p: RunTask) =>
  t.id === p.id &&
  t.scenario === p.scenario &&
  t.point === p.point &&
  t.seed === p.seed &&
  JSON.stringify(t.values) === JSON.stringify(p.values);

/** Record finished job `job` of study `hash` into `s`; `state` is where the coordinator found it. */
export function collectJob(
  s: StudySession,
  hash: string,
  batchRuns: number,
  job: Job,
  state: "completed" | "failed",
  opts: CollectOptions = {},
): Collected {
  const none = { runs: 0, busyMs: 0, overheadMs: Number.NaN };
  const k = batchOfJobId(hash, job.id);
  if (k < 0) return { ...none, ignored: `job ${job.id} is not a batch of this study` };
  const [from, to] = batchRange(k, batchRuns, s.planned);
  const data = parseJob(job.data, hash);
  const unsigned = signatureProblem(opts.key, "job", jobId(hash, k), job.data);
  const planned =
    unsigned === undefined &&
    data.ok &&
    data.value.batch === k &&
    data.value.tasks.every((t) => t.index >= from && t.index < to && sameTask(t, s.task(t.index)));
  const tasks: RunTask[] = planned
    ? data.value.tasks.map((t) => s.task(t.index))
    : Array.from({ length: Math.max(0, to - from) }, (_, i) => s.task(from + i));
  const who = `worker ${job.processedBy ?? "(unnamed)"}`;
  let reason: string;
  let refusal = true;
  if (!planned)
    reason = `the job's data is not the plan's batch ${k} (${unsigned ?? (data.ok ? "other tasks" : messagesOf(data))})`;
  else if (state === "completed") {
    const reply = parseReply(job.returnvalue, tasks);
    const why = !reply.ok
      ? messagesOf(reply)
      : (signatureProblem(opts.key, "reply", jobId(hash, k), job.returnvalue) ??
        (opts.check ?? replyChecker(s.context))(reply.value, tasks));
    if (reply.ok && why === undefined) {
      const got = s.receive(tasks, reply.value);
      const spent = (job.finishedOn ?? Number.NaN) - (job.processedOn ?? Number.NaN);
      const busy = reply.value.reduce((sum, r) => sum + r.durationMs, 0);
      return { ...got, overheadMs: spent - busy };
    }
    reason = `${who} sent an invalid reply: ${why}`;
  } else {
    const tries = job.attemptsMade > 1 ? ` (after ${job.attemptsMade} attempts)` : "";
    reason = `${job.failedReason || "the job failed"}${tries}`;
    refusal = false;
  }
  if (refusal && opts.mayRefuse !== false) return { ...none, refused: reason };
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
