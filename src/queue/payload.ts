/**
 * pamir's job format on the queue, version 1, checked with zod wherever it crosses Redis: the
 * study meta a worker reads before joining a study, every job a worker takes (a batch of run
 * tasks) and every reply the coordinator collects (one record per task). Anything in Redis may
 * have been written by another pamir version, or by anyone who can reach the server, so nothing
 * is trusted unchecked. A document of another format version is refused by name.
 */
import { z } from "zod";
import { isPrototypeKey, prototypeKeyPath } from "../core/plain-keys.js";
import { failure, problem, type Result } from "../core/problems.js";
import { problemSchema } from "../core/run-row.js";
import { splitPath } from "../study/param-path.js";
import type { RunTask } from "../study/run/batch.js";
import type { RunRecord } from "../study/run/rows.js";
import { SCENARIO_KEY } from "../study/schema.js";
import { MAX_JOB_RUNS } from "./limits.js";

/** The job format this pamir writes and reads (2: a failed run's record carries problems). */
export const JOB_FORMAT = 2;

const hash = z.string().regex(/^[0-9a-f]{64}$/, "must be a study hash (64 hex digits)");
/** An HMAC-SHA256 under the shared key (sign.ts), when the queue has one. */
const mac = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .optional();
const count = z.int().min(0);
const plain = z.string().max(1_000_000);
const label = z.string().max(1000);
/** Outcome and series globs: few and short (they are matched in linear time anyway). */
const globs = z.array(z.string().min(1).max(1000)).max(1000);
/** A factor path a worker may write: `ticks`, or under `params.`, never through a prototype key. */
const factorPath = z
  .string()
  .max(1000)
  .refine(
    (p) => p === "ticks" || (/^params(\.[^.]+)+$/.test(p) && !splitPath(p).some(isPrototypeKey)),
    'must be "ticks" or a parameter path under "params." without __proto__, constructor or prototype',
  );

const runTask = z.strictObject({
  index: count,
  id: label.min(1),
  scenario: count,
  point: count,
  seed: z
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  values: z.array(z.unknown()),
});

/** A job: one batch of runs of one study. */
export const jobSchema = z.strictObject({
  format: z.literal(JOB_FORMAT),
  study: hash,
  batch: count,
  tasks: z.array(runTask).min(1).max(MAX_JOB_RUNS),
  mac,
});

/** A job as the coordinator writes it. */
export interface JobData {
  format: typeof JOB_FORMAT;
  study: string;
  batch: number;
  tasks: RunTask[];
  /** Signature under the shared key, when there is one. */
  mac?: string | undefined;
}

const finite = z.number().nullable(); // JSON has no NaN/Infinity: they arrive as null, as runs.ndjson writes them
const seriesDoc = z.strictObject({
  id: z.string(),
  every: z.int().min(1),
  ticks: z.array(z.int()),
  series: z.record(z.string(), z.array(finite)),
});
const runRecord = z.strictObject({
  index: count,
  status: z.enum(["ok", "failed"]),
  problems: z.array(problemSchema).optional(),
  durationMs: z.number().min(0),
  ticks: count,
  outcomes: z.record(z.string(), finite),
  series: seriesDoc.optional(),
});

/** A worker's reply to a job: one record per task, in task order. */
export const replySchema = z.strictObject({
  format: z.literal(JOB_FORMAT),
  records: z.array(runRecord).max(MAX_JOB_RUNS),
  mac,
});

/** What a worker needs to run a study's batches (series are returned, not written). */
export const metaSchema = z.strictObject({
  format: z.literal(JOB_FORMAT),
  hash,
  name: label,
  /** pamir version of the coordinator: workers of another version refuse the study. */
  pamir: z.string(),
  git: z.string().nullable(),
  planned: z.int().min(1),
  /** Runs per batch, fixed when the study is first queued so batch indexes keep their meaning. */
  batchRuns: z.int().min(1).max(MAX_JOB_RUNS),
  context: z.strictObject({
    scenarios: z
      .array(
        z.strictObject({
          key: z.string().regex(SCENARIO_KEY),
          file: label,
          text: plain,
          /** The map file the scenario names (`map: path`), carried because workers may not have it. */
          map: z.strictObject({ given: label, text: z.string().max(64_000_000) }).optional(),
        }),
      )
      .min(1),
    paths: z.array(factorPath).max(1000),
    ticks: z.int().min(0).optional(),
    keep: globs.optional(),
    series: z.strictObject({ every: z.int().min(1), keep: globs.optional() }).optional(),
  }),
  mac,
});

/** A study's meta document. */
export type StudyMeta = z.infer<typeof metaSchema>;

/** Why a document does not pass, in one line: another format version by name, else the first problem. */
function refusal(what: string, data: unknown, error: z.ZodError): string {
  const format =
    data !== null && typeof data === "object" ? (data as { format?: unknown }).format : undefined;
  if (format !== undefined && format !== JOB_FORMAT)
    return (
      `${what} is in job format ${JSON.stringify(format)}, which this pamir does not know (it reads format ${JOB_FORMAT}); ` +
      "run the same pamir version on the coordinator and every worker"
    );
  const i = error.issues[0]!;
  const at = i.path.length > 0 ? ` at ${i.path.join(".")}` : "";
  return `${what} is not a valid pamir job document${at}: ${i.message}`;
}

/** Deepest nesting a document may have (values of mapping factors are the deepest part). */
const MAX_DEPTH = 64;

/** A checked document, or the one `queue` problem (reason `job`) saying why it is refused. */
type Checked<T> = Result<T>;

const refused = (message: string) => failure(problem("queue", "", message, { reason: "job" }));

function check<S extends z.ZodType>(schema: S, what: string, data: unknown): Checked<z.infer<S>> {
  // JSON.parse makes `__proto__` an own key, which zod records drop silently: refuse it by name.
  const at = prototypeKeyPath(data, MAX_DEPTH);
  if (at !== undefined)
    return refused(
      isPrototypeKey(at[at.length - 1]!)
        ? `${what} has a prototype key at ${at.join(".")} (__proto__, constructor and prototype are refused)`
        : `${what} is nested deeper than ${MAX_DEPTH} levels at ${at.join(".")}`,
    );
  const r = schema.safeParse(data);
  return r.success ? { ok: true, value: r.data } : refused(refusal(what, data, r.error));
}

/** Check a job taken from study `study`'s queue. */
export function parseJob(data: unknown, study: string): Checked<JobData> {
  const r = check(jobSchema, "job", data);
  if (r.ok && r.value.study !== study)
    return refused(`job belongs to study ${r.value.study}, not to this queue's study ${study}`);
  return r as Checked<JobData>;
}

/** Check a worker's reply to a job of `tasks`: one record per task, same plan indexes, same order. */
export function parseReply(data: unknown, tasks: readonly RunTask[]): Checked<RunRecord[]> {
  const r = check(replySchema, "reply", data);
  if (!r.ok) return r;
  const recs = r.value.records;
  if (recs.length !== tasks.length || recs.some((rec, k) => rec.index !== tasks[k]!.index))
    return refused("reply does not answer the job's runs one for one");
  // null outcomes stand for non-finite numbers; runs.ndjson writes them as null again.
  return { ok: true, value: recs as RunRecord[] };
}

/** Check a study meta document (JSON text from Redis). */
export function parseMeta(text: string): Checked<StudyMeta> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refused("study meta is not JSON");
  }
  return check(metaSchema, "study meta", data);
}
