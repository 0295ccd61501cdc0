/**
 * The queue as a trust boundary, on a real redis-server: whoever can write to Redis may forge
 * replies and jobs. A coordinator refuses forged replies (a path-traversing series id, a run id it
 * did not plan, an outcome of the wrong type) and forged jobs, saying why, and queues the batch
 * again; a worker refuses forged studies (a prototype path, a local map path) before running
 * anything and matches a pathological `keep:` glob in linear time. In every case the study goes
 * on and its results equal a clean run's.
 */
import { execFileSync, spawn } from "node:child_process";
import {
  closeSync,
  constants,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { type Job, Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PAMIR_VERSION } from "../../src/cli/version.js";
import { KEY_PREFIX, metaKey, queueName, STUDIES_CHANNEL, STUDIES_KEY } from "../../src/queue/names.js";
import { JOB_FORMAT } from "../../src/queue/payload.js";
import {
  type Pamir,
  type RedisServer,
  ROOT,
  runPamir,
  startPamir,
  startRedisServer,
  stopPamir,
} from "./redis.js";

const TINY = "test/fixtures/studies/tiny.yaml";
const TINY_SCENARIO = readFileSync(join(ROOT, "test/fixtures/studies/tiny-scenario.yaml"), "utf8");
const tmp = () => mkdtempSync(join(tmpdir(), "pamir-trust-"));
/** runs.ndjson without its one wall-clock field. */
const rows = (dir: string) =>
  readFileSync(join(dir, "runs.ndjson"), "utf8").replace(/"durationMs":[^,]+,/g, "");

let redis: RedisServer;
let local: string;
let hash: string;
const running: Pamir[] = [];
const closers: (() => Promise<unknown>)[] = [];
/** A test-side Redis connection (an ioredis instance: vitest loads BullMQ's ESM build). */
const connection = () => {
  const r = new Redis({ port: redis.port, password: redis.password, maxRetriesPerRequest: null });
  closers.push(async () => r.disconnect());
  return r;
};
const worker = (...extra: string[]) => {
  const p = startPamir("worker", "--queue", redis.url, "--workers", "1", "--verbose", ...extra);
  running.push(p);
  return p;
};

/** Expect `dir` to hold the clean local results (rows but their run times, CSVs, summary, series). */
function expectCleanResults(dir: string): void {
  expect(rows(dir)).toBe(rows(local));
  for (const f of ["runs.csv", "summary.csv", "summary.json", "runs.parquet", "series.parquet"])
    expect(readFileSync(join(dir, f)).equals(readFileSync(join(local, f))), f).toBe(true);
}

beforeAll(async () => {
  redis = await startRedisServer();
  local = tmp();
  const r = await runPamir("study", TINY, "--out", local, "--quiet");
  expect(r.code).toBe(0);
  hash = JSON.parse(readFileSync(join(local, "manifest.json"), "utf8")).studyHash;
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => stopPamir(p)));
  for (const close of closers.splice(0).reverse()) await close();
});

afterAll(async () => {
  await redis?.stop();
});

