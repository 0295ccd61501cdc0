/**
 * The coordinator's and the worker's handling of jobs without Redis: batches from the plan,
 * replies collected once, forged replies and jobs refused (the batch queued again), failed jobs
 * and replies refused too often recorded as failed runs, payloads checked before anything runs.
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Job, UnrecoverableError } from "bullmq";
import { describe, expect, it } from "vitest";
import { problemLine } from "../../../src/cli/problems.js";
import { batchJob, batchRange, collectJob } from "../../../src/queue/collect.js";
import { jobId } from "../../../src/queue/names.js";
import { JOB_FORMAT, type StudyMeta } from "../../../src/queue/payload.js";
import { batchProcessor, refusal } from "../../../src/queue/study-worker.js";
import { loadStudyFile } from "../../../src/study/load.js";
import { openSession, type StudySession } from "../../../src/study/results/session.js";
import { type RunTask, runBatch } from "../../../src/study/run/batch.js";

const loaded = loadStudyFile("test/fixtures/studies/tiny.yaml");
if (!loaded.ok) throw new Error(loaded.problems.map(problemLine).join("\n"));
const study = loaded.study;
const HASH = study.hash;

function session(): { s: StudySession; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), "pamir-collect-"));
  const open = openSession(study, { out: dir, mode: "auto", version: "t" });
  if (!open.ok) throw new Error(open.problems[0]!.message);
  return { s: open.session, dir };
}
const ids = (dir: string) =>
  readFileSync(join(dir, "runs.ndjson"), "utf8")
    .trim()
    .split("\n")
    .filter((l) => l !== "")
    .map(
      (l) => JSON.parse(l) as { id: string; status: string; problems?: { kind: string; message: string }[] },
    );
/** What a queue worker answers for `tasks`: series returned with the records, not written. */
const workerRecords = (s: StudySession, tasks: RunTask[]) =>
  runBatch({ ...s.context, hash: "worker", series: { every: 2, keep: ["happy_share"] } }, tasks).records;
/** A finished BullMQ job as getJobs returns it. */
const job = (batch: number, data: unknown, extra: Partial<Job> = {}) =>
  ({ id: jobId(HASH, batch), data, attemptsMade: 1, processedBy: "w1", ...extra }) as unknown as Job;

describe("coordinator side", () => {
  it("cuts the plan into fixed batches and queues only runs not done", () => {
    const { s } = session();
    expect(batchRange(2, 5, 24)).toEqual([10, 15]);
    expect(batchRange(4, 5, 24)).toEqual([20, 24]);
    const data = batchJob(s, HASH, 1, 5)!;
    expect(data).toMatchObject({ format: JOB_FORMAT, study: HASH, batch: 1 });
    expect(data.tasks.map((t) => t.index)).toEqual([5, 6, 7, 8, 9]);
    s.receive(data.tasks, runBatch(s.context, data.tasks).records);
    expect(batchJob(s, HASH, 1, 5)).toBeUndefined();
    s.close();
  });

  it("collects a reply once, however many times the batch came back", () => {
    const { s, dir } = session();
    const data = batchJob(s, HASH, 0, 4)!;
    const reply = { format: JOB_FORMAT, records: workerRecords(s, data.tasks) };
    const done = job(0, data, { returnvalue: reply, processedOn: 1000, finishedOn: 1010 });
    const got = collectJob(s, HASH, 4, done, "completed");
    expect(got.runs).toBe(4);
    expect(got.overheadMs).toBeLessThanOrEqual(10);
    expect(collectJob(s, HASH, 4, done, "completed").runs).toBe(0);
    s.close();
    expect(ids(dir).map((r) => r.id)).toEqual(
      ["p0/r0", "p0/r1", "p0/r2", "p1/r0"].map((x) => `tiny-scenario/${x}`),
    );
    expect(s.counts).toMatchObject({ done: 4, failed: 0 });
  });

  it("records the runs of a reply refused too often or a failed job as failed, with the reason", () => {
    const { s, dir } = session();
    const d0 = batchJob(s, HASH, 0, 2)!;
    const bad = job(0, d0, { returnvalue: { format: JOB_FORMAT, records: [] } });
    const last = { mayRefuse: false };
    expect(collectJob(s, HASH, 2, bad, "completed", last).failedReason).toMatch(
      /^worker w1 sent an invalid reply/,
    );
    const d1 = batchJob(s, HASH, 1, 2)!;
    const failed = job(1, d1, { failedReason: "job stalled more than allowable limit", attemptsMade: 3 });
    collectJob(s, HASH, 2, failed, "failed");
    // Tampered job data: the coordinator falls back to its own plan for the batch's runs.
    collectJob(s, HASH, 2, job(2, { format: 7 }, { failedReason: "refused" }), "failed", last);
    s.close();
    const rows = ids(dir);
    expect(rows.map((r) => r.status)).toEqual(Array(6).fill("failed"));
    expect(rows[2]!.problems).toEqual([
      {
        kind: "queue",
        path: "",
        message: "job stalled more than allowable limit (after 3 attempts)",
        data: { reason: "batch" },
      },
    ]);
    expect(rows.slice(4).map((r) => r.id)).toEqual(["tiny-scenario/p1/r1", "tiny-scenario/p1/r2"]);
    expect(s.counts).toMatchObject({ done: 6, failed: 6 });
  });
});

