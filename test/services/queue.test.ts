/**
 * Distributed studies end to end on a real redis-server (started here on a free port with a
 * password, stopped at the end): worker processes give the local results, a worker SIGKILLed
 * mid-batch has its batch re-run elsewhere, a SIGKILLed coordinator resumes from Redis and
 * disk, a wrong password is one line and exit 2, and a study in an unknown job format is refused.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { KEY_PREFIX, metaKey, queueName, STUDIES_KEY } from "../../src/queue/names.js";
import { type Pamir, type RedisServer, runPamir, startPamir, startRedisServer, stopPamir } from "./redis.js";

const TINY = "test/fixtures/studies/tiny.yaml";
const RESUME = "test/fixtures/studies/resume.yaml";
const tmp = () => mkdtempSync(join(tmpdir(), "pamir-queue-"));
/** runs.ndjson without its one wall-clock field. */
const rows = (dir: string) =>
  readFileSync(join(dir, "runs.ndjson"), "utf8").replace(/"durationMs":[^,]+,/g, "");
const lines = (file: string) => (existsSync(file) ? readFileSync(file, "utf8").split("\n").length - 1 : 0);
const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();

/** Expect `dir` to hold exactly the results of `local` (rows but their run times, CSVs, summary, series). */
function expectSameResults(dir: string, local: string): void {
  expect(rows(dir)).toBe(rows(local));
  for (const f of ["runs.csv", "summary.csv", "summary.json"])
    expect(readFileSync(join(dir, f), "utf8"), f).toBe(readFileSync(join(local, f), "utf8"));
  // The tables hold no run times and are written in plan order: the same bytes however the runs went.
  for (const f of ["runs.parquet", "outcomes.parquet", "series.parquet"])
    if (existsSync(join(local, f)))
      expect(readFileSync(join(dir, f)).equals(readFileSync(join(local, f))), f).toBe(true);
  const ids = rows(dir)
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l).id as string);
  expect(new Set(ids).size).toBe(ids.length);
}

let redis: RedisServer;
const local: Record<string, string> = {};
const running: Pamir[] = [];
/** A `pamir worker` of `threads` threads, logging every batch. */
const worker = (threads = 1, ...extra: string[]) => {
  const p = startPamir("worker", "--queue", redis.url, "--workers", String(threads), "--verbose", ...extra);
  running.push(p);
  return p;
};

beforeAll(async () => {
  redis = await startRedisServer();
  for (const study of [TINY, RESUME]) {
    local[study] = tmp();
    const r = await runPamir("study", study, "--out", local[study]!, "--quiet");
    expect(r.code).toBe(0);
  }
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => stopPamir(p)));
});

afterAll(async () => {
  await redis?.stop();
});

