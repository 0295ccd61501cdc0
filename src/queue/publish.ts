/**
 * Publishing a study on the queue: its meta (written once, `SET NX`, so a restarted or a second
 * coordinator reuses the first one's batch size and batch indexes keep their meaning), the
 * entry in the set of open studies that workers watch, and the clean-up once every run is on
 * disk. The batch size comes from `--batch-runs` or from timing a few runs here in the
 * coordinator; those runs are real runs of the plan and are recorded like any other.
 */
import { setImmediate as yieldLoop } from "node:timers/promises";
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { type Failure, messagesOf } from "../core/problems.js";
import type { LoadedStudy } from "../study/load.js";
import type { StudySession } from "../study/results/session.js";
import { runBatch } from "../study/run/batch.js";
import { queueBatchRuns } from "../study/run/batching.js";
import { queueFailure } from "./connect.js";
import { studyMeta } from "./meta.js";
import { metaKey, refusalsKey, STUDIES_CHANNEL, STUDIES_KEY } from "./names.js";
import { parseMeta, type StudyMeta } from "./payload.js";
import { signatureProblem, signDoc } from "./sign.js";

/** Runs timed in the coordinator to size batches (the first one also warms up the JIT). */
const CALIBRATION_RUNS = 3;

/** Run up to CALIBRATION_RUNS runs not yet done, recording them; returns the last one's run time (NaN if none ran). */
export async function calibrate(s: StudySession): Promise<number> {
  let last = Number.NaN;
  let i = 0;
  for (let n = 0; n < CALIBRATION_RUNS; n++) {
    while (i < s.planned && s.done[i]) i++;
    if (i >= s.planned) break;
    const tasks = [s.task(i)];
    const reply = runBatch(s.context, tasks);
    s.receive(tasks, reply.records);
    last = reply.records[0]?.durationMs ?? last;
    await yieldLoop(); // let signals and progress output through between runs
  }
  return last;
}

/**
 * The meta of `study` on `redis`: the one already there (checked: same pamir version, signed
 * with `signKey` when there is one), or a new one with `batchRuns()` runs per batch.
 */
export async function ensureMeta(
  redis: Redis,
  study: LoadedStudy,
  version: string,
  batchRuns: () => Promise<number>,
  signKey?: string | undefined,
): Promise<{ ok: true; meta: StudyMeta } | Failure> {
  const key = metaKey(study.hash);
  let text = await redis.get(key);
  if (text === null) {
    const runs = await batchRuns();
    const meta = studyMeta(study, version, runs);
    if (!meta.ok) return meta;
    await redis.set(key, JSON.stringify(signDoc(signKey, "meta", study.hash, meta.meta)), "NX");
    text = await redis.get(key);
  }
  const bad = (message: string) => queueFailure("meta", message);
  if (text === null) return bad(`the study meta ${key} vanished while it was being written`);
  const m = parseMeta(text);
  const unsigned = m.ok ? signatureProblem(signKey, "meta", study.hash, JSON.parse(text)) : undefined;
  if (!m.ok || unsigned !== undefined)
    return bad(
      `${key}: ${unsigned ?? messagesOf(m as Failure)}; delete it (redis-cli DEL ${key}) to queue the study afresh`,
    );
  if (m.value.pamir !== version)
    return bad(
      `this study was queued by pamir ${m.value.pamir}, this is pamir ${version}; finish it with that version, ` +
        `or delete ${key} and its queue to start the queue afresh`,
    );
  return { ok: true, meta: m.value };
}

/** Runs per batch for a first publication: `given`, else measured here (see calibrate). */
export async function decideBatchRuns(s: StudySession, given: number | undefined): Promise<number> {
  if (given !== undefined) return given;
  const runMs = await calibrate(s);
  return queueBatchRuns(Number.isFinite(runMs) ? runMs : 1, s.planned);
}

/** Open study `hash` to workers. */
export async function announce(redis: Redis, hash: string): Promise<void> {
  await redis.sadd(STUDIES_KEY, hash);
  await redis.publish(STUDIES_CHANNEL, hash);
}

/** Every run is on disk: close the study to workers and delete its queue and meta. */
export async function retire(redis: Redis, queue: Queue, hash: string): Promise<void> {
  await redis.srem(STUDIES_KEY, hash);
  await redis.publish(STUDIES_CHANNEL, hash);
  // force: a batch that stalled and was re-run can still be active on a slow worker; its result is not needed.
  await queue.obliterate({ force: true });
  await redis.del(metaKey(hash), refusalsKey(hash));
}

/** Workers that refused study `hash` and why, by worker name. */
export function refusals(redis: Redis, hash: string): Promise<Record<string, string>> {
  return redis.hgetall(refusalsKey(hash));
}
