/**
 * Recompute a results directory's summary.json and summary.csv from its runs.ndjson. Rows are
 * sorted before any arithmetic, so the same set of runs gives byte-identical files whatever order
 * they were appended in. Files are written to a temporary name and renamed, so a crash never
 * leaves half a summary.
 */
import { rename, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describeColumn } from "../core/outcomes.js";
import { readOutcomesFile } from "../core/outcomes-file.js";
import { type Failure, failure, type ProblemKind, problem, type Result } from "../core/problems.js";
import type { RunRow } from "../core/run-row.js";
import { type StudySummary, summarizeRuns } from "./points.js";
import { type RunsRead, readRuns } from "./read-runs.js";
import { summaryCsv } from "./summary-csv.js";

/** File names inside a results directory. */
export const RESULT_FILES = { runs: "runs.ndjson", json: "summary.json", csv: "summary.csv" } as const;

/** The failure of results folder `dir`, in one line. */
const refused = (dir: string, message: string, kind: ProblemKind = "results"): Failure =>
  failure({ ...problem(kind, "", message), file: dir });

/** A results directory's runs, or a one-line reason they cannot be read. */
export async function loadRuns(resultsDir: string): Promise<Result<RunsRead>> {
  try {
    if (!(await stat(resultsDir)).isDirectory())
      return refused(resultsDir, `${resultsDir} is not a directory`);
  } catch {
    return refused(resultsDir, `no results directory ${resultsDir}`);
  }
  const file = join(resultsDir, RESULT_FILES.runs);
  try {
    await stat(file);
  } catch {
    return refused(
      resultsDir,
      `${resultsDir} has no ${RESULT_FILES.runs} (is it a study's results directory?)`,
    );
  }
  return readRuns(file);
}

/** What summarizing a directory produced. */
export interface DirSummary {
  /** The summary written. */
  summary: StudySummary;
  /** The rows it was computed from. */
  rows: RunRow[];
  /** True when a torn last line of runs.ndjson was discarded. */
  tornLine: boolean;
  /** Lines that repeated an earlier run id. */
  duplicates: number;
  /** Paths written. */
  files: { json: string; csv: string };
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

/** Summarise a results directory and write its summary files; returns what was computed. */
export async function summarizeDir(resultsDir: string): Promise<Result<DirSummary>> {
  const read = await loadRuns(resultsDir);
  if (!read.ok) return read;
  const { rows, tornLine, duplicates } = read.value;
  const summary = summarizeRuns(rows);
  // Units come from the folder's outcomes.csv; a folder written before it existed has none.
  const catalogue = readOutcomesFile(resultsDir);
  if (catalogue && !catalogue.ok) return catalogue;
  const catalogues = catalogue?.value ?? [];
  const unitOf = (name: string) => describeColumn(catalogues, name)?.spec.unit ?? "";
  const files = { json: join(resultsDir, RESULT_FILES.json), csv: join(resultsDir, RESULT_FILES.csv) };
  try {
    await writeAtomically(files.json, `${JSON.stringify(summary, null, 2)}\n`);
    await writeAtomically(files.csv, summaryCsv(summary, unitOf));
  } catch (err) {
    return refused(
      resultsDir,
      `cannot write the summary in ${resultsDir}: ${(err as Error).message}`,
      "file",
    );
  }
  return { ok: true, value: { summary, rows, tornLine, duplicates, files } };
}

/** Write summary.json and summary.csv of a results directory from its runs.ndjson. */
export async function writeSummary(resultsDir: string): Promise<{ ok: true } | Failure> {
  const r = await summarizeDir(resultsDir);
  return r.ok ? { ok: true } : r;
}
