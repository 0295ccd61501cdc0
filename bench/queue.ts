/**
 * Queue bench: runs per second of a study over Redis on loopback (a throwaway redis-server)
 * with 1, 2 and 4 `pamir worker` processes sharing this machine's cores (1 × all threads,
 * 2 × half, 4 × a quarter or 1), against a local study on all cores — equal cores, so the
 * ratio is the queue's overhead. Each worker layout gets its own Redis database, so all worker
 * processes stay up and the layouts alternate repeat by repeat (load from other processes hits
 * all alike). Workers start before the clock (as they would be, waiting, in a deployment); the
 * coordinator's clock includes sizing its batches. `--quick` times one layout on a 400-run tiny
 * study once. Skipped, saying so, without redis-server on PATH.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PAMIR_VERSION } from "../src/cli/version.js";
import { runQueueStudy } from "../src/queue/coordinator.js";
import { parseRedisUrl } from "../src/queue/target.js";
import { median } from "./measure.js";
import { haveRedisServer, startRedisServer } from "./redis-server.js";
import { DEFAULT_STUDY, type StudyTiming, timeStudy, timeStudyWith, tinyStudy } from "./study.js";

const MAIN = fileURLToPath(new URL("../src/cli/main.js", import.meta.url));

/** Start `processes` workers of `threads` threads on `url`; resolves once all serve. */
async function startWorkers(url: string, processes: number, threads: number): Promise<ChildProcess[]> {
  const procs = Array.from({ length: processes }, () =>
    spawn(process.execPath, [MAIN, "worker", "--queue", url, "--workers", String(threads)], {
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
  await Promise.all(
    procs.map(
      (p) =>
        new Promise<void>((resolve, reject) => {
          let out = "";
          p.stdout!.on("data", (d) => {
            out += String(d);
            if (out.includes("serving the studies")) resolve();
          });
          p.once("exit", (code) => reject(new Error(`worker exited (${code}) before serving: ${out}`)));
        }),
    ),
  );
  return procs;
}

/** Stop workers with SIGTERM and wait for them. */
function stopWorkers(procs: ChildProcess[]): Promise<unknown> {
  return Promise.all(
    procs.map((p) => {
      if (p.exitCode !== null || p.signalCode !== null) return undefined;
      const exited = new Promise((resolve) => p.once("exit", resolve));
      p.kill("SIGTERM");
      return exited;
    }),
  );
}

const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "—");

/** One line per figure: the local rate, then each worker layout's rate and its ratio to the local one. */
export async function benchQueue(quick: boolean): Promise<string[]> {
  if (!haveRedisServer()) return ["not run: redis-server is not on PATH (Debian: apt install redis-server)"];
  const cores = availableParallelism();
  // Quick (CI): one worker process only, so starting workers does not dominate.
  const layouts = (quick ? [1] : [1, 2, 4]).map((processes) => ({
    processes,
    threads: Math.max(1, Math.floor(cores / processes)),
  }));
  const server = await startRedisServer("pamir-bench");
  const tmp = mkdtempSync(join(tmpdir(), "pamir-bench-queue-"));
  const workers: ChildProcess[][] = [];
  const lines: string[] = [];
  try {
    const urls = layouts.map((_, i) => server.url.replace(/\/0$/, `/${i + 1}`));
    for (const [i, l] of layouts.entries())
      workers.push(await startWorkers(urls[i]!, l.processes, l.threads));
    const studies = quick
      ? [{ name: "tiny study (400 runs of ~0.1 ms)", file: tinyStudy(tmp, 400) }]
      : [
          { name: DEFAULT_STUDY, file: DEFAULT_STUDY },
          { name: "tiny study (10 000 runs of ~0.1 ms)", file: tinyStudy(tmp, 10_000) },
        ];
    const repeats = quick ? 1 : 3;
    for (const s of studies) {
      const local: StudyTiming[] = [];
      const queued: (StudyTiming & { coordinatorUs: number })[][] = layouts.map(() => []);
      for (let k = 0; k < repeats; k++) {
        // Quick: the queue path only (starting a local pool would double the bench's time).
        if (!quick) local.push(await timeStudy(s.file, cores));
        for (const [i] of layouts.entries()) {
          const target = parseRedisUrl(urls[i]!);
          if (!target.ok) throw new Error(target.problems[0]!.message);
          const cpu0 = process.cpuUsage();
          const t = await timeStudyWith(s.file, (study, out, onProgress) =>
            // The real version: workers refuse a study queued by another pamir version.
            runQueueStudy(study, {
              out,
              mode: "force",
              version: PAMIR_VERSION,
              redis: target.target,
              onProgress,
              onNotice: (m) => process.stderr.write(`bench queue: ${m}\n`),
            }),
          );
          // The coordinator's CPU per run, µs: this process times 3 runs, collects, checks and writes
          // rows, then the final files and summary (as a local study's main thread does).
          const cpu = process.cpuUsage(cpu0);
          queued[i]!.push({ ...t, coordinatorUs: (cpu.user + cpu.system) / t.runs });
        }
      }
      const rate = (ts: StudyTiming[]) => median(ts.map((t) => t.runs / (t.ms / 1000)));
      const steady = (ts: StudyTiming[]) => median(ts.map((t) => t.steady));
      const [lr, ls] = [rate(local), steady(local)];
      lines.push(
        local.length === 0
          ? `${s.name}, local study: not run (--quick)`
          : `${s.name}, local study on ${cores} thread(s): ${f2(lr)} runs/s end to end, ${f2(ls)} runs/s steady (medians of ${repeats})`,
      );
      for (const [i, l] of layouts.entries()) {
        const ts = queued[i]!;
        lines.push(
          `  queue, ${l.processes} worker process(es) × ${l.threads} thread(s): ${f2(rate(ts))} runs/s end to end ` +
            `(${f2(rate(ts) / lr)}× local), ${f2(steady(ts))} steady (${f2(steady(ts) / ls)}×); ${ts.at(-1)!.batch}; ` +
            `coordinator CPU ${median(ts.map((t) => t.coordinatorUs)).toFixed(0)} µs/run`,
        );
      }
    }
    if (quick) lines.push("(quick: too few runs to mean anything; the full bench runs the default study)");
  } finally {
    await Promise.all(workers.map(stopWorkers));
    await server.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
  return lines;
}

// `node dist/bench/queue.js [--quick]` runs this bench alone.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const l of await benchQueue(process.argv.includes("--quick"))) console.log(l);
}