describe("pamir study --queue with pamir worker", () => {
  it("(a) two worker processes give exactly the local results; workers stop cleanly on SIGTERM", async () => {
    const [w1, w2] = [worker(), worker()];
    const a = tmp();
    const tiny = await runPamir("study", TINY, "--queue", redis.url, "--out", a);
    expect(tiny.stderr).toBe("");
    expect(tiny.code).toBe(0);
    expect(tiny.stdout).toContain(`over the queue redis://127.0.0.1:${redis.port}/0 → ${a}`);
    expect(tiny.stdout).toMatch(/^24\/24 runs {2}[\d.]+ runs\/s {2}ETA 0 s {2}0 failed$/m);
    expect(tiny.stdout).toMatch(/24 runs, 0 failed, in /);
    expectSameResults(a, local[TINY]!);
    expect(tiny.stdout).not.toContain(redis.password);

    const b = tmp();
    const big = await runPamir("study", RESUME, "--queue", redis.url, "--out", b, "--quiet");
    expect(big.code).toBe(0);
    expectSameResults(b, local[RESUME]!);
    // Both processes took batches, and the queue is gone once the study is done.
    expect(w1.out.stdout).toMatch(/"Resume fixture" batch \d+: done/);
    expect(w2.out.stdout).toMatch(/"Resume fixture" batch \d+: done/);
    const r = new Redis({ port: redis.port, password: redis.password });
    expect(await r.keys(`${KEY_PREFIX}:*`)).toEqual([]);
    r.disconnect();
    const manifest = JSON.parse(readFileSync(join(b, "manifest.json"), "utf8"));
    expect(manifest.execution).toMatchObject({ workers: 2, queue: `redis://127.0.0.1:${redis.port}/0` });

    for (const w of [w1, w2]) {
      w.child.kill("SIGTERM");
      expect(await w.exited).toEqual({ code: 0, signal: null });
      expect(w.out.stdout).toMatch(/pamir worker: stopped after \d+ batch\(es\), \d+ run\(s\)/);
    }
  });

  it("records failing runs over the queue like a local study (exit 1)", async () => {
    worker();
    const [q, l] = [tmp(), tmp()];
    const l0 = await runPamir("study", "test/fixtures/studies/failing.yaml", "--out", l);
    expect(l0.code).toBe(1);
    expect(l0.stdout).toMatch(/6 runs, 3 failed, in /);
    const r = await runPamir("study", "test/fixtures/studies/failing.yaml", "--queue", redis.url, "--out", q);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/6 runs, 3 failed, in /);
    expect(r.stderr).toMatch(/^pamir: 3 of 6 runs failed; their errors are in .*runs\.ndjson$/m);
    expectSameResults(q, l);
  });

  it("(b) re-runs the batch of a worker SIGKILLed mid-batch elsewhere; same results", async () => {
    const [w1, w2] = [worker(1, "--stall-timeout", "2"), worker(1, "--stall-timeout", "2")];
    await Promise.all([w1.waitFor(/serving the studies/), w2.waitFor(/serving the studies/)]);
    const dir = tmp();
    // 10 batches of ~0.4 s: w1 is killed inside one.
    const study = startPamir(
      "study",
      RESUME,
      "--queue",
      redis.url,
      "--out",
      dir,
      "--batch-runs",
      "400",
      "--quiet",
    );
    running.push(study);
    const started = await w1.waitFor(/"Resume fixture" batch (\d+): started/);
    await stopPamir(w1, "SIGKILL");
    const batch = started[1]!;
    expect(w1.out.stdout).not.toMatch(new RegExp(`batch ${batch}: done`));
    expect(await study.exited).toEqual({ code: 0, signal: null });
    expect(study.out.stderr).toBe("");
    expectSameResults(dir, local[RESUME]!);
    expect(w2.out.stdout).toMatch(/stalled \(its worker stopped\): back on the queue/);
    expect(w2.out.stdout).toMatch(new RegExp(`"Resume fixture" batch ${batch}: done`));
  });

  it("(c) resumes a SIGKILLed coordinator from Redis and disk; nothing lost or doubled", async () => {
    const w = worker(2);
    const dir = tmp();
    const args = ["study", RESUME, "--queue", redis.url, "--out", dir, "--batch-runs", "100", "--quiet"];
    const first = startPamir(...args);
    running.push(first);
    const ndjson = join(dir, "runs.ndjson");
    await w.waitFor(/joined "Resume fixture"/);
    while (lines(ndjson) < 600 && first.child.exitCode === null) await new Promise((r) => setTimeout(r, 20));
    expect(first.child.exitCode, first.out.stderr).toBeNull();
    await stopPamir(first, "SIGKILL");
    const before = lines(ndjson);
    expect(before).toBeLessThan(4000);
    // The workers go on: finished batches wait in Redis for the next coordinator.
    const hash = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")).studyHash as string;
    // An ioredis instance, not options: vitest loads BullMQ's ESM build, which cannot require ioredis itself.
    const connection = new Redis({ port: redis.port, password: redis.password, maxRetriesPerRequest: null });
    const queue = new Queue(queueName(hash), { connection, prefix: KEY_PREFIX });
    const completed = async () => (await queue.getJobCounts("completed")).completed ?? 0;
    for (let k = 0; k < 200 && (await completed()) < 3; k++) await new Promise((r) => setTimeout(r, 50));
    expect(await completed()).toBeGreaterThanOrEqual(3);
    await queue.close();
    connection.disconnect();
    const ids = rows(dir)
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).id as string);
    expect(new Set(ids).size).toBe(ids.length);

    const again = await runPamir(...args);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/4000 runs, 0 failed, in .*, \d+ resumed/);
    expectSameResults(dir, local[RESUME]!);
    expect(lines(ndjson)).toBe(4000);
  });

  it("(d) a wrong password is one clear line and exit 2, for the coordinator and for a worker", async () => {
    const dir = join(tmp(), "never");
    const study = await runPamir("study", TINY, "--queue", redis.wrongUrl, "--out", dir);
    expect(study.code).toBe(2);
    const line = `pamir: redis://127.0.0.1:${redis.port}/0: authentication failed (WRONGPASS`;
    expect(study.stderr.startsWith(line)).toBe(true);
    expect(study.stderr.trim().split("\n")).toHaveLength(1);
    expect(study.stderr).not.toContain(redis.password);
    expect(existsSync(dir)).toBe(false); // nothing touched before Redis said yes
    const w = await runPamir("worker", "--queue", redis.wrongUrl);
    expect(w.code).toBe(2);
    expect(w.stderr.trim().split("\n")).toEqual([
      expect.stringContaining("authentication failed (WRONGPASS"),
    ]);
    const none = await runPamir("worker", "--queue", `redis://127.0.0.1:${redis.port}`);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^pamir: .*authentication failed \(NOAUTH/);
  });

  it("refuses a study queued in an unknown job format, naming it, and keeps serving", async () => {
    const r = new Redis({ port: redis.port, password: redis.password });
    const hash = "f".repeat(64);
    await r.set(metaKey(hash), JSON.stringify({ format: 7, hash, name: "from the future" }));
    await r.sadd(STUDIES_KEY, hash);
    try {
      const w = worker();
      const m = await w.waitFor(/pamir worker: .*job format 7.*\n/);
      expect(m[0]).toMatch(/does not know \(it reads format 2\); run the same pamir version/);
      expect(w.child.exitCode).toBeNull();
    } finally {
      await r.srem(STUDIES_KEY, hash);
      await r.del(metaKey(hash));
      r.disconnect();
    }
  });
});

// The helpers compare whole folders; make sure a comparison with nothing in it cannot pass.
it("compares real folders", () => {
  expect(files(local[TINY]!)).toEqual(
    expect.arrayContaining(["runs.ndjson", "runs.parquet", "series.parquet"]),
  );
  expect(rows(local[TINY]!).trim().split("\n")).toHaveLength(24);
});
