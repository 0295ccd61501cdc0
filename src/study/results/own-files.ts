/**
 * Which files of a results folder are a study's own. The manifest records them (`files`); a
 * study deletes nothing else, not even under `--force`: a recorded name counts only when it is
 * one of the names pamir writes (a forged manifest can narrow the list, never widen it), and
 * series files only when their path is a run id of the recorded plan or of the new one.
 */
import { existsSync, lstatSync, readdirSync, rmdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { indexOfId, type PlanShape } from "../plan.js";

/** How the manifest names the per-run series files. */
export const SERIES_ENTRY = "series/<run id>.json";

/** Every name pamir writes into a results folder (the methods' files too), in the manifest's order. */
export const STUDY_FILES: readonly string[] = [
  "manifest.json",
  "runs.ndjson",
  "runs.csv",
  "summary.json",
  "summary.csv",
  "outcomes.csv",
  "design.json",
  "sensitivity.json",
  "sensitivity.csv",
  "discover.json",
  "discover.csv",
  SERIES_ENTRY,
];

/** Whether `name` (a top-level entry) is a study file or the temporary it is written through. */
function isStudyName(name: string, recorded: readonly string[]): boolean {
  const base = name.endsWith(".tmp") ? name.slice(0, -4) : name;
  return STUDY_FILES.includes(base) && recorded.includes(base);
}

/** The run id a file under series/ stands for (`a/p0/r1.json` or its `.tmp`), or undefined. */
function seriesId(rel: string): string | undefined {
  const m = /^(.+)\.json(\.tmp)?$/.exec(rel);
  return m?.[1];
}

/** Files under `dir` (relative, `/`-separated), depth first in name order; stops after `limit`. */
function walk(dir: string, limit: number, prefix = "", out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    if (out.length >= limit) break;
    const rel = prefix === "" ? name : `${prefix}/${name}`;
    if (lstatSync(join(dir, name)).isDirectory()) walk(join(dir, name), limit, rel, out);
    else out.push(rel);
  }
  return out;
}

/** Remove the empty folders under `dir`, and `dir` itself when it ends up empty. */
function pruneEmpty(dir: string): void {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (lstatSync(p).isDirectory()) pruneEmpty(p);
  }
  if (readdirSync(dir).length === 0) rmdirSync(dir);
}

/**
 * Delete the study files of `dir`: the names `recorded` lists (all of STUDY_FILES for a folder
 * without a readable manifest: those a new study overwrites anyway) and the series files whose
 * ids belong to one of `plans`. Everything else stays.
 */
export function deleteStudyFiles(
  dir: string,
  recorded: readonly string[],
  plans: readonly PlanShape[],
): void {
  for (const name of readdirSync(dir)) {
    if (isStudyName(name, recorded) && name !== "series") rmSync(join(dir, name), { force: true });
  }
  const series = join(dir, "series");
  if (!recorded.includes(SERIES_ENTRY) || !existsSync(series) || !lstatSync(series).isDirectory()) return;
  for (const rel of walk(series, Number.POSITIVE_INFINITY)) {
    const id = seriesId(rel);
    if (id !== undefined && plans.some((p) => indexOfId(p, id) >= 0)) rmSync(join(series, rel));
  }
  pruneEmpty(series);
}

/**
 * What in `dir` is not a study's (for a folder with no manifest): up to `limit` relative paths,
 * and how many entries there are in all at the top level. Study names and an empty series
 * folder are not foreign.
 */
export function foreignEntries(dir: string, limit = 8): { shown: string[]; more: boolean } {
  const shown: string[] = [];
  let more = false;
  for (const name of readdirSync(dir).sort()) {
    if (isStudyName(name, STUDY_FILES)) continue;
    const p = join(dir, name);
    const isDir = lstatSync(p).isDirectory();
    if (name === "series" && isDir && walk(p, 1).length === 0) continue;
    if (shown.length >= limit) {
      more = true;
      break;
    }
    if (isDir) {
      const inside = walk(p, limit - shown.length);
      shown.push(...(inside.length > 0 ? inside.map((r) => `${name}/${r}`) : [`${name}/`]));
    } else shown.push(name);
  }
  return { shown, more };
}
