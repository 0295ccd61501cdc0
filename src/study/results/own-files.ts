/**
 * Which files of a results folder are a study's own. The manifest records them (`files`); a
 * study deletes nothing else, not even under `--force`: a recorded name counts only when it is
 * one of the names pamir writes (a forged manifest can narrow the list, never widen it), series
 * files (of folders written before series.parquet) only when their path is a run id of the
 * recorded plan or of the new one, and in parts/ and inputs/ only names of the forms pamir
 * writes there.
 */
import { existsSync, lstatSync, readdirSync, rmdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { indexOfId, type PlanShape } from "../plan.js";

/** How the manifest names the per-run series files. */
export const SERIES_ENTRY = "series/<run id>.json";

/** How the manifest names the table parts written while a study runs (study/tables/parts.ts). */
export const PARTS_ENTRY = "parts/<runs|series>-<from>-<to>.parquet";
/** How the manifest names the copies of the study's input files (study/results/inputs.ts). */
export const INPUTS_ENTRY = "inputs/<sha-256 prefix>-<file name>";

/** The forms of the names pamir writes inside its folders (a `.tmp` is one being written). */
const OWN_IN: Record<string, { entry: string; name: RegExp }> = {
  parts: { entry: PARTS_ENTRY, name: /^(runs|series)-\d{12}-\d{12}\.parquet(\.tmp)?$/ },
  inputs: { entry: INPUTS_ENTRY, name: /^[0-9a-f]{16}-[^/\\]+?(\.tmp)?$/ },
};

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
  "flip.json",
  "runs.parquet",
  "outcomes.parquet",
  "series.parquet",
  "datapackage.json",
  SERIES_ENTRY,
  PARTS_ENTRY,
  INPUTS_ENTRY,
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
  for (const [folder, own] of Object.entries(OWN_IN)) {
    const p = join(dir, folder);
    if (!recorded.includes(own.entry) || !existsSync(p) || !lstatSync(p).isDirectory()) continue;
    for (const name of readdirSync(p)) if (own.name.test(name)) rmSync(join(p, name), { force: true });
    pruneEmpty(p);
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
 * and how many entries there are in all at the top level. Study names, an empty series folder
 * and parts/ or inputs/ holding only names pamir writes there are not foreign.
 */
export function foreignEntries(dir: string, limit = 8): { shown: string[]; more: boolean } {
  const shown: string[] = [];
  let more = false;
  for (const name of readdirSync(dir).sort()) {
    if (isStudyName(name, STUDY_FILES)) continue;
    const p = join(dir, name);
    const isDir = lstatSync(p).isDirectory();
    if (name === "series" && isDir && walk(p, 1).length === 0) continue;
    const own = Object.hasOwn(OWN_IN, name) ? OWN_IN[name] : undefined;
    if (own && isDir && readdirSync(p).every((n) => own.name.test(n))) continue;
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
