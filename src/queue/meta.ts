/**
 * The study meta: what the coordinator publishes once per study so that a worker on any machine
 * can run its batches — the scenario texts, the map files they name (a worker's disk need not
 * have them), factor paths, horizon, kept outcomes and series, the fixed batch size and the
 * pamir version. A worker turns it back into a batch context, writing the map files into its
 * own scratch folder and pointing the scenarios' `map:` at them.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import type { Failure } from "../core/problems.js";
import { readText } from "../core/read-file.js";
import type { LoadedStudy } from "../study/load.js";
import { plannedRuns } from "../study/plan.js";
import { gitCommit } from "../study/results/git.js";
import { planShape } from "../study/results/manifest.js";
import type { BatchContext } from "../study/run/batch.js";
import { JOB_FORMAT, type StudyMeta } from "./payload.js";

/**
 * The meta of `study` for pamir `version`, batches of `batchRuns` runs; a map file that can no
 * longer be read (it was read when the study loaded) is the failure.
 */
export function studyMeta(
  study: LoadedStudy,
  version: string,
  batchRuns: number,
): { ok: true; meta: StudyMeta } | Failure {
  const maps = new Map<string, string>();
  for (const s of study.scenarios) {
    const file = s.scenario.mapFile;
    if (file === undefined || maps.has(file)) continue;
    const text = readText(file);
    if (!text.ok) return text;
    maps.set(file, text.value);
  }
  const { input } = study;
  const meta: StudyMeta = {
    format: JOB_FORMAT,
    hash: study.hash,
    name: study.name,
    pamir: version,
    git: gitCommit(),
    planned: plannedRuns(planShape(study)),
    batchRuns,
    context: {
      scenarios: study.scenarios.map((s) => {
        const raw = s.scenario.raw;
        const given = "map" in raw ? raw.map : undefined;
        const file = s.scenario.mapFile;
        const map = typeof given === "string" && file ? { given, text: maps.get(file)! } : undefined;
        return { key: s.key, file: s.file, text: s.text, ...(map ? { map } : {}) };
      }),
      paths: study.design.factors.map((f) => f.path),
      ...(input.ticks !== undefined ? { ticks: input.ticks } : {}),
      ...(input.keep ? { keep: input.keep } : {}),
      ...(input.series ? { series: input.series } : {}),
    },
  };
  return { ok: true, meta };
}

/**
 * The batch context a worker runs `meta`'s batches with: map files written into `dir` (names
 * chosen here, never taken from the document) and each scenario's `map:` pointed at its copy;
 * series are returned with the records, since the results folder is on the coordinator's disk.
 */
export function workerContext(meta: StudyMeta, dir: string): BatchContext {
  const { context } = meta;
  return {
    hash: meta.hash,
    scenarios: context.scenarios.map((s, i) => {
      if (!s.map) return { key: s.key, file: s.file, text: s.text };
      const path = join(dir, `${meta.hash.slice(0, 16)}-${i}.map.json`);
      writeFileSync(path, s.map.text);
      const doc = parseDocument(s.text);
      doc.set("map", path);
      return { key: s.key, file: s.file, text: doc.toString() };
    }),
    paths: context.paths,
    ticks: context.ticks,
    keep: context.keep,
    series: context.series ? { every: context.series.every, keep: context.series.keep } : undefined,
  };
}
