/**
 * `pamir study --queue`: the coordinator of a distributed study. It opens the results folder
 * like a local study (same session: resume, refusal, rows appended as they arrive, the same
 * sorted files and summary at the end), publishes the study, keeps a window of batch jobs on
 * the queue and collects finished jobs into the folder. Redis holds the jobs and their results,
 * the folder holds what was collected, so the coordinator can be killed and started again at
 * any moment: finished jobs are collected on restart, batches not on disk are added again under
 * the same job ids (a no-op for those still queued), and a run is written once however many
 * times it came back. Events only wake the loop; what is collected is read from the queue.
 */
import { Queue, QueueEvents } from "bullmq";
import type { Redis } from "ioredis";
import type { LoadedStudy } from "../study/load.js";
import {
  openSession,
  type RunStudyResult,
  type SessionOptions,
  type StudySession,
} from "../study/results/session.js";
import { batchJob, collectJob } from "./collect.js";
import { bullConnection, checkRedis, connectRedis } from "./connect.js";
import { batchOfJobId, jobId, KEY_PREFIX, queueName } from "./names.js";
import { announce, decideBatchRuns, ensureMeta, refusals, retire } from "./publish.js";
import { replyChecker } from "./reply.js";
import type { RedisTarget } from "./target.js";

/** How to run a study over the queue. */
export interface QueueStudyOptions extends SessionOptions {
  redis: RedisTarget;
  /** Runs per batch when the study is first queued (default: measured). */
  batchRuns?: number | undefined;
  /** Stop collecting; queued batches stay queued and are collected by the next start. */
  stop?: AbortSignal | undefined;
  /** Longest wait between looks at the queue, ms (events usually wake the loop first). */
  pollMs?: number | undefined;
  /** Something the person running the study should know (e.g. no worker has joined yet). */
  onNotice?: ((message: string) => void) | undefined;
}

/** Runs kept queued ahead of the workers (in jobs: this over the batch size, within the bounds below). */
const WINDOW_RUNS = 20_000;
/** Seconds without progress and without workers before saying so. */
const LONELY_S = 10;

/** What the collected jobs add up to, for the manifest. */
interface Tally {
  workers: Set<string>;
  runs: number;
  busyMs: number;
  /** Jobs whose overhead is known, and its sum. */
  jobs: number;
  overheadMs: number;
  /** Batches whose job or reply was refused, and how often. */
  refusals: Map<number, number>;
}

