/**
 * manifest.json: what a results folder holds and how it was made — the study and its hash (the
 * resume key), the design, the factors and arms, pamir/Node/git versions, times and counts. It
 * is rewritten (temporary file + rename) at start, on interruption and at the end.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Factor, Sampler } from "../designs/design.js";
import type { LoadedStudy } from "../load.js";
import { type PlanShape, plannedRuns } from "../plan.js";
import { gitCommit } from "./git.js";
import { STUDY_FILES } from "./own-files.js";
import type { InputRecord } from "./provenance.js";

/** A factor as the manifest describes it. */
export type ManifestFactor =
  | { name: string; path: string; kind: "values"; levels: unknown[]; labels?: string[] }
  | { name: string; path: string; kind: "range"; min: number; max: number; integer: boolean };

/**
 * The folder format this pamir writes: 2 keeps the tables as Parquet (runs, outcomes,
 * series.parquet) and no per-run series files; folders without `format` are version 1 (series
 * under series/), which the report still reads.
 */
export const FOLDER_FORMAT = 2;

/** The manifest document. */
export interface Manifest {
  /** Folder format version (absent: 1). */
  format?: number;
  study: string;
  /** The study's `description:` (the question it asks), or null; absent in older manifests. */
  description?: string | null;
  studyFile: string;
  /** SHA-256 (hex) of the canonical parsed study and the parsed scenarios it names. */
  studyHash: string;
  /**
   * The files this folder's study owns (and may delete under --force); absent in older
   * manifests, which own the same. Nothing else in the folder is ever deleted.
   */
  files?: string[];
  pamir: string;
  git: string | null;
  /** Whether the checkout had uncommitted changes to tracked files (null: unknown); absent in older manifests. */
  dirty?: boolean | null;
  /** The command line of the last session (arguments after `pamir`), or null. */
  command?: string[] | null;
  /** The input files as the last session read them, with their SHA-256 and their copy under inputs/. */
  inputs?: InputRecord[];
  node: string;
  startedAt: string;
  /** Null while the study is running or after an interruption. */
  endedAt: string | null;
  counts: { planned: number; done: number; failed: number };
  seed: number;
  replicates: number;
  scenarios: { key: string; file: string; model: string; ticks: number }[];
  design: { sampler: Sampler | null; samples: number; cells: number; points: number };
  factors: ManifestFactor[];
  /** Labelled factor name → { path, labels: label → value }: the arms a comparison can name. */
  arms: Record<string, { path: string; labels: Record<string, unknown> }>;
  outcomes: string[] | "all";
  series: { every: number; keep: string[] | "all" } | null;
  /** How the last session ran (not part of the results: the same study gives the same rows). */
  execution: {
    workers: number;
    batchRuns: number;
    overheadMs: number;
    runMs: number;
    /** Time this session spent writing the Parquet parts and compacting the tables, ms. */
    tablesMs?: number;
    /** The Redis queue the runs went through (no credentials), for a distributed session. */
    queue?: string;
  } | null;
}

/** The plan shape of a loaded study. */
export function planShape(study: LoadedStudy): PlanShape {
  return {
    keys: study.scenarios.map((s) => s.key),
    points: study.design.points,
    replicates: study.input.replicates,
  };
}

function describeFactor(f: Factor): ManifestFactor {
  if (f.kind === "range")
    return { name: f.name, path: f.path, kind: "range", min: f.min, max: f.max, integer: f.integer };
  return {
    name: f.name,
    path: f.path,
    kind: "values",
    levels: f.values,
    ...(f.labels ? { labels: f.labels } : {}),
  };
}

/** A fresh manifest for `study`, run by pamir `version`, started at `startedAt`. */
export function newManifest(study: LoadedStudy, version: string, startedAt: Date): Manifest {
  const arms: Manifest["arms"] = {};
  for (const f of study.design.factors) {
    if (f.kind !== "values" || !f.labels) continue;
    arms[f.name] = { path: f.path, labels: Object.fromEntries(f.labels.map((l, i) => [l, f.values[i]])) };
  }
  const { input, design } = study;
  return {
    format: FOLDER_FORMAT,
    study: study.name,
    description: input.description ?? null,
    studyFile: study.file,
    studyHash: study.hash,
    files: [...STUDY_FILES],
    pamir: version,
    git: gitCommit(),
    node: process.version,
    startedAt: startedAt.toISOString(),
    endedAt: null,
    counts: { planned: plannedRuns(planShape(study)), done: 0, failed: 0 },
    seed: input.seed,
    replicates: input.replicates,
    scenarios: study.scenarios.map((s) => ({
      key: s.key,
      file: s.file,
      model: s.scenario.model.name,
      ticks: input.ticks ?? s.scenario.ticks,
    })),
    design: {
      sampler: design.sampler ?? null,
      samples: design.samples,
      cells: design.cells,
      points: design.points,
    },
    factors: design.factors.map(describeFactor),
    arms,
    outcomes: input.keep ?? "all",
    series: input.series ? { every: input.series.every, keep: input.series.keep ?? "all" } : null,
    execution: null,
  };
}

/** The manifest in `dir`, if there is a readable one. */
export function readManifest(dir: string): Manifest | undefined {
  const path = join(dir, "manifest.json");
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Manifest;
  } catch {
    return undefined;
  }
}

/** What a folder's manifest.json is: absent, damaged (and why), or a manifest. */
export type ManifestState =
  | { state: "absent" }
  | { state: "damaged"; why: string }
  | { state: "ok"; manifest: Manifest };

/** Read `<dir>/manifest.json`, telling a missing file from a damaged one (cut short, edited, not a manifest). */
export function inspectManifest(dir: string): ManifestState {
  const path = join(dir, "manifest.json");
  if (!existsSync(path)) return { state: "absent" };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    return { state: "damaged", why: `not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  const m = data as Partial<Manifest> | null;
  if (m === null || typeof m !== "object" || typeof m.studyHash !== "string")
    return { state: "damaged", why: "not a pamir manifest (no studyHash)" };
  return { state: "ok", manifest: m as Manifest };
}

/** The plan shape a manifest records, or undefined when it is not all there. */
export function recordedShape(m: Manifest): PlanShape | undefined {
  const keys = Array.isArray(m.scenarios) ? m.scenarios.map((s) => s?.key) : [];
  const points = m.design?.points;
  const ok =
    keys.every((k) => typeof k === "string") &&
    Number.isSafeInteger(points) &&
    Number.isSafeInteger(m.replicates);
  return ok && keys.length > 0
    ? { keys: keys as string[], points: points!, replicates: m.replicates }
    : undefined;
}

/** Write `m` to `<dir>/manifest.json` atomically. */
export function writeManifest(dir: string, m: Manifest): void {
  const path = join(dir, "manifest.json");
  writeFileSync(`${path}.tmp`, `${JSON.stringify(m, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}