describe("coordinator side: forged replies and jobs", () => {
  /** A completed job of batch 0 (2 runs) whose honest reply `forge` rewrites. */
  function forged(forge: (rec: Record<string, unknown>, k: number) => Record<string, unknown>) {
    const { s, dir } = session();
    const data = batchJob(s, HASH, 0, 2)!;
    const records = workerRecords(s, data.tasks).map((r, k) => forge({ ...r }, k));
    const got = collectJob(
      s,
      HASH,
      2,
      job(0, data, { returnvalue: { format: JOB_FORMAT, records } }),
      "completed",
    );
    s.close();
    return { got, written: existsSync(join(dir, "runs.ndjson")) ? ids(dir) : [], dir, s };
  }

  it("accepts the honest reply (the forgeries below differ from it in one thing each)", () => {
    const { got, written } = forged((r) => r);
    expect(got.runs).toBe(2);
    expect(got.refused).toBeUndefined();
    expect(written.map((r) => r.status)).toEqual(["ok", "ok"]);
  });

  // Each forgery is refused with its reason, nothing is written, and the batch is to be queued again.
  const cases: [string, (rec: Record<string, unknown>, k: number) => Record<string, unknown>, RegExp][] = [
    [
      "a path-traversing series id",
      (r) => ({ ...r, series: { ...(r.series as object), id: "../../../../tmp/x/pwned" } }),
      /records\.0\.series: series id "\.\.\/\.\.\/\.\.\/\.\.\/tmp\/x\/pwned" is not run tiny-scenario\/p0\/r0/,
    ],
    [
      "another planned run's series id",
      (r, k) => (k === 1 ? { ...r, series: { ...(r.series as object), id: "tiny-scenario/p0/r0" } } : r),
      /records\.1\.series: series id "tiny-scenario\/p0\/r0" is not run tiny-scenario\/p0\/r1/,
    ],
    ["an unplanned run index", (r, k) => (k === 1 ? { ...r, index: 99 } : r), /one for one/],
    [
      "an outcome of the wrong type",
      (r) => ({ ...r, outcomes: { ...(r.outcomes as object), happy_share: "1e9" } }),
      /at records\.0\.outcomes\.happy_share: .*expected number/,
    ],
    [
      "an outcome the study does not keep",
      (r) => ({ ...r, outcomes: { ...(r.outcomes as object), delivered_kg: 1e9 } }),
      /"delivered_kg" is not an outcome the study keeps/,
    ],
    [
      "a prototype key among the outcomes",
      (r) => ({ ...r, outcomes: JSON.parse('{"__proto__": 1}') }),
      /prototype key at records\.0\.outcomes\.__proto__/,
    ],
    [
      "series values not one per kept tick",
      (r) => ({ ...r, series: { ...(r.series as object), series: { happy_share: [1] } } }),
      /not one value per kept tick/,
    ],
    [
      "a forged tick count",
      (r) => ({ ...r, ticks: 1e9 }),
      /ticks are not those kept of a 1000000000-tick run/,
    ],
  ];
  for (const [what, forge, why] of cases) {
    it(`refuses a reply with ${what}, writing nothing`, () => {
      const { got, written } = forged(forge);
      expect(got.runs).toBe(0);
      expect(got.refused).toMatch(why);
      expect(written).toEqual([]);
    });
  }

  it("ignores a job that is not one of the plan's batches; refuses one whose data is not the plan's", () => {
    const { s } = session();
    const data = batchJob(s, HASH, 0, 2)!;
    const reply = { format: JOB_FORMAT, records: workerRecords(s, data.tasks) };
    const foreign = { ...job(0, data, { returnvalue: reply }), id: "forged-1" } as Job;
    expect(collectJob(s, HASH, 2, foreign, "completed")).toMatchObject({ runs: 0, ignored: /not a batch/ });
    const reseeded = { ...data, tasks: data.tasks.map((t) => ({ ...t, seed: t.seed + 1 })) };
    const got = collectJob(s, HASH, 2, job(0, reseeded, { returnvalue: reply }), "completed");
    expect(got).toMatchObject({ runs: 0, refused: /not the plan's batch 0/ });
    expect(s.counts.done).toBe(0);
    s.close();
  });
});

describe("worker side", () => {
  const context = {
    hash: HASH,
    scenarios: [{ key: "tiny-scenario", file: "tiny-scenario.yaml", text: "" }],
    paths: ["params.radius", "params.minToBeHappy"],
  };
  const run = async () => ({ records: [] });

  it("refuses a bad payload without running it, unrecoverably (no retries)", async () => {
    const lines: string[] = [];
    const p = batchProcessor(HASH, context, run, (l) => lines.push(l));
    const err = await p({ id: "x", data: { format: 7 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnrecoverableError);
    expect((err as Error).message).toMatch(/job format 7, which this pamir does not know/);
    expect(lines).toEqual([`refused job x: ${(err as Error).message}`]);
  });

  it("refuses a job with a prototype key in its values, or tasks that do not fit the study, unrecoverably", async () => {
    const { s } = session();
    const data = batchJob(s, HASH, 0, 2)!;
    s.close();
    const lines: string[] = [];
    const ran: unknown[] = [];
    const p = batchProcessor(
      HASH,
      context,
      async (b) => {
        ran.push(b);
        return { records: [] };
      },
      (l) => lines.push(l),
    );
    const proto = {
      ...data,
      tasks: [{ ...data.tasks[0]!, values: [JSON.parse('{"__proto__": {"x": 1}}'), 1] }],
    };
    const short = { ...data, tasks: [{ ...data.tasks[0]!, values: [1] }] };
    const elsewhere = { ...data, tasks: [{ ...data.tasks[0]!, scenario: 3 }] };
    for (const [id, d, why] of [
      ["p", proto, /job has a prototype key at tasks\.0\.values\.0\.__proto__/],
      ["v", short, /job task 0 does not fit the study \(1 scenario\(s\), 2 factor path\(s\)\)/],
      ["s", elsewhere, /job task 0 does not fit the study/],
    ] as const) {
      const err = await p({ id, data: d }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UnrecoverableError);
      expect((err as Error).message).toMatch(why);
    }
    expect(ran).toEqual([]);
    expect(lines).toHaveLength(3);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("runs a valid batch and answers in pamir's format", async () => {
    const { s } = session();
    const data = batchJob(s, HASH, 0, 3)!;
    s.close();
    const seen: unknown[] = [];
    const p = batchProcessor(
      HASH,
      context,
      async (b) => {
        seen.push(b);
        return { records: [] };
      },
      () => {},
    );
    expect(await p({ id: "y", data })).toEqual({ format: JOB_FORMAT, records: [] });
    expect(seen).toEqual([{ context, tasks: data.tasks }]);
  });

  it("does not join a study queued by another pamir version", () => {
    const meta = { name: "n", hash: HASH, pamir: "0.2.0" } as StudyMeta;
    expect(refusal(meta, "0.2.0")).toBeUndefined();
    expect(refusal(meta, "0.1.0")).toMatch(
      /queued by pamir 0\.2\.0, this worker is pamir 0\.1\.0: not joining/,
    );
  });
});
