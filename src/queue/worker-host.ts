/**
 * `pamir worker --queue`: a process that serves every open study on a Redis server with one
 * piscina pool. It watches the set of open studies; for each new one it reads and checks the
 * meta, writes the study's map files into its scratch folder and starts taking that study's
 * batches; when a study closes (every run collected) it lets go of it. Workers can join and
 * leave at any time: a stop request lets the batches in flight finish, a drop request abandons
 * them (their jobs stall and are re-run elsewhere).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Worker } from "bullmq";
import type { Redis } from "ioredis";
import { type Failure, messagesOf } from "../core/problems.js";
import type { BatchReply } from "../study/run/batch.js";
import { DEFAULT_WORKER_FILE, studyPool } from "../study/run/executor.js";
import type { ContextBatch } from "../study/run/worker.js";
import { acceptsAnyone, checkRedis, connectRedis, isLoopback, queueFailure } from "./connect.js";
import { workerContext } from "./meta.js";
import { metaKey, refusalsKey, STUDIES_CHANNEL, STUDIES_KEY } from "./names.js";
import { parseMeta } from "./payload.js";
import { signatureProblem } from "./sign.js";
import { refusal, startStudyWorker, workerName } from "./study-worker.js";
import type { RedisTarget } from "./target.js";

/** How to run a worker process. */
export interface WorkerHostOptions {
  redis: RedisTarget;
  /** Pool threads (twice as many batches are taken at once per study). */
  threads: number;
  /** This pamir's version (studies queued by another version are refused). */
  version: string;
  /** Lock time after which a silent worker's batch counts as stalled, ms. */
  stallMs: number;
  /** How often to look for new and closed studies when no message says so, ms. */
  pollMs?: number | undefined;
  /** A line per batch started and done. */
  verbose?: boolean | undefined;
  log: (line: string) => void;
  /** Take no more batches; finish those in flight, then return. */
  stop: AbortSignal;
  /** Abandon the batches in flight (after `stop`). */
  drop?: AbortSignal | undefined;
  /** Serve a Redis that needs no password even when it is not on loopback. */
  insecure?: boolean | undefined;
  /** The pool's worker file (default: the compiled study worker). */
  workerFile?: URL | undefined;
}

/** How a worker process ended. */
export type WorkerHostResult = { ok: true; batches: number; runs: number } | Failure;

/** The study name a refused meta gives, quoted and escaped (it goes into log lines), if any. */
function metaName(text: string): string {
  try {
    const name = (JSON.parse(text) as { name?: unknown } | null)?.name;
    return typeof name === "string" ? JSON.stringify(name.slice(0, 200)) : "(unnamed)";
  } catch {
    return "(unnamed)";
  }
}

/**
 * A worker refuses a Redis anyone can write to (no password needed) unless it is on loopback or
 * `--insecure` is given; either way it says so, since whoever writes there chooses its work.
 */
async function openRedis(opts: WorkerHostOptions): Promise<Failure | undefined> {
  if (!(await acceptsAnyone(opts.redis))) return undefined;
  const at = opts.redis.display;
  const loopback = isLoopback(opts.redis.options.host);
  if (!loopback && opts.insecure !== true)
    return queueFailure(
      "auth",
      `${at} accepts clients without a password, so anyone who reaches it can queue jobs for this worker; ` +
        "set requirepass on the server (and give the password with --password-file or PAMIR_REDIS_PASSWORD), or pass --insecure",
    );
  opts.log(
    `pamir worker: warning: ${at} accepts clients without a password (served: ${loopback ? "it is on loopback" : "--insecure"}); whoever can write to it chooses this worker's work`,
  );
  return undefined;
}

/** Resolves when `signal` aborts. */
const abortedP = (signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });

/** Serve the queue at `opts.redis` until `opts.stop`. */
export async function runWorkerHost(opts: WorkerHostOptions): Promise<WorkerHostResult> {
  const checked = await checkRedis(opts.redis);
  if (!checked.ok) return checked;
  const open = await openRedis(opts);
  if (open !== undefined) return open;
  const redisError = (m: string) => opts.log(`pamir worker: ${opts.redis.display}: ${m}`);
  const redis = connectRedis(opts.redis, "pamir-worker", redisError);
  const pool = studyPool(opts.threads, undefined, opts.workerFile ?? DEFAULT_WORKER_FILE);
  // A thread that dies outside a task (e.g. failing to load) is replaced by piscina; say so, do not crash.
  pool.on("error", (err: Error) => opts.log(`pamir worker: a pool thread failed: ${err.message}`));
  const scratch = mkdtempSync(join(tmpdir(), "pamir-worker-"));
  const totals = { batches: 0, runs: 0 };
  const run = async (batch: ContextBatch) => {
    const reply = (await pool.run(batch)) as BatchReply;
    totals.batches++;
    totals.runs += reply.records.length;
    return reply;
  };
  const changes = await studyChanges(opts.redis);
  const studies = memberships(redis, scratch, run, opts);
  const stopped = abortedP(opts.stop);
  opts.log(
    `pamir worker: ${opts.threads} thread(s), serving the studies queued on ${opts.redis.display} (Redis ${checked.version})`,
  );
  try {
    while (!opts.stop.aborted) {
      changes.reset();
      const open = await Promise.race([redis.smembers(STUDIES_KEY), stopped.then(() => undefined)]);
      if (open === undefined) break;
      await studies.update(open);
      await Promise.race([changes.wait(opts.pollMs ?? 5000), stopped]);
    }
    await studies.stop(opts.drop);
  } finally {
    await (opts.drop?.aborted ? pool.destroy() : pool.close());
    redis.disconnect();
    changes.connection.disconnect();
    rmSync(scratch, { recursive: true, force: true });
  }
  return { ok: true, ...totals };
}