/** Run `study` over the queue at `opts.redis` into `opts.out`. */
export async function runQueueStudy(study: LoadedStudy, opts: QueueStudyOptions): Promise<RunStudyResult> {
  const checked = await checkRedis(opts.redis);
  if (!checked.ok) return checked;
  const open = openSession(study, { ...opts, flushMs: 0 }); // a job's rows are on disk before it goes
  if (!open.ok) return open;
  const s = open.session;
  const hash = study.hash;
  const links = connect(hash, opts);
  let failure: string | undefined;
  let batchRuns = 0;
  const tally: Tally = {
    workers: new Set(),
    runs: 0,
    busyMs: 0,
    jobs: 0,
    overheadMs: 0,
    refusals: new Map(),
  };
  try {
    if (s.counts.done < s.planned) {
      const meta = await ensureMeta(
        links.redis,
        study,
        opts.version,
        () => decideBatchRuns(s, opts.batchRuns),
        opts.redis.key,
      );
      if (!meta.ok) {
        s.close();
        return meta;
      }
      batchRuns = meta.meta.batchRuns;
      await announce(links.redis, hash);
      await links.events.waitUntilReady();
      await collectAll(s, links, hash, batchRuns, tally, opts);
    }
    if (s.counts.done >= s.planned) await retire(links.redis, links.queue, hash);
  } catch (err) {
    failure = `queue ${opts.redis.display}: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    await links.close();
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return s.finish(
    {
      workers: tally.workers.size,
      batchRuns,
      overheadMs: tally.jobs > 0 ? round(tally.overheadMs / tally.jobs) : 0,
      runMs: tally.runs > 0 ? round(tally.busyMs / tally.runs) : 0,
      queue: opts.redis.display,
    },
    failure,
  );
}

/** The coordinator's connections to Redis, and a nap that queue events cut short. */
interface Links {
  redis: Redis;
  queue: Queue;
  events: QueueEvents;
  /** Start a round: events from now on cut the next nap short. */
  settle(): void;
  /** Wait `ms`, or less if a job finished or a stop was asked for since `settle`. */
  nap(ms: number): Promise<void>;
  /** Close every connection. */
  close(): Promise<void>;
}

function connect(hash: string, opts: QueueStudyOptions): Links {
  const lost = (m: string) => opts.onNotice?.(`${opts.redis.display}: ${m}; waiting for Redis to come back`);
  const redis = connectRedis(opts.redis, "pamir-coordinator", lost);
  const connection = bullConnection(opts.redis);
  const queue = new Queue(queueName(hash), {
    connection,
    prefix: KEY_PREFIX,
    // A batch whose pool crashed is tried again a few times; a refused job fails at once (UnrecoverableError).
    defaultJobOptions: { attempts: 3, removeOnComplete: false, removeOnFail: false },
  });
  const events = new QueueEvents(queueName(hash), { connection, prefix: KEY_PREFIX });
  // BullMQ re-emits connection errors; the pamir connection above already reports them.
  queue.on("error", () => {});
  events.on("error", () => {});
  // An event that arrives while the loop is busy must not be lost: it marks the loop dirty.
  let dirty = false;
  let wake = () => {};
  const onEvent = () => {
    dirty = true;
    wake();
  };
  events.on("completed", onEvent);
  events.on("failed", onEvent);
  opts.stop?.addEventListener("abort", onEvent);
  return {
    redis,
    queue,
    events,
    settle: () => {
      dirty = false;
    },
    nap: (ms) =>
      new Promise<void>((resolve) => {
        if (dirty) return resolve();
        const t = setTimeout(resolve, ms);
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      }),
    async close() {
      opts.stop?.removeEventListener("abort", onEvent);
      await events.close();
      await queue.close();
      redis.disconnect();
    },
  };
}

/**
 * Keep a window of batch jobs on the queue and collect finished ones until every run is on disk
 * or a stop is asked for (a function, not a property read: the signal changes while this awaits).
 */
async function collectAll(
  s: StudySession,
  links: Links,
  hash: string,
  batchRuns: number,
  tally: Tally,
  opts: QueueStudyOptions,
): Promise<void> {
  const stopped = () => opts.stop?.aborted === true;
  const key = opts.redis.key;
  const batches = Math.ceil(s.planned / batchRuns);
  const window = Math.min(4096, Math.max(32, Math.ceil(WINDOW_RUNS / batchRuns)));
  const pending = new Set<number>();
  let next = 0;
  const fill = async () => {
    const add = [];
    while (pending.size < window && next < batches) {
      const k = next++;
      const data = batchJob(s, hash, k, batchRuns, key);
      if (!data) continue;
      pending.add(k);
      add.push({ name: "batch", data, opts: { jobId: jobId(hash, k) } });
    }
    // Adding a job id that exists (queued by an earlier session) leaves that job as it is.
    if (add.length > 0) await links.queue.addBulk(add);
  };
  const notices = noticer(s, links, hash, opts);
  while (!stopped() && s.counts.done < s.planned) {
    links.settle();
    await drain(s, links.queue, hash, batchRuns, pending, tally, opts);
    if (s.counts.done >= s.planned) break;
    await fill();
    // Every batch was added and none is pending, yet runs are missing (a job removed from
    // outside): go round again; adding is idempotent.
    if (pending.size === 0 && next >= batches) next = 0;
    await notices();
    if (!stopped()) await links.nap(opts.pollMs ?? 1000);
  }
}

/** Times a batch's reply may be refused and the batch queued again before its runs are recorded as failed. */
const MAX_REFUSALS = 3;

/**
 * Collect every finished job (a page at a time), then remove it: its rows are on disk now. A
 * refused job or reply is removed too and its batch queued again from the plan, saying why.
 */
async function drain(
  s: StudySession,
  queue: Queue,
  hash: string,
  batchRuns: number,
  pending: Set<number>,
  tally: Tally,
  opts: QueueStudyOptions,
): Promise<void> {
  const check = replyChecker(s.context);
  const { onNotice } = opts;
  const key = opts.redis.key;
  for (const state of ["completed", "failed"] as const) {
    for (;;) {
      const jobs = await queue.getJobs([state], 0, 99, true);
      for (const job of jobs) {
        const k = batchOfJobId(hash, job.id);
        const refusedBefore = tally.refusals.get(k) ?? 0;
        const got = collectJob(s, hash, batchRuns, job, state, {
          check,
          mayRefuse: refusedBefore < MAX_REFUSALS,
          key,
        });
        await job.remove();
        if (got.ignored) {
          onNotice?.(`ignored ${got.ignored}`);
          continue;
        }
        if (got.refused) {
          tally.refusals.set(k, refusedBefore + 1);
          onNotice?.(`refused the reply to batch ${job.id} (queued again): ${got.refused}`);
          const again = batchJob(s, hash, k, batchRuns, key);
          if (again) await queue.add("batch", again, { jobId: jobId(hash, k) });
          else pending.delete(k);
          continue;
        }
        if (job.processedBy) tally.workers.add(job.processedBy);
        if (got.failedReason) onNotice?.(`batch ${job.id} failed: ${got.failedReason}`);
        tally.runs += got.runs;
        tally.busyMs += got.busyMs;
        if (Number.isFinite(got.overheadMs)) {
          tally.jobs++;
          tally.overheadMs += got.overheadMs;
        }
        pending.delete(k);
      }
      if (jobs.length < 100) break;
    }
  }
}

/** What the person running the study should know, said once each: workers refusing it, no worker at all. */
function noticer(s: StudySession, links: Links, hash: string, opts: QueueStudyOptions): () => Promise<void> {
  let quietSince = performance.now();
  let lastDone = s.counts.done;
  let hinted = false;
  const told = new Set<string>();
  return async () => {
    for (const [who, why] of Object.entries(await refusals(links.redis, hash))) {
      if (told.has(who)) continue;
      told.add(who);
      opts.onNotice?.(`worker ${who} refused this study: ${why}`);
    }
    if (s.counts.done !== lastDone) {
      lastDone = s.counts.done;
      quietSince = performance.now();
    } else if (!hinted && performance.now() - quietSince > LONELY_S * 1000) {
      hinted = true;
      if ((await links.queue.getWorkersCount()) === 0)
        opts.onNotice?.(
          `no worker has joined yet; start some with: pamir worker --queue ${opts.redis.display}`,
        );
    }
  };
}
