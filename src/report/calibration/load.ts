/**
 * A calibration's results folder as the report reads it: calibration.json (what was fitted to
 * what), posterior.json, convergence.json and fit.json, all written when the calibration ended.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { failure, problem, type Result } from "../../core/problems.js";
import { type CalibrationManifest, readCalibrationManifest } from "../../study/calibrate/folder.js";
import type { GenerationStats } from "../../study/calibrate/generations.js";
import type { FitLine, ParameterSummary, PointCandidate } from "../../study/calibrate/outputs.js";

/** What the calibration report is built from. */
export interface CalibrationData {
  dir: string;
  manifest: CalibrationManifest;
  parameters: ParameterSummary[];
  particles: { weight: number; parameters: Record<string, number> }[];
  convergence: GenerationStats[];
  fit: FitLine[];
  /** How the written point was chosen (older folders: the posterior mean) and the particles tried. */
  point: { kind: "mean" | "best"; candidates: readonly PointCandidate[] };
}

/** Whether `dir` holds a calibration (its calibration.json), not a study. */
export function isCalibrationFolder(dir: string): boolean {
  return existsSync(join(dir, "calibration.json"));
}

/** Load a finished calibration folder; a problem says in one line why it cannot be reported on. */
export function loadCalibration(dir: string): Result<CalibrationData> {
  const manifest = readCalibrationManifest(dir);
  if (!manifest) return failure(problem("results", "", `${dir}/calibration.json cannot be read`));
  if (manifest.endedAt === null)
    return failure(
      problem(
        "results",
        "",
        `${dir} holds a calibration that has not finished: rerun pamir calibrate to complete it`,
      ),
    );
  try {
    const read = (name: string) => JSON.parse(readFileSync(join(dir, name), "utf8")) as unknown;
    const post = read("posterior.json") as Pick<CalibrationData, "parameters" | "particles"> & {
      point?: CalibrationData["point"];
    };
    return {
      ok: true,
      value: {
        dir,
        manifest,
        parameters: post.parameters,
        particles: post.particles,
        convergence: read("convergence.json") as GenerationStats[],
        fit: read("fit.json") as FitLine[],
        point: post.point ?? { kind: "mean", candidates: [] },
      },
    };
  } catch (err) {
    return failure(problem("results", "", `${dir}: ${err instanceof Error ? err.message : String(err)}`));
  }
}
