/**
 * One session of a study on its results folder, whoever runs the batches (the local worker pool
 * or workers behind a Redis queue): open the folder (fresh, resume or refuse), make run tasks
 * from plan indexes, append every returned row to runs.ndjson as it arrives (a run already
 * recorded is skipped, so a batch done twice is written once), and at the end sort the rows
 * into plan order, write runs.csv, the manifest and the summary. Memory holds counts and a
 * done-flag per planned run, never the rows. Failures are returned as data.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Failure } from "../../core/problems.js";
import type { RunRow } from "../../core/run-row.js";
import { pointArm, pointValues } from "../designs/design.js";
import { writeDesignFile } from "../designs/design-file.js";
import type { LoadedStudy } from "../load.js";
import { coordsOf, indexOfId, type PlanShape, plannedRuns, runId, runSeed } from "../plan.js";
import type { BatchContext, RunTask } from "../run/batch.js";
import { buildRow, type PointInfo, type RunRecord } from "../run/rows.js";
import { catalogueSplit } from "../tables/dimensions.js";
import { type PartsLayout, PartWriter } from "../tables/parts.js";
import { finishSession, type RunStudyResult, type SessionOptions, type StudyProgress } from "./ending.js";
import { openResultsDir, type StudyCheck } from "./folder.js";
import { gitDirty } from "./git.js";
import { type Manifest, newManifest, planShape, writeManifest } from "./manifest.js";
import { copyInputs, scenarioInputs } from "./provenance.js";
import { RunRecorder } from "./recorder.js";
import type { SeriesDocument } from "./series.js";

export type { RunStudyResult, SessionOptions, StudyProgress, Summarize } from "./ending.js";

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
  /** What every batch shares. */
  readonly context: BatchContext;
  /** The run task of plan index `i`. */
  task(i: number): RunTask;
  /** Tasks of the plan indexes in [from, to) not done yet. */
  tasksIn(from: number, to: number): RunTask[];
  /** Record a batch's records (one per task, in task order); returns the runs newly recorded and their summed run time. */
  receive(tasks: readonly RunTask[], records: readonly RunRecord[]): { runs: number; busyMs: number };
  /** Where the study stands now. */
  progress(): StudyProgress;
  /** Write the runs that wait and close runs.ndjson (idempotent; `finish` does it too). */
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
  Object.assign(manifest, sessionProvenance(study, opts));
  manifest.counts = { ...counts };
  writeManifest(opts.out, manifest);
  writeDesignFile(opts.out, study.design);

  const context = batchContext(study);
  const runsFile = join(opts.out, "runs.ndjson");
  const layout = partsLayout(study, manifest);
  const parts = new PartWriter(opts.out, layout);
  // Runs parts a crash left out are rebuilt from runs.ndjson (a finished study's parts are compacted anyway).
  const offset = existsSync(runsFile) ? statSync(runsFile).size : 0;
  if (resumed > 0 && resumed < planned) parts.repair(runsFile, offset);
  const recorder = new RunRecorder(runsFile, offset, parts, opts.flushMs);
  const progress = (): StudyProgress => ({ ...counts, resumed, elapsedMs: performance.now() - t0 });

  const receive = (tasks: readonly RunTask[], records: readonly RunRecord[]) => {
    const rows: RunRow[] = [];
    const docs: SeriesDocument[] = [];
    let busyMs = 0;
    records.forEach((rec, k) => {
      const t = tasks[k]!;
      if (done[rec.index]) return;
      if (rec.series) docs.push(rec.series);
      rows.push(buildRow(shape, t.seed, pointOf(t.point).info, rec));
      done[rec.index] = 1;
      counts.done++;
      if (rec.status === "failed") counts.failed++;
      busyMs += rec.durationMs;
    });
    recorder.add(rows, docs);
    opts.onProgress?.(progress());
    return { runs: rows.length, busyMs };
  };

  const partsMs = () => recorder.partsMs;
  const ending = { study, opts, shape, manifest, counts, resumed, tornLine, t0, layout, partsMs };
  const finish = (execution: Manifest["execution"], failed?: string) => {
    recorder.close();
    return finishSession(ending, execution, failed);
  };
  const tasksIn = (from: number, to: number) => {
    const out: RunTask[] = [];
    for (let i = from; i < to; i++) if (!done[i]) out.push(task(i));
    return out;
  };
  const close = () => recorder.close();
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

/** The manifest's provenance fields for this session: tree state, command line, copies of the inputs. */
function sessionProvenance(
  study: LoadedStudy,
  opts: SessionOptions,
): Pick<Manifest, "dirty" | "command" | "inputs"> {
  const files = [
    { role: "study" as const, file: study.file, text: study.text },
    ...study.scenarios.flatMap((s) => scenarioInputs(s.scenario, s.text)),
  ];
  return { dirty: gitDirty(), command: opts.command ?? null, inputs: copyInputs(opts.out, files) };
}

/** The factors, arms and outcome dimensions the tables of `study` are laid out by. */
function partsLayout(study: LoadedStudy, manifest: Manifest): PartsLayout {
  return {
    factors: manifest.factors,
    arms: Object.keys(pointArm(study.design, 0) ?? {}),
    split: catalogueSplit(study.scenarios.map((s) => s.scenario.model.outcomes)),
  };
}

/** What every batch of `study` shares. */
function batchContext(study: LoadedStudy): BatchContext {
  const { input, design } = study;
  return {
    hash: study.hash,
    scenarios: study.scenarios.map((s) => ({ key: s.key, file: s.file, text: s.text })),
    paths: design.factors.map((f) => f.path),
    ticks: input.ticks,
    keep: input.keep,
    series: input.series,
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