describe("a coordinator refuses forged replies", () => {
  it("path-traversing series id, unplanned run id, outcome of the wrong type: refused, re-queued, clean results", async () => {
    const dir = tmp();
    const outside = tmp();
    const traversal = relative(join(dir, "series"), join(outside, "pwned"));
    expect(traversal.startsWith("../")).toBe(true);
    const forgeries: ((rec: Record<string, unknown>, k: number) => Record<string, unknown>)[] = [
      (rec) => ({
        ...rec,
        series: { id: traversal, every: 2, ticks: [2, 4, 5], series: { happy_share: [1, 1, 1] } },
      }),
      (rec, k) =>
        k === 0 ? { ...rec, series: { ...(rec.series as object), id: "tiny-scenario/p99/r0" } } : rec,
      (rec) => ({ ...rec, outcomes: { happy_share: "1e9", moves_total: 1e9, segregation: 0 } }),
    ];
    // A forged worker: takes three batches by hand and answers each with one kind of forgery.
    const forger = new Worker(queueName(hash), null, { connection: connection(), prefix: KEY_PREFIX });
    closers.push(() => forger.close());
    const study = startPamir("study", TINY, "--queue", redis.url, "--out", dir, "--batch-runs", "4");
    running.push(study);
    for (const forge of forgeries) {
      let job: Job | undefined;
      for (let k = 0; k < 30 && !job; k++) job = await forger.getNextJob("forger");
      if (!job) throw new Error(`no batch to forge a reply to:\n${study.out.stderr}`);
      const tasks = job.data.tasks as { index: number; id: string }[];
      const records = tasks.map((t, k) =>
        forge(
          {
            index: t.index,
            status: "ok",
            durationMs: 1,
            ticks: 5,
            outcomes: { happy_share: 1, moves_total: 0, segregation: 0 },
            series: { id: t.id, every: 2, ticks: [2, 4, 5], series: { happy_share: [1, 1, 1] } },
          },
          k,
        ),
      );
      await job.moveToCompleted({ format: JOB_FORMAT, records }, "forger", false);
    }
    await forger.close();
    worker();
    const { code } = await study.exited;
    const said = study.out.stderr;
    expect(existsSync(join(outside, "pwned.json"))).toBe(false);
    expect(code, said).toBe(0);
    expect(said).toMatch(
      /refused the reply to batch \S+ \(queued again\): .*series id "\.\.\/.*pwned" is not run /,
    );
    expect(said).toMatch(
      /refused the reply to batch \S+ \(queued again\): .*series id "tiny-scenario\/p99\/r0"/,
    );
    expect(said).toMatch(/refused the reply to batch \S+ \(queued again\): .*outcomes\.happy_share/);
    expect(study.out.stdout).toMatch(/24 runs, 0 failed, in /);
    expectCleanResults(dir);
  });

  it("ignores a forged job that does not match the plan (another seed for a planned run)", async () => {
    const w = worker();
    const forged = new Queue(queueName(hash), { connection: connection(), prefix: KEY_PREFIX });
    closers.push(() => forged.close());
    const task = { index: 0, id: "tiny-scenario/p0/r0", scenario: 0, point: 0, seed: 12345, values: [2, 0] };
    await forged.add(
      "batch",
      { format: JOB_FORMAT, study: hash, batch: 0, tasks: [task] },
      { jobId: "forged-seed" },
    );
    const proto = { ...task, values: [JSON.parse('{"__proto__": {"polluted": 1}}'), 0] };
    await forged.add(
      "batch",
      { format: JOB_FORMAT, study: hash, batch: 1, tasks: [proto] },
      { jobId: "forged-proto" },
    );
    const dir = tmp();
    const r = await runPamir("study", TINY, "--queue", redis.url, "--out", dir, "--batch-runs", "4");
    expect(r.code, r.stderr).toBe(0);
    expectCleanResults(dir);
    expect(w.out.stdout).toMatch(
      /refused job forged-proto: .*prototype key at tasks\.0\.values\.0\.__proto__/,
    );
    expect(r.stderr).toMatch(/ignored job forged-seed is not a batch of this study/);
  });
});

describe("jobs and replies signed with --key-file", () => {
  it("refuses a well-formed but unsigned reply that every other check passes; workers without the key refuse the study", async () => {
    const keyFile = join(tmp(), "key");
    writeFileSync(keyFile, `${"0123456789abcdef".repeat(4)}\n`);
    const dir = tmp();
    const forger = new Worker(queueName(hash), null, { connection: connection(), prefix: KEY_PREFIX });
    closers.push(() => forger.close());
    const keyless = worker();
    await keyless.waitFor(/serving the studies/);
    const args = [
      "study",
      TINY,
      "--queue",
      redis.url,
      "--out",
      dir,
      "--batch-runs",
      "4",
      "--key-file",
      keyFile,
    ];
    const study = startPamir(...args);
    running.push(study);
    let job: Job | undefined;
    for (let k = 0; k < 30 && !job; k++) job = await forger.getNextJob("forger");
    if (!job) throw new Error(`no batch to forge a reply to:\n${study.out.stderr}`);
    // Kept outcomes, the planned series ids and ticks: only the missing signature gives it away.
    const records = (job.data.tasks as { index: number; id: string }[]).map((t) => ({
      index: t.index,
      status: "ok",
      durationMs: 1,
      ticks: 5,
      outcomes: { happy_share: 0.5, moves_total: 1e9, segregation: 0.5 },
      series: { id: t.id, every: 2, ticks: [2, 4, 5], series: { happy_share: [0.5, 0.5, 0.5] } },
    }));
    await job.moveToCompleted({ format: JOB_FORMAT, records }, "forger", false);
    await forger.close();
    await keyless.waitFor(/refused study "Tiny Schelling study".*\n/);
    expect(keyless.out.stdout).toMatch(/the study is signed: start this worker with the study's --key-file/);
    worker("--key-file", keyFile);
    const { code } = await study.exited;
    expect(code, study.out.stderr).toBe(0);
    expect(study.out.stderr).toMatch(
      /refused the reply to batch \S+ \(queued again\): .*the reply is not signed/,
    );
    expectCleanResults(dir);
  });
});

describe("a worker refuses forged studies", () => {
  /** Publish a forged study `key` of the tiny scenario with `context` overrides and one job. */
  async function forgeStudy(n: number, context: Record<string, unknown>, values: unknown[]): Promise<string> {
    const h = n.toString(16).repeat(64).slice(0, 64);
    const r = connection();
    const meta = {
      format: JOB_FORMAT,
      hash: h,
      name: `forged ${n}`,
      pamir: PAMIR_VERSION,
      git: null,
      planned: 1,
      batchRuns: 1,
      context: {
        scenarios: [{ key: "s", file: "/forged/s.yaml", text: TINY_SCENARIO }],
        paths: [],
        ...context,
      },
    };
    await r.set(metaKey(h), JSON.stringify(meta));
    const q = new Queue(queueName(h), { connection: r, prefix: KEY_PREFIX });
    closers.push(async () => {
      await q.obliterate({ force: true });
      await q.close();
      await r.srem(STUDIES_KEY, h);
      await r.del(metaKey(h));
    });
    const task = { index: 0, id: "s/p0/r0", scenario: 0, point: 0, seed: 1, values };
    await q.add("batch", { format: JOB_FORMAT, study: h, batch: 0, tasks: [task] }, { jobId: `${h}-0` });
    await r.sadd(STUDIES_KEY, h);
    await r.publish(STUDIES_CHANNEL, h);
    return h;
  }

  it("prototype path, local map path: refused before anything runs; pathological glob: fast; the study goes on", async () => {
    const fifo = join(tmp(), "map.json");
    execFileSync("mkfifo", [fifo]);
    const existing = join(tmp(), "secret.json");
    writeFileSync(existing, "{}");
    const w = worker();
    await w.waitFor(/serving the studies/);
    await forgeStudy(1, { paths: ["__proto__.corruption"] }, [0.9]);
    for (const [n, file] of [
      [2, fifo],
      [3, existing],
    ] as const)
      await forgeStudy(
        n,
        { scenarios: [{ key: "s", file: "/forged/s.yaml", text: `${TINY_SCENARIO}map: ${file}\n` }] },
        [],
      );
    const glob = await forgeStudy(4, { keep: ["*?*?*?*?*?*?*?*?*?*?*?*?!"] }, []);
    await w.waitFor(/forged 1.*\n/);
    const dir = tmp();
    const r = await runPamir("study", TINY, "--queue", redis.url, "--out", dir, "--batch-runs", "4");
    expect(r.code, r.stderr).toBe(0);
    expectCleanResults(dir);
    const log = w.out.stdout;
    expect(log).toMatch(/refused study "forged 1".*paths\.0: .*"ticks" or a parameter path/);
    // The same words whether the local file exists or not: nothing about it leaks, it is never opened.
    const said = (n: number) => log.match(new RegExp(`refused study "forged ${n}".*`))?.[0] ?? "";
    expect(said(2)).toMatch(
      /names the map file ".*map\.json" but does not carry it: a worker never opens a local path/,
    );
    expect(said(3).replace(existing, "F")).toBe(
      said(2).replace(fifo, "F").replace("forged 2", "forged 3").replace(/2{12}/, "3".repeat(12)),
    );
    // Nobody has the FIFO open for reading: opening it to write without blocking says so (ENXIO).
    expect(() => closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK))).toThrow(/ENXIO/);
    // The glob study was served: its one run finished (without backtracking) before the real study did.
    expect(log).toMatch(/"forged 4" batch 0: done/);
    expect(log).not.toMatch(/refused study "forged 4"/);
    expect(glob).toMatch(/^4+$/);
  });
});

