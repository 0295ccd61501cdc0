/**
 * One session of a study on its results folder, whoever runs the batches (the local worker pool
 * or workers behind a Redis queue): open the folder (fresh, resume or refuse), make run tasks
 * from plan indexes, append every returned row to runs.ndjson as it arrives (a run already
 * recorded is skipped, so a batch done twice is written once), and at the end sort the rows
 * into plan order, write runs.csv, the manifest and the summary. Memory holds counts and a
 * done-flag per planned run, never the rows. Failures are returned as data.
 */
import { join } from "node:path";
import { type Failure, failure, type Problem, problem } from "../../core/problems.js";
import { pointArm, pointValues } from "../designs/design.js";
import { writeDesignFile } from "../designs/design-file.js";
import type { LoadedStudy } from "../load.js";
import { coordsOf, indexOfId, type PlanShape, plannedRuns, runId, runSeed } from "../plan.js";
import type { BatchContext, RunTask } from "../run/batch.js";
import { buildRow, type PointInfo, type RunRecord, rowLine } from "../run/rows.js";
import { writeOutcomesFile } from "./catalogue.js";
import { finalizeRuns } from "./finalize.js";
import { type OpenMode, openResultsDir, type StudyCheck } from "./folder.js";
import { type Manifest, newManifest, planShape, writeManifest } from "./manifest.js";
import { LineAppender } from "./ndjson.js";
import { writeSeries } from "./series.js";

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
      summaryProblems?: Problem[] | undefined;
    }
  | Failure;

/** Writes summary.json/summary.csv from a finished folder. */
export type Summarize = (dir: string) => Promise<{ ok: true } | Failure>;

/** How to open a session. */
export interface SessionOptions {
  /** Results folder. */
  out: string;
  /** Fresh/resume (auto), resume only, or start over. */
  mode: OpenMode;
  /** pamir version for the manifest. */
  version: string;
  /** Called after every received batch. */
  onProgress?: ((p: StudyProgress) => void) | undefined;
  /** Summary writer (default: the stats module's writeSummary). */
  summarize?: Summarize | undefined;
}

/** An open study session. */
export interface StudySession {
  readonly shape: PlanShape;
  readonly planned: number;
  /** Runs done and failed so far, this session's and the resumed ones. */
  readonly counts: { planned: number; done: number; failed: number };
  /** Runs found done at start. */
  readonly resumed: number;
  /** 1 per plan index done. */
  readonly done: Uint8Array;
  /** What every batch shares; series are written into the results folder. */
  readonly context: BatchContext;
  /** The run task of plan index `i`. */
  task(i: number): RunTask;
  /** Tasks of the plan indexes in [from, to) not done yet. */
  tasksIn(from: number, to: number): RunTask[];
  /** Record a batch's records (one per task, in task order); returns the runs newly recorded and their summed run time. */
  receive(tasks: readonly RunTask[], records: readonly RunRecord[]): { runs: number; busyMs: number };
  /** Where the study stands now. */
  progress(): StudyProgress;
  /** Close runs.ndjson (idempotent; `finish` does it too). */
  close(): void;
  /** Close runs.ndjson and end the session: interrupted, failed, or finished (sorted files and summary). */
  finish(execution: Manifest["execution"], failed?: string): Promise<RunStudyResult>;
}

/** Open `study` in `opts.out`. */
export function openSession(
  study: LoadedStudy,
  opts: SessionOptions,
): { ok: true; session: StudySession } | Failure {
  const t0 = performance.now();
  const shape = planShape(study);
  const planned = plannedRuns(shape);
  const { task, pointOf } = planTasks(study, shape);
  const open = openResultsDir(opts.out, study.hash, shape, opts.mode, studyCheck(study, shape, pointOf));
  if (!open.ok) return open;
  const { done, tornLine, previous, doneCount: resumed } = open.opened;
  const counts = { planned, done: resumed, failed: open.opened.failedCount };
  const manifest = newManifest(study, opts.version, new Date());
  if (previous) manifest.startedAt = previous.startedAt;
  manifest.counts = { ...counts };
  writeManifest(opts.out, manifest);
  writeDesignFile(opts.out, study.design);

  const seriesDir = join(opts.out, "series");
  const context = batchContext(study, seriesDir);
  const appender = new LineAppender(join(opts.out, "runs.ndjson"));
  const progress = (): StudyProgress => ({ ...counts, resumed, elapsedMs: performance.now() - t0 });

  const receive = (tasks: readonly RunTask[], records: readonly RunRecord[]) => {
    let text = "";
    let runs = 0;
    let busyMs = 0;
    records.forEach((rec, k) => {
      const t = tasks[k]!;
      if (done[rec.index]) return;
      // A series that came back with its record (a remote worker) is on disk before its row.
      if (rec.series) writeSeries(seriesDir, rec.series);
      text += rowLine(buildRow(shape, t.seed, pointOf(t.point).info, rec));
      done[rec.index] = 1;
      counts.done++;
      if (rec.status === "failed") counts.failed++;
      runs++;
      busyMs += rec.durationMs;
    });
    // One write of whole lines per batch: a crash can only cut the last line short.
    if (text !== "") appender.append(text);
    opts.onProgress?.(progress());
    return { runs, busyMs };
  };

  const ending: Ending = { study, opts, shape, manifest, counts, resumed, tornLine, t0 };
  const finish = (execution: Manifest["execution"], failed?: string) => {
    appender.close();
    return finishSession(ending, execution, failed);
  };
  const tasksIn = (from: number, to: number) => {
    const out: RunTask[] = [];
    for (let i = from; i < to; i++) if (!done[i]) out.push(task(i));
    return out;
  };
  const close = () => appender.close();
  const session = {
    close,
    shape,
    planned,
    counts,
    resumed,
    done,
    context,
    task,
    tasksIn,
    receive,
    progress,
    finish,
  };
  return { ok: true, session };
}

