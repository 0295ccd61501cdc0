/**
 * A study's results folder as the report reads it: the runs (the same reader `pamir summarize`
 * uses), the manifest when there is one, and the study's question. Everything but runs.ndjson
 * is optional, so a folder copied without its manifest still gives a report.
 */
import { readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { parse } from "yaml";
import type { OutcomeCatalogue } from "../core/outcomes.js";
import { readOutcomesFile } from "../core/outcomes-file.js";
import { failure, problem, type Result } from "../core/problems.js";
import { readText } from "../core/read-file.js";
import type { RunRow } from "../core/run-row.js";
import type { StudySummary } from "../stats/points.js";
import { loadRuns, RESULT_FILES } from "../stats/write-summary.js";
import { type Manifest, readManifest } from "../study/results/manifest.js";

/** What the report is built from. */
export interface ResultsData {
  /** The results folder as given. */
  dir: string;
  /** Runs sorted by scenario, point, replicate. */
  rows: RunRow[];
  /** A torn last line was skipped. */
  tornLine: boolean;
  /** Lines that repeated a run id. */
  duplicates: number;
  /** manifest.json, when readable. */
  manifest: Manifest | undefined;
  /** The study's `description:`, when the manifest or the study file still has it. */
  description: string | undefined;
  /** summary.json, when it is there and no older than runs.ndjson (else the report computes it). */
  summary: StudySummary | undefined;
  /** outcomes.csv: what the outcomes mean (none in a folder written before there was one). */
  catalogues: OutcomeCatalogue[];
}

/** JSON writes NaN as null; statistics read back as numbers again. */
function revive(_key: string, v: unknown): unknown {
  return v === null ? Number.NaN : v;
}

/**
 * summary.json if it describes these runs: written after runs.ndjson and counting as many runs.
 * The study runner writes it last, so this is the normal case, and it spares the report
 * recomputing every statistic (most of its time on a large study).
 */
function summaryOf(dir: string, rows: number): StudySummary | undefined {
  try {
    const file = join(dir, RESULT_FILES.json);
    if (statSync(file).mtimeMs < statSync(join(dir, RESULT_FILES.runs)).mtimeMs) return undefined;
    const s = JSON.parse(readFileSync(file, "utf8"), revive) as StudySummary;
    if (s?.runs?.total !== rows || !Array.isArray(s.points) || !Array.isArray(s.outcomes)) return undefined;
    return s;
  } catch {
    return undefined;
  }
}

/**
 * The study's description: the manifest's copy, else the study file the manifest names (older
 * manifests have no copy). A moved or deleted study file just means no description.
 */
function descriptionOf(dir: string, manifest: Manifest | undefined): string | undefined {
  if (!manifest) return undefined;
  if (typeof manifest.description === "string") return manifest.description;
  if (typeof manifest.studyFile !== "string") return undefined;
  // A manifest may come from anywhere: only a study file inside the results folder is read.
  const inside = relative(resolve(dir), resolve(dir, manifest.studyFile));
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) return undefined;
  const text = readText(resolve(dir, manifest.studyFile), { what: "study" });
  if (!text.ok) return undefined;
  try {
    const doc = parse(text.value) as { description?: unknown } | null;
    return typeof doc?.description === "string" ? doc.description : undefined;
  } catch {
    return undefined;
  }
}

/** Load a results folder; a problem says in one line why it cannot be reported on. */
export async function loadResults(dir: string): Promise<Result<ResultsData>> {
  const read = await loadRuns(dir);
  if (!read.ok) return read;
  if (read.value.rows.length === 0) {
    return failure(problem("results", "", `${dir}/runs.ndjson holds no runs: nothing to report`));
  }
  const manifest = readManifest(dir);
  const catalogues = readOutcomesFile(dir) ?? { ok: true, value: [] };
  if (!catalogues.ok) return catalogues;
  return {
    ok: true,
    value: {
      dir,
      ...read.value,
      manifest,
      description: descriptionOf(dir, manifest),
      summary: summaryOf(dir, read.value.rows.length),
      catalogues: catalogues.value,
    },
  };
}
