/**
 * Study bench: runs per second of the default study (scenarios/studies/economy-doctrine.yaml)
 * with 1 and 2 workers, end to end (pool start, runs, sorted files, summary), and the peak
 * resident memory of a 10 000-run study of a tiny Schelling model, measured in a child process
 * (`maxRSS` covers the main thread and every worker thread). `--quick` shrinks both.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { problemLine } from "../src/cli/problems.js";
import { type LoadedStudy, loadStudyFile } from "../src/study/load.js";
import { readManifest } from "../src/study/results/manifest.js";
import { type RunStudyResult, runStudy, type StudyProgress } from "../src/study/run/runner.js";
import { median } from "./measure.js";

/** The study the study and queue benches time. */
export const DEFAULT_STUDY = "scenarios/studies/economy-doctrine.yaml";

/** One timed study: runs, wall ms end to end, steady runs/s (between 10 % and the last run), batch figures. */
export interface StudyTiming {
  runs: number;
  ms: number;
  steady: number;
  batch: string;
}

/** Runs a loaded study into `out`, reporting progress (the local runner, or the queue coordinator). */
export type StudyRun = (
  study: LoadedStudy,
  out: string,
  onProgress: (p: StudyProgress) => void,
) => Promise<RunStudyResult>;

/** Run a study file with `run` into a fresh temporary folder and time it. */
export async function timeStudyWith(file: string, run: StudyRun): Promise<StudyTiming> {
  const loaded = loadStudyFile(file);
  if (!loaded.ok) throw new Error(loaded.problems.map(problemLine).join("\n"));
  const out = mkdtempSync(join(tmpdir(), "pamir-bench-study-"));
  try {
    // The steady rate leaves out pool start, JIT warm-up and writing the final files.
    let from: { t: number; done: number } | undefined;
    let to: { t: number; done: number } | undefined;
    const onProgress = (p: StudyProgress) => {
      const now = { t: p.elapsedMs, done: p.done };
      if (!from && p.done >= 0.1 * p.planned) from = now;
      to = now;
    };
    const t0 = performance.now();
    const r = await run(loaded.study, out, onProgress);
    const ms = performance.now() - t0;
    if (!r.ok || r.status !== "finished") throw new Error(`study did not finish: ${JSON.stringify(r)}`);
    const steady =
      from && to && to.t > from.t ? (to.done - from.done) / ((to.t - from.t) / 1000) : Number.NaN;
    const e = readManifest(out)?.execution;
    // Over the queue, a batch's time beyond its runs includes waiting for a pool thread: not an overhead figure.
    const batch = !e
      ? ""
      : e.queue
        ? `batches of ${e.batchRuns} runs, run ${e.runMs} ms`
        : `batch ≤ ${e.batchRuns} runs, overhead ${e.overheadMs} ms/batch, run ${e.runMs} ms`;
    return { runs: r.counts.done, ms, steady, batch };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Run a study file locally on `workers` threads and time it. */
export function timeStudy(file: string, workers: number): Promise<StudyTiming> {
  return timeStudyWith(file, (study, out, onProgress) =>
    runStudy(study, { out, workers, mode: "force", version: "bench", onProgress }),
  );
}

/** A tiny-model study of `runs` runs (4 points × runs/4 replicates of a 10 × 10 Schelling, 5 ticks). */
export function tinyStudy(dir: string, runs: number): string {
  writeFileSync(
    join(dir, "tiny.yaml"),
    "model: schelling\nticks: 5\nparams: { width: 10, height: 10, agents: 40 }\n",
  );
  const file = join(dir, "study.yaml");
  writeFileSync(
    file,
    `name: bench tiny\nscenario: tiny.yaml\nreplicates: ${runs / 4}\n` +
      "factors:\n  params.minToBeHappy: { values: [1, 2, 3, 4] }\n",
  );
  return file;
}

/** In the child: run the study with 2 workers and print peak RSS (MB), runs and wall ms as JSON. */
async function rssChild(file: string): Promise<void> {
  const r = await timeStudy(file, 2);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ...r, maxRssMb })}\n`);
}

/** Peak RSS of a `runs`-run tiny study, run in a child process. */
function peakRss(runs: number): { runs: number; ms: number; maxRssMb: number } {
  const dir = mkdtempSync(join(tmpdir(), "pamir-bench-rss-"));
  try {
    const file = tinyStudy(dir, runs);
    const self = fileURLToPath(import.meta.url);
    const r = spawnSync(process.execPath, [self, "--rss-child", file], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`rss child failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split("\n").pop()!) as { runs: number; ms: number; maxRssMb: number };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One line per figure: runs/s at 1 and 2 workers and the speed-up, then peak memory. */
export async function benchStudy(quick: boolean): Promise<string[]> {
  const lines: string[] = [];
  let file = DEFAULT_STUDY;
  let tmp: string | undefined;
  if (quick) {
    // Quick: the default study's design on a 30-day horizon, 2 replicates (8 runs).
    tmp = mkdtempSync(join(tmpdir(), "pamir-bench-quick-"));
    file = join(tmp, "study.yaml");
    const base = resolve("scenarios/baseline.yaml");
    writeFileSync(
      file,
      `name: quick\nscenario: ${base}\nticks: 30\nreplicates: 2\nfactors:\n` +
        "  params.security.TJ.corruption: { values: [0.3, 0.8] }\n" +
        "  params.security.TJ.doctrine: { values: [{ border: 0.8 }, { border: 0.3, corridor: 0.6 }] }\n",
    );
  }
  try {
    const repeats = quick ? 1 : 3;
    // 1 and 2 workers alternate, so load from other processes hits both alike.
    const rates: Record<number, number[]> = { 1: [], 2: [] };
    const steady: Record<number, number[]> = { 1: [], 2: [] };
    const batch: Record<number, string> = {};
    for (let k = 0; k < repeats; k++) {
      for (const workers of [1, 2]) {
        const t = await timeStudy(file, workers);
        rates[workers]!.push(t.runs / (t.ms / 1000));
        steady[workers]!.push(t.steady);
        batch[workers] = t.batch;
      }
    }
    const rate = { 1: median(rates[1]!), 2: median(rates[2]!) };
    const flat = { 1: median(steady[1]!), 2: median(steady[2]!) };
    const name = quick ? "quick study" : DEFAULT_STUDY;
    for (const w of [1, 2] as const) {
      lines.push(
        `${name}, ${w} worker(s): ${rate[w].toFixed(2)} runs/s end to end, ${flat[w].toFixed(2)} runs/s steady ` +
          `(medians of ${repeats}; ${batch[w]})`,
      );
    }
    lines.push(
      `speed-up 1 → 2 workers: ${(rate[2] / rate[1]).toFixed(2)}× end to end, ${(flat[2] / flat[1]).toFixed(2)}× steady` +
        (quick ? " (8 runs: too few to mean anything; the full bench runs the default study)" : ""),
    );
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
  const big = quick ? 1000 : 10_000;
  const m = peakRss(big);
  lines.push(
    `${m.runs}-run tiny study, 2 workers: peak RSS ${m.maxRssMb.toFixed(0)} MB, ${(m.ms / 1000).toFixed(1)} s`,
  );
  return lines;
}

if (process.argv[2] === "--rss-child" && process.argv[3]) await rssChild(process.argv[3]);
