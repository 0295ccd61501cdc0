/**
 * Running a loaded study into a results folder: open (fresh, resume or refuse), send the runs not
 * yet done to the executor in measured batches, append every returned row to runs.ndjson as it
 * arrives, and at the end sort the rows into plan order, write runs.csv, the manifest and the
 * summary. Memory holds counts, a done-flag per planned run and the batches in flight — never
 * the rows. A stop request ends dispatching and waits for the batches in flight; a drop request
 * abandons them. Failures are returned as data.
 */
import { join } from "node:path";
import type { BatchContext, RunTask } from "./batch.js";
import { BatchSizer } from "./batching.js";
import { pointArm, pointValues } from "./design.js";
import { type Executor, poolExecutor } from "./executor.js";
import { finalizeRuns } from "./finalize.js";
import type { LoadedStudy } from "./load.js";
import { newManifest, planShape, writeManifest } from "./manifest.js";
import { LineAppender } from "./ndjson.js";
import { coordsOf, plannedRuns, runId, runSeed } from "./plan.js";
import { type OpenError, type OpenMode, openResultsDir } from "./results-dir.js";
import { buildRow, type PointInfo, type RunRecord, rowLine } from "./rows.js";

/** Where a study stands, for progress displays. */
export interface StudyProgress {
  planned: number;
  /** Runs done, including those found done when resuming. */
  done: number;
  failed: number;
  /** Runs found done when the session started. */
  resumed: number;
  /** Wall time of this session so far, ms. */
  elapsedMs: number;
}

/** How to run a study. */
export interface RunStudyOptions {
  /** Results folder. */
  out: string;
  /** Worker threads. */
  workers: number;
  /** Fresh/resume (auto), resume only, or start over. */
  mode: OpenMode;
  /** pamir version for the manifest. */
  version: string;
  /** Executor factory (default: a piscina pool of the compiled worker). */
  executor?: ((ctx: BatchContext, workers: number) => Executor) | undefined;
  /** Called after every batch. */
  onProgress?: ((p: StudyProgress) => void) | undefined;
  /** Stop dispatching; batches in flight finish and are kept. */
  stop?: AbortSignal | undefined;
  /** Abandon batches in flight (after `stop`, for a second Ctrl-C). */
  drop?: AbortSignal | undefined;
  /** Writes summary.json/summary.csv from the finished folder (default: the stats module's writeSummary). */
  summarize?: ((dir: string) => Promise<{ ok: true } | { ok: false; error: Error }>) | undefined;
}

/** How a study run ended. */
export type RunStudyResult =
  | {
      ok: true;
      status: "finished" | "interrupted";
      dir: string;
      counts: { planned: number; done: number; failed: number };
      /** Runs found done at start. */
      resumed: number;
      /** Whether a torn last line was cut off at start. */
      tornLine: boolean;
      elapsedMs: number;
      /** Set when writing the summary failed (the runs are all written). */
      summaryError?: Error | undefined;
    }
  | { ok: false; error: OpenError | { kind: "executor"; message: string } };

