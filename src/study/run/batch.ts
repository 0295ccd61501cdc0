/**
 * Running a batch of study runs, the same code in a worker thread and inline: each scenario is
 * loaded once per thread and kept, each design point is resolved once per batch stretch, and a
 * run that fails — the model's cross-field check, setup or a tick throwing — becomes a `failed`
 * record carrying its problems. Nothing here throws for a bad run, so one run cannot stop a study.
 */
import { type Failure, failure, formatPath, type Problem, problem } from "../../core/problems.js";
import { runModel } from "../../core/run.js";
import { type LoadedScenario, loadScenarioText } from "../../scenario/load.js";
import { type ResolvedPoint, resolvePoint } from "../point.js";
import { type SeriesDocument, thinSeries } from "../results/series.js";
import { globMatcher } from "./glob.js";
import type { RunRecord } from "./rows.js";

/** What every batch of a study shares (sent once per worker). */
export interface BatchContext {
  /** The study hash: a thread keeps its caches only while the context is the same. */
  hash: string;
  /** Base scenarios as text, in study order. */
  scenarios: { key: string; file: string; text: string }[];
  /** Factor paths, in factor order. */
  paths: string[];
  /** Study-wide horizon override. */
  ticks?: number | undefined;
  /** Outcome globs to keep (all when absent). */
  keep?: string[] | undefined;
  /**
   * Thinned series, when asked: returned with each record, for the process that holds the
   * results folder to write into its series parts (a queue worker's disk is not that folder's).
   */
  series?: { every: number; keep?: string[] | undefined } | undefined;
}

/** One run to do. */
export interface RunTask {
  index: number;
  id: string;
  scenario: number;
  point: number;
  seed: number;
  /** Factor values of its point, in factor order. */
  values: unknown[];
}

/** What a batch gives back. */
export interface BatchReply {
  records: RunRecord[];
}

/** Per-thread state: loaded scenarios and the last resolved point. */
interface Cache {
  hash: string;
  scenarios: Map<number, LoadedScenario | Failure>;
  point?: { scenario: number; point: number; values: string; resolved: ResolvedPoint } | undefined;
  keepOutcome: (name: string) => boolean;
  keepSeries: (name: string) => boolean;
}

let cache: Cache | undefined;

function cacheFor(ctx: BatchContext): Cache {
  if (cache?.hash !== ctx.hash) {
    cache = {
      hash: ctx.hash,
      scenarios: new Map(),
      keepOutcome: globMatcher(ctx.keep),
      keepSeries: globMatcher(ctx.series?.keep),
    };
  }
  return cache;
}

/** Loads scenario `i` of a context: from its text, as validated by the main thread. */
export type ScenarioLoader = (ctx: BatchContext, i: number) => LoadedScenario | Failure;

/** The default loader: parse the scenario text the context carries (its problems, should it not load). */
export const loadFromText: ScenarioLoader = (ctx, i) => {
  const s = ctx.scenarios[i];
  if (!s) return failure(problem("schema", `scenarios[${i}]`, "the study has no such scenario"));
  const res = loadScenarioText(s.text, s.file);
  return res.ok ? res.scenario : res;
};

function scenarioOf(ctx: BatchContext, c: Cache, i: number, load: ScenarioLoader): LoadedScenario | Failure {
  let sc = c.scenarios.get(i);
  if (!sc) {
    sc = load(ctx, i);
    c.scenarios.set(i, sc);
  }
  return sc;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** Do one run; never throws. */
function runOne(ctx: BatchContext, c: Cache, task: RunTask, load: ScenarioLoader): RunRecord {
  const t0 = performance.now();
  const failed = (problems: Problem[]): RunRecord => ({
    index: task.index,
    status: "failed",
    problems,
    durationMs: round(performance.now() - t0),
    ticks: 0,
    outcomes: {},
  });
  try {
    const sc = scenarioOf(ctx, c, task.scenario, load);
    if ("problems" in sc) return failed(sc.problems);
    // Keyed by the values too: a job from the queue may carry other values under the same point index.
    const values = JSON.stringify(task.values);
    if (c.point?.scenario !== task.scenario || c.point.point !== task.point || c.point.values !== values) {
      c.point = {
        scenario: task.scenario,
        point: task.point,
        values,
        resolved: resolvePoint(sc, ctx.paths, task.values, ctx.ticks),
      };
    }
    const r = c.point.resolved;
    if (!r.ok) return failed(pointProblems(sc, r.issues));
    // A point the model's own cross-field check rejects is a failed run, not a study error: see README.
    const checked = sc.model.check?.(r.params, sc.map) ?? [];
    if (checked.length > 0)
      return failed(checked.map((p) => problem("check", formatPath(["params", ...p.path]), p.message)));
    const out = runModel(sc.model, r.params, { seed: task.seed, ticks: r.ticks, map: sc.map });
    if (!out.ok) return failed(out.problems);
    const outcomes: Record<string, number> = {};
    for (const [k, v] of Object.entries(out.result.outcomes)) if (c.keepOutcome(k)) outcomes[k] = v;
    let series: SeriesDocument | undefined;
    if (ctx.series)
      series = thinSeries(task.id, out.result.series, out.result.ticks, ctx.series.every, c.keepSeries);
    return {
      index: task.index,
      status: "ok",
      durationMs: round(performance.now() - t0),
      ticks: out.result.ticks,
      outcomes,
      ...(series ? { series } : {}),
    };
  } catch (err) {
    // Anything else (a throwing check or step) is still this run's failure.
    const e = err instanceof Error ? err : new Error(String(err));
    return failed([problem("run", "(run)", e.message, { name: e.name })]);
  }
}

/** The schema's issues with a design point on its scenario, as the run's problems. */
function pointProblems(
  sc: LoadedScenario,
  issues: readonly { path: PropertyKey[]; message: string }[],
): Problem[] {
  if (issues.length === 0)
    return [problem("schema", "model", `model "${sc.model.name}" has no scenario schema`)];
  return issues.map((i) => problem("schema", formatPath(i.path), i.message));
}

/**
 * Run every task of a batch in order, one record per task in task order. `load` is for tests
 * that run a stand-in model; the thread's caches are keyed by the context's hash.
 */
export function runBatch(ctx: BatchContext, tasks: readonly RunTask[], load = loadFromText): BatchReply {
  const c = cacheFor(ctx);
  return { records: tasks.map((t) => runOne(ctx, c, t, load)) };
}