/** What every batch of `study` shares; series are written into `seriesDir`. */
function batchContext(study: LoadedStudy, seriesDir: string): BatchContext {
  const { input, design } = study;
  return {
    hash: study.hash,
    scenarios: study.scenarios.map((s) => ({ key: s.key, file: s.file, text: s.text })),
    paths: design.factors.map((f) => f.path),
    ticks: input.ticks,
    keep: input.keep,
    series: input.series ? { ...input.series, dir: seriesDir } : undefined,
  };
}

/** A row belongs to `study` when its seed and factor values are those the plan gives its id. */
function studyCheck(
  study: LoadedStudy,
  shape: PlanShape,
  pointOf: (p: number) => { info: PointInfo },
): StudyCheck {
  return {
    foreignRow(row) {
      if (row.seed !== runSeed(study.input.seed, row.id))
        return `run ${row.id} has seed ${String(row.seed)}, this study gives it ${runSeed(study.input.seed, row.id)}`;
      const want = pointOf(coordsOf(shape, indexOfId(shape, row.id)).point).info.factors;
      if (JSON.stringify(row.factors ?? {}) !== JSON.stringify(want))
        return `run ${row.id} has other factor values than this study gives it`;
      return undefined;
    },
  };
}

/** The run task of each plan index, and each point's values and row data (recomputed on demand). */
function planTasks(study: LoadedStudy, shape: PlanShape) {
  const { design, input } = study;
  const paths = design.factors.map((f) => f.path);
  // A small cache covers the points of the batches in flight.
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
  const task = (i: number): RunTask => {
    const c = coordsOf(shape, i);
    const id = runId(shape, i);
    return {
      index: i,
      id,
      scenario: c.scenario,
      point: c.point,
      seed: runSeed(input.seed, id),
      values: pointOf(c.point).values,
    };
  };
  return { task, pointOf };
}

/** What ending a session needs. */
interface Ending {
  study: LoadedStudy;
  opts: SessionOptions;
  shape: PlanShape;
  manifest: Manifest;
  counts: StudySession["counts"];
  resumed: number;
  tornLine: boolean;
  t0: number;
}

/**
 * End a session whose runs file is closed: interrupted or failed (the manifest keeps the counts),
 * or finished (rows sorted into plan order, runs.csv, the manifest's end, the summary).
 */
async function finishSession(
  e: Ending,
  execution: Manifest["execution"],
  failed?: string,
): Promise<RunStudyResult> {
  const { opts, manifest, counts, resumed, tornLine } = e;
  const elapsedMs = () => performance.now() - e.t0;
  manifest.execution = execution;
  if (failed !== undefined || counts.done < counts.planned) {
    manifest.counts = { ...counts };
    writeManifest(opts.out, manifest);
    if (failed !== undefined) return failure(problem("executor", "", failed));
    const status = "interrupted";
    return { ok: true, status, dir: opts.out, counts, resumed, tornLine, elapsedMs: elapsedMs() };
  }
  const { design } = e.study;
  const paths = design.factors.map((f) => f.path);
  const final = finalizeRuns(opts.out, e.shape, paths, Object.keys(pointArm(design, 0) ?? {}));
  manifest.counts = { planned: counts.planned, done: final.done, failed: final.failed };
  writeOutcomesFile(opts.out, e.study);
  manifest.endedAt = new Date().toISOString();
  writeManifest(opts.out, manifest);
  // Loaded only now: the statistics (mathjs) would otherwise sit in memory for the whole study.
  const summarize = opts.summarize ?? (await import("../../stats/write-summary.js")).writeSummary;
  const summary = await summarize(opts.out);
  return {
    ok: true,
    status: "finished",
    dir: opts.out,
    counts: manifest.counts,
    resumed,
    tornLine,
    elapsedMs: elapsedMs(),
    summaryProblems: summary.ok ? undefined : summary.problems,
  };
}
