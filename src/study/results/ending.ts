/**
 * The end of a study session: interrupted or failed (the manifest keeps the counts), or finished
 * (rows sorted into plan order, runs.csv, the Parquet tables compacted from runs.ndjson and the
 * parts, the manifest's end, the summary).
 */
import { matchOutcome, type OutcomeSpec } from "../../core/outcomes.js";
import { type Failure, failure, type Problem, problem } from "../../core/problems.js";
import { pointArm } from "../designs/design.js";
import type { LoadedStudy } from "../load.js";
import type { PlanShape } from "../plan.js";
import { compactRuns, compactSeries } from "../tables/compact.js";
import { type PackageInputs, writeDataPackage } from "../tables/datapackage.js";
import type { RunsLayout } from "../tables/layout.js";
import { type PartsLayout, removeParts, removeRunsParts } from "../tables/parts.js";
import { writeOutcomesFile } from "./catalogue.js";
import { finalizeRuns } from "./finalize.js";
import type { OpenMode } from "./folder.js";
import { type Manifest, writeManifest } from "./manifest.js";

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
  /** The command line (arguments after `pamir`), for the manifest. */
  command?: string[] | undefined;
  /** The longest finished runs wait before they are written, ms (default: see results/recorder.ts; 0: every batch at once). */
  flushMs?: number | undefined;
  /** Summary writer (default: the stats module's writeSummary). */
  summarize?: Summarize | undefined;
}

/** What ending a session needs. */
export interface Ending {
  study: LoadedStudy;
  opts: SessionOptions;
  shape: PlanShape;
  manifest: Manifest;
  counts: { planned: number; done: number; failed: number };
  resumed: number;
  tornLine: boolean;
  t0: number;
  layout: PartsLayout;
  /** Time spent writing parts so far, ms. */
  partsMs: () => number;
}

/**
 * End a session whose runs file is closed: interrupted or failed (the manifest keeps the counts),
 * or finished (rows sorted into plan order, runs.csv, the manifest's end, the summary).
 */
export async function finishSession(
  e: Ending,
  execution: Manifest["execution"],
  failed?: string,
): Promise<RunStudyResult> {
  const { opts, manifest, counts, resumed, tornLine } = e;
  const elapsedMs = () => performance.now() - e.t0;
  const tables = (ms: number) => {
    if (execution)
      manifest.execution = { ...execution, tablesMs: Math.round((e.partsMs() + ms) * 1000) / 1000 };
  };
  manifest.execution = execution;
  tables(0);
  if (failed !== undefined || counts.done < counts.planned) {
    manifest.counts = { ...counts };
    writeManifest(opts.out, manifest);
    if (failed !== undefined) return failure(problem("executor", "", failed));
    const status = "interrupted";
    return { ok: true, status, dir: opts.out, counts, resumed, tornLine, elapsedMs: elapsedMs() };
  }
  const { design } = e.study;
  const paths = design.factors.map((f) => f.path);
  // The runs parts name byte ranges of the unsorted runs.ndjson: gone before it is sorted.
  removeRunsParts(opts.out);
  const final = finalizeRuns(opts.out, e.shape, paths, Object.keys(pointArm(design, 0) ?? {}));
  const t0 = performance.now();
  const layout = compactRuns(opts.out, e.layout, final.outcomes);
  const series = e.study.input.series ? await compactSeries(opts.out, e.shape, final.recorded) : undefined;
  if (!series) removeParts(opts.out);
  writeDataPackage(packageInputs(e.study, opts.out, layout, final.outcomes, series));
  tables(performance.now() - t0);
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

/** What datapackage.json describes: the tables' layout, the catalogues and the dimensioned outcomes' patterns. */
function packageInputs(
  study: LoadedStudy,
  dir: string,
  layout: RunsLayout,
  outcomes: readonly string[],
  series: string[] | undefined,
): PackageInputs {
  const catalogues = [...new Set(study.scenarios.map((s) => s.scenario.model.outcomes))];
  const patterns = new Map<string, OutcomeSpec>();
  for (const o of outcomes) {
    if (!layout.split(o)) continue;
    for (const c of catalogues) {
      const m = matchOutcome(c, o);
      if (m) {
        patterns.set(m.spec.name, m.spec);
        break;
      }
    }
  }
  const name = study.slug.toLowerCase().replace(/[^-a-z0-9._]/g, "-") || "study";
  return { dir, title: study.name, name, layout, catalogues, patterns: [...patterns.values()], series };
}
