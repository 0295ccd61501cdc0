/**
 * Opening a results folder for a study: fresh (an empty folder), resumed (same study hash:
 * finished runs are kept and skipped, a torn last line is cut off), or refused: another study's
 * results (unless `force`, which deletes only the files that study recorded as its own), a
 * folder of other files (nothing is deleted), a damaged manifest (`rebuild` makes a new one from
 * the study, keeping runs.ndjson when every row in it is this study's).
 */
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { type Failure, failure, problem, type ResultsReason } from "../../core/problems.js";
import { indexOfId, type PlanShape, plannedRuns } from "../plan.js";
import { inspectManifest, type Manifest, recordedShape } from "./manifest.js";
import { forEachLine, truncateTo } from "./ndjson.js";
import { deleteStudyFiles, foreignEntries, STUDY_FILES } from "./own-files.js";

/** How to treat an existing results folder. */
export type OpenMode = "auto" | "resume" | "force" | "rebuild";

/** Why `dir` cannot be used, as its `results` problem (the reason lets the CLI advise). */
function refused(dir: string, message: string, why: ResultsReason): Failure {
  return failure({ ...problem("results", "", `${dir} ${message}`, why), file: dir });
}

/** What is already done in an opened folder. */
export interface OpenedDir {
  /** The previous manifest when resuming. */
  previous?: Manifest | undefined;
  /** 1 per plan index already done. */
  done: Uint8Array;
  doneCount: number;
  failedCount: number;
  /** Whether a torn last line was cut off. */
  tornLine: boolean;
}

/** Which runs of `runs.ndjson` are done; cuts a torn last line off the file. */
export function scanDone(path: string, shape: PlanShape): Omit<OpenedDir, "previous"> {
  const done = new Uint8Array(plannedRuns(shape));
  const out = { done, doneCount: 0, failedCount: 0, tornLine: false };
  if (!existsSync(path)) return out;
  // Everything after the last line that parses is a torn append (an unfinished line, or a cut one).
  let goodEnd = 0;
  forEachLine(path, (line, at, bytes) => {
    let row: { id?: unknown; status?: unknown };
    try {
      row = JSON.parse(line) as typeof row;
    } catch {
      return;
    }
    goodEnd = at + bytes;
    const i = typeof row.id === "string" ? indexOfId(shape, row.id) : -1;
    if (i < 0 || done[i]) return;
    done[i] = 1;
    out.doneCount++;
    if (row.status === "failed") out.failedCount++;
  });
  if (statSync(path).size > goodEnd) {
    truncateTo(path, goodEnd);
    out.tornLine = true;
  }
  return out;
}

/** What opening a folder needs to know of the study beyond its hash and plan. */
export interface StudyCheck {
  /** Why a row of runs.ndjson is not a run of this study (a rebuilt manifest takes only its runs), or undefined. */
  foreignRow(row: { id: string; seed?: unknown; factors?: unknown }): string | undefined;
}

/** The first row of `path` that is not this study's, as a reason naming it; rows of other plans count too. */
function firstForeignRow(path: string, shape: PlanShape, check: StudyCheck): string | undefined {
  let why: string | undefined;
  forEachLine(path, (line) => {
    if (why !== undefined) return;
    let row: { id?: unknown };
    try {
      row = JSON.parse(line) as typeof row;
    } catch {
      return; // a torn line: cut off later
    }
    const id = typeof row.id === "string" ? row.id : undefined;
    if (id === undefined || indexOfId(shape, id) < 0)
      why = `run ${JSON.stringify(row.id)} is not in this study's plan`;
    else why = check.foreignRow({ ...row, id });
  });
  return why;
}

/** Open `dir` for a study with hash `hash`. */
export function openResultsDir(
  dir: string,
  hash: string,
  shape: PlanShape,
  mode: OpenMode,
  check: StudyCheck,
): { ok: true; opened: OpenedDir } | Failure {
  mkdirSync(dir, { recursive: true });
  const found = inspectManifest(dir);
  const runs = join(dir, "runs.ndjson");
  const resumeFrom = (previous?: Manifest) => ({
    ok: true as const,
    opened: { previous, ...scanDone(runs, shape) },
  });
  if (mode === "force") {
    const old = found.state === "ok" ? found.manifest : undefined;
    // A manifest may be forged or damaged: only a list of names narrows what is deleted.
    const recorded = Array.isArray(old?.files) ? old.files.filter((f) => typeof f === "string") : STUDY_FILES;
    const oldShape = old ? recordedShape(old) : undefined;
    deleteStudyFiles(dir, recorded, oldShape ? [oldShape, shape] : [shape]);
    return resumeFrom();
  }
  if (found.state === "ok") {
    const previous = found.manifest;
    if (previous.studyHash !== hash)
      return refused(
        dir,
        `holds results of a different study (hash ${previous.studyHash}); this study's hash is ${hash}`,
        { reason: "hashMismatch", found: previous.studyHash, expected: hash },
      );
    return resumeFrom(previous);
  }
  const hasRuns = existsSync(runs);
  if (found.state === "damaged" && mode !== "rebuild")
    return refused(
      dir,
      `manifest.json is damaged (${found.why}); its runs are kept in runs.ndjson: ` +
        "--rebuild-manifest rebuilds the manifest from the study file (keeping only this study's runs), --force starts over",
      { reason: "damagedManifest" },
    );
  if (mode === "rebuild" && (hasRuns || found.state === "damaged")) {
    const why = hasRuns ? firstForeignRow(runs, shape, check) : undefined;
    if (why !== undefined)
      return refused(dir, `cannot rebuild its manifest from this study: ${why}`, { reason: "foreignRuns" });
    return resumeFrom();
  }
  if (hasRuns) return refused(dir, "has runs.ndjson but no manifest.json", { reason: "notAStudyFolder" });
  if (mode === "resume")
    return refused(dir, "has no study to resume (no manifest.json)", { reason: "nothingToResume" });
  const foreign = foreignEntries(dir);
  if (foreign.shown.length > 0)
    return refused(
      dir,
      `is not empty and holds no study (${foreign.shown.join(", ")}${foreign.more ? ", …" : ""}); ` +
        "nothing was deleted: choose an empty or new folder with --out, or --force to write beside these files",
      { reason: "foreignFiles" },
    );
  // Only a study's own leftovers (a crash before the first manifest): those a fresh start overwrites.
  deleteStudyFiles(dir, STUDY_FILES, [shape]);
  return resumeFrom();
}
