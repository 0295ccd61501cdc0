/**
 * The study meta: what the coordinator publishes once per study so that a worker on any machine
 * can run its batches — the scenario texts, the map files they name (a worker's disk need not
 * have them), factor paths, horizon, kept outcomes and series, the fixed batch size and the
 * pamir version. A worker turns it back into a batch context, writing the map files into its
 * own scratch folder and pointing the scenarios' `map:` at them.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import type { BatchContext } from "../study/batch.js";
import { gitCommit } from "../study/git.js";
import type { LoadedStudy } from "../study/load.js";
import { planShape } from "../study/manifest.js";
import { plannedRuns } from "../study/plan.js";
import { JOB_FORMAT, type StudyMeta } from "./payload.js";

/** The meta of `study` for pamir `version`, batches of `batchRuns` runs. */
export function studyMeta(study: LoadedStudy, version: string, batchRuns: number): StudyMeta {
  const { input } = study;
  return {
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
        const map =
          typeof given === "string" && file ? { given, text: readFileSync(file, "utf8") } : undefined;
        return { key: s.key, file: s.file, text: s.text, ...(map ? { map } : {}) };
      }),
      paths: study.design.factors.map((f) => f.path),
      ...(input.ticks !== undefined ? { ticks: input.ticks } : {}),
      ...(input.keep ? { keep: input.keep } : {}),
      ...(input.series ? { series: input.series } : {}),
    },
  };
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