/** This machine's first non-loopback IPv4 address, if it has one. */
function outsideAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === "IPv4" && !a.internal) return a.address;
  return undefined;
}

/** A redis-server without a password on a free port, bound to loopback and `address`. */
async function startOpenRedis(address: string): Promise<{ port: number; stop: () => Promise<void> }> {
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const dir = tmp();
  const args = ["--port", String(port), "--bind", "127.0.0.1", address, "--save", "", "--appendonly", "no"];
  const child = spawn("redis-server", [...args, "--protected-mode", "no"], { cwd: dir });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += String(d);
      if (out.includes("Ready to accept connections")) resolve();
    });
    child.once("exit", () => reject(new Error(`redis-server exited:\n${out}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill();
    });
  return { port, stop };
}

const address = outsideAddress();
describe.skipIf(address === undefined)("a worker and a Redis that needs no password", () => {
  it("refuses it off loopback (exit 2, saying why), serves it on loopback or with --insecure, saying so", async () => {
    const open = await startOpenRedis(address!);
    closers.push(open.stop);
    const off = await runPamir("worker", "--queue", `redis://${address}:${open.port}`);
    expect(off.code).toBe(2);
    expect(off.stderr).toMatch(
      new RegExp(
        `^pamir: redis://${address}:${open.port}/0 accepts clients without a password, .*or pass --insecure\\n$`,
      ),
    );
    for (const [url, why] of [
      [`redis://127.0.0.1:${open.port}`, "it is on loopback"],
      [`redis://${address}:${open.port}`, "--insecure"],
    ] as const) {
      const w = startPamir(
        "worker",
        "--queue",
        url,
        "--workers",
        "1",
        ...(why === "--insecure" ? [why] : []),
      );
      running.push(w);
      await w.waitFor(/serving the studies/);
      expect(w.out.stdout).toMatch(
        new RegExp(`warning: .* accepts clients without a password \\(served: ${why}\\)`),
      );
    }
    // A password given to such a server changes nothing: it still accepts anyone.
    const given = await runPamir("worker", "--queue", `redis://:whatever@${address}:${open.port}`);
    expect(given.code).toBe(2);
    expect(given.stderr).toMatch(/accepts clients without a password/);
  });
});
