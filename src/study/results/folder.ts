/**
 * Opening a results folder for a study: fresh, resumed (same study hash: finished runs are kept
 * and skipped, a torn last line is cut off), or refused (another study's results, unless
 * `force`, which deletes exactly the files a study writes and nothing else in the folder).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { type Failure, failure, problem, type ResultsReason } from "../../core/problems.js";
import { indexOfId, type PlanShape, plannedRuns } from "../plan.js";
import type { Manifest } from "./manifest.js";
import { readManifest } from "./manifest.js";
import { forEachLine, truncateTo } from "./ndjson.js";

/** How to treat an existing results folder. */
export type OpenMode = "auto" | "resume" | "force";

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

/** The files and folders a study writes (what `force` removes). */
const OWN = ["runs.ndjson", "runs.csv", "manifest.json", "summary.json", "summary.csv", "series"];
/** What the sensitivity and discovery commands add to a results folder (also removed by `force`). */
const METHODS = ["design.json", "sensitivity.json", "sensitivity.csv", "discover.json", "discover.csv"];

function clear(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (OWN.includes(name) || METHODS.includes(name) || name.endsWith(".tmp"))
      rmSync(join(dir, name), { recursive: true, force: true });
  }
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

/** Open `dir` for a study with hash `hash`. */
export function openResultsDir(
  dir: string,
  hash: string,
  shape: PlanShape,
  mode: OpenMode,
): { ok: true; opened: OpenedDir } | Failure {
  mkdirSync(dir, { recursive: true });
  if (mode === "force") clear(dir);
  const previous = readManifest(dir);
  const runs = join(dir, "runs.ndjson");
  if (previous && previous.studyHash !== hash)
    return refused(
      dir,
      `holds results of a different study (hash ${previous.studyHash}); this study's hash is ${hash}`,
      { reason: "hashMismatch", found: previous.studyHash, expected: hash },
    );
  if (!previous && existsSync(runs))
    return refused(dir, "has runs.ndjson but no manifest.json", { reason: "notAStudyFolder" });
  if (!previous && mode === "resume")
    return refused(dir, "has no study to resume (no manifest.json)", { reason: "nothingToResume" });
  if (!previous) clear(dir);
  return { ok: true, opened: { previous, ...scanDone(runs, shape) } };
}
