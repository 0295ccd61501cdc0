/**
 * The long fuzz pass (`npm run fuzz [-- --cases N --seed S --workers W]`): N mutated shipped
 * scenarios and studies, run in worker threads so that a case that hangs can be stopped (after
 * 60 s of pamir's time: a hang) and one that fills memory is caught (a 1 GB heap limit per worker, and the
 * process's resident memory sampled every 50 ms while each case runs, after a garbage
 * collection before each case when node runs with --expose-gc, as `npm run fuzz` does). Prints the counts, the
 * time and the peak memory per case, and every finding with its case index (re-run one case with
 * --from I --cases 1); exits 1 when there is a finding.
 */
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Outcome } from "./case.js";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const CASES = arg("cases", 10_000);
const SEED = arg("seed", 18);
const FROM = arg("from", 0);
const WORKERS = arg("workers", 2);
const HANG_MS = 60_000;
const MB = 1024 * 1024;

const root = mkdtempSync(join(tmpdir(), "pamir-fuzz-long-"));
cpSync("scenarios", join(root, "scenarios"), { recursive: true });

const counts: Record<string, number> = {
  ok: 0,
  "bad-input": 0,
  internal: 0,
  "run-failed": 0,
  unlocated: 0,
  hang: 0,
  memory: 0,
};
const findings: string[] = [];
/** The five cases whose resident memory rose most while they ran. */
const heaviest: { i: number; target: string; rss: number; rise: number; ms: number }[] = [];
let maxRise = 0;
const times: number[] = [];
let peakRss = 0;
let next = FROM;
const end = FROM + CASES;
const t0 = performance.now();
/** Record a finding, and say it at once (a long pass takes long). */
const finding = (f: string) => {
  findings.push(f);
  process.stderr.write(`fuzz: ${f}\n`);
};

/** One worker slot: runs cases one at a time, replaced when a case hangs or runs out of memory. */
function slot(k: number): Promise<void> {
  return new Promise((done) => {
    let worker: Worker;
    let current = -1;
    let started = 0;
    let casePeak = 0;
    let caseBase = 0;
    let finished = false;
    const sampler = setInterval(() => {
      const rss = process.memoryUsage().rss;
      casePeak = Math.max(casePeak, rss);
      if (current >= 0 && performance.now() - started > HANG_MS) {
        counts.hang!++;
        finding(`case ${current}: hang (over ${HANG_MS / 1000} s)`);
        current = -1;
        void worker.terminate();
      }
    }, 50);
    const give = () => {
      if (next >= end) {
        clearInterval(sampler);
        finished = true;
        void worker.terminate();
        return;
      }
      current = next++;
      // Until the worker says the case started, allow 10 minutes for making the mutant.
      started = performance.now() + 600_000;
      casePeak = process.memoryUsage().rss;
      worker.postMessage(current);
    };
    const start = () => {
      worker = new Worker(new URL("./worker.js", import.meta.url), {
        workerData: { root, seed: SEED, name: `fuzz-${k}` },
        resourceLimits: { maxOldGenerationSizeMb: 1024 },
      });
      worker.on(
        "message",
        (m: { i: number; started?: true; target: string; outcome: Outcome; ms: number }) => {
          if (m.started) {
            started = performance.now();
            caseBase = process.memoryUsage().rss;
            casePeak = caseBase;
            return;
          }
          counts[m.outcome.kind]!++;
          heaviest.push({ i: m.i, target: m.target, rss: casePeak, rise: casePeak - caseBase, ms: m.ms });
          heaviest.sort((a, b) => b.rise - a.rise).splice(5);
          maxRise = Math.max(maxRise, casePeak - caseBase);
          times.push(m.ms);
          peakRss = Math.max(peakRss, casePeak);
          if ("detail" in m.outcome)
            finding(`case ${m.i} (${m.target}): ${m.outcome.kind}: ${m.outcome.detail}`);
          if ((next - FROM) % 500 === 0) process.stderr.write(`fuzz: ${next - FROM} of ${CASES} cases\n`);
          current = -1;
          give();
        },
      );
      worker.on("error", (err) => {
        if (current >= 0) {
          counts.memory!++;
          finding(`case ${current}: worker died: ${err.message}`);
          current = -1;
        }
      });
      // After a hung or crashed case, go on with a fresh worker from the next case.
      worker.on("exit", () => (finished ? done() : start()));
      give();
    };
    start();
  });
}

await Promise.all(Array.from({ length: WORKERS }, (_, k) => slot(k)));
times.sort((a, b) => a - b);
const q = (p: number) =>
  times.length ? times[Math.min(times.length - 1, Math.floor(p * times.length))]! : 0;
console.log(
  `cases ${CASES} (seed ${SEED}, from ${FROM}, ${WORKERS} workers), ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);
console.log(
  Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(", "),
);
console.log(
  `time per case: median ${q(0.5).toFixed(0)} ms, 99th percentile ${q(0.99).toFixed(0)} ms, max ${q(1).toFixed(0)} ms`,
);
// The process peak includes the fuzzer's own mutants (a 74 MB one costs it a gigabyte to make);
// the rise while a case runs (after a garbage collection, one worker) is what pamir added.
console.log(`peak resident memory of the process: ${(peakRss / MB).toFixed(0)} MB`);
console.log(
  `largest rise of resident memory while one case ran: ${(maxRise / MB).toFixed(0)} MB; the five largest:`,
);
for (const h of heaviest)
  console.log(
    `  case ${h.i} (${h.target}): +${(h.rise / MB).toFixed(0)} MB (to ${(h.rss / MB).toFixed(0)} MB), ${h.ms.toFixed(0)} ms`,
  );
for (const f of findings.slice(0, 50)) console.log(f);
process.exitCode = findings.length > 0 ? 1 : 0;