/** Run `study` into `opts.out`. */
export async function runStudy(study: LoadedStudy, opts: RunStudyOptions): Promise<RunStudyResult> {
  const t0 = performance.now();
  const shape = planShape(study);
  const planned = plannedRuns(shape);
  const open = openResultsDir(opts.out, study.hash, shape, opts.mode);
  if (!open.ok) return open;
  const { done, tornLine } = open.opened;
  const resumed = open.opened.doneCount;
  const counts = { planned, done: resumed, failed: open.opened.failedCount };
  const manifest = newManifest(study, opts.version, new Date());
  if (open.opened.previous) manifest.startedAt = open.opened.previous.startedAt;
  manifest.counts = { ...counts };
  writeManifest(opts.out, manifest);

  const { input, design } = study;
  const paths = design.factors.map((f) => f.path);
  const context: BatchContext = {
    hash: study.hash,
    scenarios: study.scenarios.map((s) => ({ key: s.key, file: s.file, text: s.text })),
    paths,
    ticks: input.ticks,
    keep: input.keep,
    series: input.series ? { ...input.series, dir: join(opts.out, "series") } : undefined,
  };
  const exec = (opts.executor ?? poolExecutor)(context, opts.workers);
  const appender = new LineAppender(join(opts.out, "runs.ndjson"));
  const sizer = new BatchSizer(exec.workers);

  // Point data is recomputed on demand; a small cache covers the points of batches in flight.
  const points = new Map<number, { values: unknown[]; info: PointInfo }>();
  const pointOf = (p: number) => {
    let e = points.get(p);
    if (!e) {
      if (points.size > 4096) points.clear();
      const values = pointValues(design, p);
      e = {
        values,
        info: { factors: Object.fromEntries(paths.map((k, i) => [k, values[i]])), arm: pointArm(design, p) },
      };
      points.set(p, e);
    }
    return e;
  };

  let cursor = 0;
  let remaining = planned - resumed;
  const take = (n: number): RunTask[] => {
    const tasks: RunTask[] = [];
    while (tasks.length < n && cursor < planned) {
      const i = cursor++;
      if (done[i]) continue;
      const c = coordsOf(shape, i);
      const id = runId(shape, i);
      tasks.push({
        index: i,
        id,
        scenario: c.scenario,
        point: c.point,
        seed: runSeed(input.seed, id),
        values: pointOf(c.point).values,
      });
    }
    remaining -= tasks.length;
    return tasks;
  };

  const progress = () => opts.onProgress?.({ ...counts, resumed, elapsedMs: performance.now() - t0 });
  const receive = (tasks: RunTask[], records: RunRecord[]) => {
    let text = "";
    let busy = 0;
    // A batch replies with one record per task, in task order.
    records.forEach((rec, k) => {
      const task = tasks[k]!;
      text += rowLine(buildRow(shape, task.seed, pointOf(task.point).info, rec));
      done[rec.index] = 1;
      counts.done++;
      if (rec.status === "failed") counts.failed++;
      busy += rec.durationMs;
    });
    // One write of whole lines per batch: a crash can only cut the last line short.
    if (text !== "") appender.append(text);
    sizer.observe(records.length, busy);
    progress();
  };

  let failure: string | undefined;
  const stopped = () => opts.stop?.aborted === true || opts.drop?.aborted === true || failure !== undefined;
  const send = async (tasks: RunTask[]) => {
    try {
      const reply = await exec.run(tasks);
      if (opts.drop?.aborted !== true) receive(tasks, reply.records);
    } catch (err) {
      if (opts.drop?.aborted !== true) failure ??= err instanceof Error ? err.message : String(err);
    }
  };

  let destroyed = false;
  const destroy = async () => {
    if (destroyed) return;
    destroyed = true;
    await exec.destroy();
  };
  const onDrop = () => void destroy();
  opts.drop?.addEventListener("abort", onDrop, { once: true });
  const dropped = aborted(opts.drop);
  let lastBatch = 1;
  try {
    // Warm-up: one run per worker measures run time; empty batches then measure dispatch overhead.
    const firsts = Array.from({ length: exec.workers }, () => take(1)).filter((t) => t.length > 0);
    await Promise.all(firsts.map(send));
    const pings: number[] = [];
    for (let k = 0; k < 5 && remaining > 0 && !stopped(); k++) {
      const p0 = performance.now();
      await exec.run([]);
      pings.push(performance.now() - p0);
    }
    sizer.overheadMs = pings.length > 0 ? pings.sort((a, b) => a - b)[pings.length >> 1]! : 0;

    // Steady state: two batches per worker in flight, so no worker waits for the main thread.
    const inFlight = new Set<Promise<void>>();
    while (!stopped() && (remaining > 0 || inFlight.size > 0)) {
      while (!stopped() && remaining > 0 && inFlight.size < 2 * exec.workers) {
        const tasks = take(sizer.next(remaining));
        lastBatch = Math.max(lastBatch, tasks.length);
        const p: Promise<void> = send(tasks).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      if (inFlight.size > 0) await Promise.race([...inFlight, dropped]);
    }
    if (opts.drop?.aborted !== true) await Promise.all(inFlight);
  } finally {
    opts.drop?.removeEventListener("abort", onDrop);
    appender.close();
    if (opts.drop?.aborted === true) await destroy();
    else await exec.close();
  }

  const elapsedMs = () => performance.now() - t0;
  manifest.execution = {
    workers: exec.workers,
    batchRuns: lastBatch,
    overheadMs: Math.round(sizer.overheadMs * 1000) / 1000,
    runMs: Math.round(sizer.runMs * 1000) / 1000 || 0,
  };
  if (failure !== undefined || counts.done < planned) {
    manifest.counts = { ...counts };
    writeManifest(opts.out, manifest);
    if (failure !== undefined) return { ok: false, error: { kind: "executor", message: failure } };
    return {
      ok: true,
      status: "interrupted",
      dir: opts.out,
      counts,
      resumed,
      tornLine,
      elapsedMs: elapsedMs(),
    };
  }

  const final = finalizeRuns(opts.out, shape, paths, Object.keys(pointArm(design, 0) ?? {}));
  manifest.counts = { planned, done: final.done, failed: final.failed };
  manifest.endedAt = new Date().toISOString();
  writeManifest(opts.out, manifest);
  // Loaded only now: the statistics (mathjs) would otherwise sit in memory for the whole study.
  const summarize = opts.summarize ?? (await import("../stats/write-summary.js")).writeSummary;
  const summary = await summarize(opts.out);
  return {
    ok: true,
    status: "finished",
    dir: opts.out,
    counts: manifest.counts,
    resumed,
    tornLine,
    elapsedMs: elapsedMs(),
    summaryError: summary.ok ? undefined : summary.error,
  };
}

/** A promise that resolves when `signal` aborts (never, without one). */
function aborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });
}
