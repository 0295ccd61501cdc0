/**
 * The coordinator's and the worker's handling of jobs without Redis: batches from the plan,
 * replies collected once, bad replies and failed jobs recorded as failed runs, payloads checked
 * before anything runs.
 */
import { mkdtempSync, readFileSync } from "node:fs";
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
import { runBatch } from "../../../src/study/run/batch.js";

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
    const reply = {
      format: JOB_FORMAT,
      records: runBatch({ ...s.context, series: undefined }, data.tasks).records,
    };
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

  it("records the runs of a bad reply or a failed job as failed, with the reason", () => {
    const { s, dir } = session();
    const d0 = batchJob(s, HASH, 0, 2)!;
    const bad = job(0, d0, { returnvalue: { format: JOB_FORMAT, records: [] } });
    expect(collectJob(s, HASH, 2, bad, "completed").failedReason).toMatch(/^worker w1 sent an invalid reply/);
    const d1 = batchJob(s, HASH, 1, 2)!;
    const failed = job(1, d1, { failedReason: "job stalled more than allowable limit", attemptsMade: 3 });
    collectJob(s, HASH, 2, failed, "failed");
    // Tampered job data: the coordinator falls back to its own plan for the batch's runs.
    collectJob(s, HASH, 2, job(2, { format: 7 }, { failedReason: "refused" }), "failed");
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

describe("worker side", () => {
  const context = { hash: HASH, scenarios: [], paths: [] };
  const run = async () => ({ records: [] });

  it("refuses a bad payload without running it, unrecoverably (no retries)", async () => {
    const lines: string[] = [];
    const p = batchProcessor(HASH, context, run, (l) => lines.push(l));
    const err = await p({ id: "x", data: { format: 7 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnrecoverableError);
    expect((err as Error).message).toMatch(/job format 7, which this pamir does not know/);
    expect(lines).toEqual([`refused job x: ${(err as Error).message}`]);
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
