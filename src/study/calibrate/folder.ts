/**
 * A calibration's results folder: calibration.json (what it is, its hash — the resume key — and
 * how it ended) and the files it writes. Opening one is fresh, resumed (same hash) or refused
 * (another calibration's or a study's results, unless `force`, which deletes exactly the files a
 * calibration writes).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Failure, failure, problem, type ResultsReason } from "../../core/problems.js";
import type { OpenMode } from "../results/folder.js";
import type { FreeParameter, Target } from "./checks.js";

/** The manifest of a calibration folder. */
export interface CalibrationManifest {
  calibration: string;
  description: string | null;
  calibrationFile: string;
  /** SHA-256 of the canonical parsed file and scenario. */
  calibrationHash: string;
  scenarioFile: string;
  model: string;
  pamir: string;
  git: string | null;
  node: string;
  startedAt: string;
  /** Null while running or after an interruption. */
  endedAt: string | null;
  parameters: FreeParameter[];
  targets: Target[];
  /** Why the generations stopped, once finished. */
  stopped: string | null;
  /** How the last session ran (not part of the results). */
  execution: { workers: number; runs: number; elapsedMs: number } | null;
}

/** What a calibration writes (what `force` removes). */
export const CALIBRATION_FILES = [
  "calibration.json",
  "evaluations.ndjson",
  "posterior.csv",
  "posterior.json",
  "convergence.csv",
  "convergence.json",
  "fit.csv",
  "fit.json",
  "fitted.yaml",
  "report.html",
];

/** The manifest in `dir`, if there is a readable one. */
export function readCalibrationManifest(dir: string): CalibrationManifest | undefined {
  const path = join(dir, "calibration.json");
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as CalibrationManifest;
  } catch {
    return undefined;
  }
}

/** Write the manifest atomically. */
export function writeCalibrationManifest(dir: string, m: CalibrationManifest): void {
  const path = join(dir, "calibration.json");
  writeFileSync(`${path}.tmp`, `${JSON.stringify(m, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}

function refused(dir: string, message: string, why: ResultsReason): Failure {
  return failure({ ...problem("results", "", `${dir} ${message}`, why), file: dir });
}

/** Open `dir` for a calibration with `hash`: the previous manifest when resuming. */
export function openCalibrationDir(
  dir: string,
  hash: string,
  mode: OpenMode,
): { ok: true; previous: CalibrationManifest | undefined } | Failure {
  mkdirSync(dir, { recursive: true });
  const clear = () => {
    for (const name of readdirSync(dir))
      if (CALIBRATION_FILES.includes(name) || name.endsWith(".tmp")) rmSync(join(dir, name), { force: true });
  };
  if (mode === "force") clear();
  const previous = readCalibrationManifest(dir);
  if (previous && previous.calibrationHash !== hash)
    return refused(
      dir,
      `holds results of a different calibration (hash ${previous.calibrationHash}); this calibration's hash is ${hash}; use --force to overwrite them, or --out for another folder`,
      { reason: "hashMismatch", found: previous.calibrationHash, expected: hash },
    );
  if (!previous && (existsSync(join(dir, "evaluations.ndjson")) || existsSync(join(dir, "manifest.json"))))
    return refused(
      dir,
      "holds results but no calibration.json; use --force to start over there, or --out for another folder",
      { reason: "notAStudyFolder" },
    );
  if (!previous && mode === "resume")
    return refused(dir, "has no calibration to resume (no calibration.json)", { reason: "nothingToResume" });
  return { ok: true, previous };
}