/** Being told when studies open or close; the periodic look is the fallback for a missed message. */
async function studyChanges(target: RedisTarget) {
  const connection = connectRedis(target, "pamir-worker-listen");
  let poked = false;
  let poke = () => {};
  connection.on("message", () => {
    poked = true;
    poke();
  });
  await connection.subscribe(STUDIES_CHANNEL);
  return {
    connection,
    /** Start a look: messages from now on end the next wait early. */
    reset: () => {
      poked = false;
    },
    /** Wait `ms`, or less when a message came since `reset`. */
    wait: (ms: number) =>
      new Promise<void>((resolve) => {
        if (poked) return resolve();
        const t = setTimeout(resolve, ms);
        poke = () => {
          clearTimeout(t);
          resolve();
        };
      }),
  };
}

/** The studies this process serves: joined as they open (unless refused), left as they close. */
function memberships(
  redis: Redis,
  scratch: string,
  run: (batch: ContextBatch) => Promise<BatchReply>,
  opts: WorkerHostOptions,
) {
  const joined = new Map<string, { worker: Worker; name: string }>();
  const refused = new Set<string>();

  /** Refuse study `hash`: say why here and tell its coordinator, or it would wait without knowing why. */
  const refuse = async (hash: string, why: string) => {
    refused.add(hash);
    opts.log(`pamir worker: ${why}`);
    await redis.hset(refusalsKey(hash), workerName(), why);
    await redis.expire(refusalsKey(hash), 86_400);
  };
  const join1 = async (hash: string) => {
    const text = await redis.get(metaKey(hash));
    if (text === null) return; // closing right now
    const meta = parseMeta(text);
    const name = meta.ok ? JSON.stringify(meta.value.name) : metaName(text);
    const refusedAs = (why: string) => `refused study ${name} (${hash.slice(0, 12)}): ${why}`;
    if (!meta.ok) return refuse(hash, refusedAs(messagesOf(meta)));
    const unsigned =
      opts.redis.key === undefined && meta.value.mac !== undefined
        ? "the study is signed: start this worker with the study's --key-file"
        : signatureProblem(opts.redis.key, "meta", hash, JSON.parse(text));
    if (unsigned !== undefined) return refuse(hash, refusedAs(unsigned));
    const other = refusal(meta.value, opts.version);
    if (other !== undefined) return refuse(hash, other);
    const m = meta.value;
    const built = workerContext(m, scratch);
    if (!built.ok) return refuse(hash, refusedAs(messagesOf(built)));
    const context = built.value;
    const worker = startStudyWorker(m, context, run, {
      target: opts.redis,
      // Two batches per thread: one runs while the next one's round trip to Redis is under way.
      concurrency: 2 * opts.threads,
      stallMs: opts.stallMs,
      verbose: opts.verbose === true,
      log: opts.log,
    });
    joined.set(hash, { worker, name: m.name });
    opts.log(
      `joined ${JSON.stringify(m.name)} (${hash.slice(0, 12)}): ${m.planned} runs in batches of ${m.batchRuns}`,
    );
  };
  const leave = async (hash: string) => {
    const j = joined.get(hash);
    joined.delete(hash);
    if (j) {
      // Not waiting: a batch still running here is a re-run of a stalled one whose result is in already.
      await j.worker.close(true);
      opts.log(`left ${JSON.stringify(j.name)} (${hash.slice(0, 12)}): the study is closed`);
    }
  };

  return {
    /** Join the open studies not joined or refused yet; leave those no longer open. */
    async update(open: string[]) {
      const now = new Set(open);
      for (const hash of now) if (!joined.has(hash) && !refused.has(hash)) await join1(hash);
      for (const hash of [...joined.keys()]) if (!now.has(hash)) await leave(hash);
      for (const hash of [...refused]) if (!now.has(hash)) refused.delete(hash);
    },
    /** Stopping: no new batches; those in flight finish unless dropped (then their jobs stall). */
    async stop(drop: AbortSignal | undefined) {
      const force = drop ? abortedP(drop) : new Promise<void>(() => {});
      const closing = Promise.all([...joined.values()].map((j) => j.worker.close(false)));
      const dropped = await Promise.race([closing.then(() => false), force.then(() => true)]);
      if (dropped) await Promise.all([...joined.values()].map((j) => j.worker.close(true)));
    },
  };
}
