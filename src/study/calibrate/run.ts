/**
 * Running a loaded calibration into a results folder: open it (fresh, resumed or refused), replay
 * the generations from the journal and evaluate what it lacks on the executor (the study's
 * worker pool by default), re-simulate the fitted point (point.ts) for the fit table, and write the
 * result files. A stop request ends dispatching (the batches in flight are kept); rerunning the
 * same command continues and ends with the same files as an uninterrupted run.
 */
import { type Failure, failure, problem } from "../../core/problems.js";
import type { OpenMode } from "../results/folder.js";
import { gitCommit } from "../results/git.js";
import type { BatchContext } from "../run/batch.js";
import { type Executor, poolExecutor } from "../run/executor.js";
import { calibrationContext, type Evaluator, evaluateDraws } from "./evaluate.js";
import { writeFittedScenario } from "./fitted.js";
import { type CalibrationManifest, openCalibrationDir, writeCalibrationManifest } from "./folder.js";
import { type GenerationStats, runGenerations } from "./generations.js";
import { finalizeJournal, openJournal } from "./journal.js";
import type { LoadedCalibration } from "./load.js";
import {
  type FitLine,
  fitTable,
  type ParameterSummary,
  summarisePosterior,
  writeOutputs,
} from "./outputs.js";
import { fitPoint } from "./point.js";
import { priorBox } from "./priors.js";

/** How to run a calibration. */
export interface CalibrateOptions {
  out: string;
  workers: number;
  mode: OpenMode;
  /** pamir version for the manifest. */
  version: string;
  /** Executor factory (default: a piscina pool of the compiled study worker). */
  executor?: ((ctx: BatchContext, workers: number) => Executor) | undefined;
  /** Stop dispatching; batches in flight finish and are kept. */
  stop?: AbortSignal | undefined;
  /** Called with the runs this session has done, after every batch. */
  onRuns?: ((runs: number) => void) | undefined;
  /** Called after each generation (replayed ones too, when resuming). */
  onGeneration?: ((g: GenerationStats) => void) | undefined;
}

/** How a calibration ended. */
export type CalibrateResult =
  | {
      ok: true;
      status: "finished" | "interrupted";
      dir: string;
      /** Model runs this session. */
      runs: number;
      /** Journal rows found at start. */
      resumed: number;
      tornLine: boolean;
      elapsedMs: number;
      convergence: GenerationStats[];
      /** Set when finished. */
      stopped?: string | undefined;
      parameters?: ParameterSummary[] | undefined;
      fit?: FitLine[] | undefined;
    }
  | Failure;

function manifestOf(c: LoadedCalibration, version: string, startedAt: string): CalibrationManifest {
  return {
    calibration: c.name,
    description: c.input.description ?? null,
    calibrationFile: c.file,
    calibrationHash: c.hash,
    scenarioFile: c.scenario.file,
    model: c.scenario.loaded.model.name,
    pamir: version,
    git: gitCommit(),
    node: process.version,
    startedAt,
    endedAt: null,
    parameters: c.parameters,
    targets: c.targets,
    stopped: null,
    execution: null,
  };
}

/** Run `c` into `opts.out`. */
export async function runCalibration(c: LoadedCalibration, opts: CalibrateOptions): Promise<CalibrateResult> {
  const t0 = performance.now();
  const open = openCalibrationDir(opts.out, c.hash, opts.mode);
  if (!open.ok) return open;
  const manifest = manifestOf(c, opts.version, open.previous?.startedAt ?? new Date().toISOString());
  writeCalibrationManifest(opts.out, manifest);
  const journal = openJournal(opts.out);
  const exec = (opts.executor ?? poolExecutor)(calibrationContext(c), opts.workers);
  let runs = 0;
  const ev: Evaluator = {
    calibration: c,
    exec,
    journal,
    stop: opts.stop,
    onRuns: (n) => {
      runs += n;
      opts.onRuns?.(runs);
    },
  };
  const base = { ok: true as const, dir: opts.out, resumed: journal.resumed, tornLine: journal.tornLine };
  const ended = (status: "finished" | "interrupted", convergence: GenerationStats[]) => ({
    ...base,
    status,
    runs,
    elapsedMs: performance.now() - t0,
    convergence,
  });
  try {
    const evaluate = (g: number, cands: { draw: number; values: number[] }[]) => evaluateDraws(ev, g, cands);
    const smc = await runGenerations(c.input, priorBox(c.parameters), evaluate, opts.onGeneration);
    if (smc.status === "interrupted") return ended("interrupted", smc.convergence);
    if (smc.status === "failed") {
      const why = `generation 0 could not be filled: ${smc.stopped}; see the problems in evaluations.ndjson`;
      return failure(problem("run", "", why, { name: "CalibrationError" }));
    }
    const posterior = summarisePosterior(c.parameters, smc.posterior);
    const point = await fitPoint(ev, smc.posterior, posterior);
    if (!point) return ended("interrupted", smc.convergence);
    const parameters = posterior.map((p, i) => ({ ...p, fitted: point.values[i]! }));
    const fit = fitTable(c.targets, point.rows);
    // A draw past the stop, or a fit run past the candidates tried (run before the rules were changed), is not kept.
    const fitRuns = c.input.fitSeeds * Math.max(1, point.candidates.length);
    const used = [...journal.rows.values()].filter((r) =>
      "fit" in r ? r.fit < fitRuns : r.generation < smc.attempted,
    );
    finalizeJournal(opts.out, used);
    writeOutputs(opts.out, smc.posterior, parameters, smc.convergence, fit, point);
    writeFittedScenario(c, parameters, opts.out, point.kind);
    manifest.endedAt = new Date().toISOString();
    manifest.stopped = smc.stopped;
    return { ...ended("finished", smc.convergence), stopped: smc.stopped, parameters, fit };
  } catch (err) {
    // Only the executor itself breaking gets here (a failed run is a row, not an exception).
    return failure(problem("executor", "", err instanceof Error ? err.message : String(err)));
  } finally {
    journal.close();
    await exec.close();
    manifest.execution = { workers: exec.workers, runs, elapsedMs: Math.round(performance.now() - t0) };
    writeCalibrationManifest(opts.out, manifest);
  }
}
