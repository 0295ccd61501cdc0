/**
 * The study meta: what the coordinator publishes once per study so that a worker on any machine
 * can run its batches — the scenario texts, the map files they name (a worker's disk need not
 * have them), factor paths, horizon, kept outcomes and series, the fixed batch size and the
 * pamir version. A worker turns it back into a batch context, writing the map files into its
 * own scratch folder and pointing the scenarios' `map:` at them. Map content travels by value:
 * a worker never opens a path a document from Redis names (a scenario whose `map:` names a file
 * the meta does not carry is refused, so whether a local file exists never leaks either).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { type Failure, failure, problem, type Result } from "../core/problems.js";
import { readText } from "../core/read-file.js";
import { parseYaml } from "../scenario/yaml-source.js";
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

/** Why a worker refuses to run a study's scenario: its `map:` must be the file the meta carries, or inline. */
function mapProblem(s: StudyMeta["context"]["scenarios"][number]): string | undefined {
  const src = parseYaml(s.text);
  if (!src.usable) return `scenario ${s.key} is not usable YAML`;
  const data = src.data as { map?: unknown } | null;
  const named = data !== null && typeof data === "object" ? data.map : undefined;
  if (typeof named === "string" && s.map?.given !== named)
    return `scenario ${s.key} names the map file ${JSON.stringify(named)} but does not carry it: a worker never opens a local path`;
  if (typeof named !== "string" && s.map)
    return `scenario ${s.key} carries a map file its text does not name`;
  return undefined;
}

/**
 * The batch context a worker runs `meta`'s batches with: map files written into `dir` (names
 * chosen here, never taken from the document) and each scenario's `map:` pointed at its copy;
 * series are returned with the records, since the results folder is on the coordinator's disk.
 * A scenario naming a map the meta does not carry is the failure (reason `meta`), before any write.
 */
export function workerContext(meta: StudyMeta, dir: string): Result<BatchContext> {
  const { context } = meta;
  for (const s of context.scenarios) {
    const why = mapProblem(s);
    if (why) return failure(problem("queue", "", why, { reason: "meta" }));
  }
  return {
    ok: true,
    value: {
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
    },
  };
}
