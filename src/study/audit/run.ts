/**
 * Running an audit plan: every variant × the same seeds, as batches on the study's executor (the
 * piscina pool of `pamir study`, or inline in tests) with the study runner's batch sizing and
 * dispatch loop; then each contrast's effects from the paired runs. Seeds are common to all
 * variants (common random numbers), derived from the scenario's seed like a study's run seeds.
 */
import { failure as failureOf, type Problem, problem, type Result } from "../../core/problems.js";
import type { LoadedScenario } from "../../scenario/load.js";
import { hashOf } from "../hash.js";
import { runSeed } from "../plan.js";
import type { BatchContext, RunTask } from "../run/batch.js";
import { BatchSizer } from "../run/batching.js";
import { type Executor, poolExecutor } from "../run/executor.js";
import { type Dispatcher, steadyState, warmUp } from "../run/runner.js";
import { contrastEffects, movesFamilywise, type OutcomeEffect, type RunOutcomes } from "./effects.js";
import type { AuditPlan, Contrast } from "./plan.js";

/** The scenario an audit runs: loaded, with the text its workers parse. */
export interface AuditScenario {
  scenario: LoadedScenario;
  /** The file's text. */
  text: string;
}

/** How to run an audit. */
export interface AuditOptions {
  /** Seeds per arm (the same seeds in every arm). */
  seeds: number;
  /** Horizon override (the scenario's when absent). */
  ticks?: number | undefined;
  /** Worker threads. */
  workers: number;
  /** Called after every batch with the runs done and planned. */
  onProgress?: ((done: number, planned: number) => void) | undefined;
  /** Executor factory (default: the study pool of the compiled worker). */
  executor?: ((ctx: BatchContext, workers: number) => Executor) | undefined;
}

/** A contrast and its effects. */
export interface ContrastResult {
  contrast: Contrast;
  /** Effects on every outcome, ranked (effects.ts). */
  effects: OutcomeEffect[];
  /** Outcomes whose interval excludes 0. */
  moved: number;
  /** Whether some outcome is moved after a Bonferroni correction over the outcomes (effects.ts). */
  familywise: boolean;
}

/** What an audit found. */
export interface AuditResult {
  /** Run seeds, in replicate order. */
  seeds: number[];
  /** Horizon every run was asked for. */
  ticks: number;
  /** Runs done. */
  runs: number;
  /** Runs that failed, with the first problem of each (at most 5 kept). */
  failed: { count: number; first: Problem[] };
  /** One per contrast, in plan order. */
  contrasts: ContrastResult[];
  /** Wall-clock time, ms. */
  elapsedMs: number;
}

/** The seed of replicate r of an audit of a scenario with seed `seed`. */
export function auditSeed(seed: number, r: number): number {
  return runSeed(seed, `audit/r${r}`);
}

/** A dispatcher over the audit's tasks that stores each run's outcomes at [point][replicate]. */
function auditDispatcher(
  tasks: RunTask[],
  exec: Executor,
  runs: RunOutcomes[][],
  failed: AuditResult["failed"],
  onProgress: AuditOptions["onProgress"],
) {
  const seeds = runs[0]!.length;
  let cursor = 0;
  let done = 0;
  let failure: string | undefined;
  const d: Dispatcher = {
    sizer: new BatchSizer(exec.workers),
    remaining: () => tasks.length - cursor,
    take(n) {
      const t = tasks.slice(cursor, cursor + n);
      cursor += t.length;
      return t;
    },
    async send(batch) {
      try {
        const reply = await exec.run(batch);
        let busy = 0;
        for (const rec of reply.records) {
          busy += rec.durationMs;
          if (rec.status === "ok") runs[Math.floor(rec.index / seeds)]![rec.index % seeds] = rec.outcomes;
          else {
            failed.count++;
            if (failed.first.length < 5 && rec.problems?.[0]) failed.first.push(rec.problems[0]);
          }
        }
        d.sizer.observe(reply.records.length, busy);
        done += reply.records.length;
        onProgress?.(done, tasks.length);
      } catch (err) {
        failure ??= err instanceof Error ? err.message : String(err);
      }
    },
    stopped: () => failure !== undefined,
    failure: () => failure,
  };
  return d;
}

/** Run `plan` on `sc`: every contrast's effects, or the executor problem if the pool itself broke. */
export async function runAudit(
  sc: AuditScenario,
  plan: AuditPlan,
  opts: AuditOptions,
): Promise<Result<AuditResult>> {
  const t0 = performance.now();
  const { scenario } = sc;
  const ticks = opts.ticks ?? scenario.ticks;
  const seeds = Array.from({ length: opts.seeds }, (_, r) => auditSeed(scenario.seed, r));
  const ctx: BatchContext = {
    hash: hashOf({ audit: scenario.raw, file: scenario.file, paths: plan.paths, points: plan.points, ticks }),
    scenarios: [{ key: "audit", file: scenario.file, text: sc.text }],
    paths: plan.paths,
    ticks,
  };
  const tasks: RunTask[] = plan.points.flatMap((values, point) =>
    seeds.map((seed, r) => {
      const index = point * seeds.length + r;
      return { index, id: `audit/p${point}/r${r}`, scenario: 0, point, seed, values };
    }),
  );
  const runs: RunOutcomes[][] = plan.points.map(() => seeds.map(() => undefined));
  const failed = { count: 0, first: [] as Problem[] };
  const exec = (opts.executor ?? poolExecutor)(ctx, opts.workers);
  const d = auditDispatcher(tasks, exec, runs, failed, opts.onProgress);
  try {
    await warmUp(d, exec);
    await steadyState(d, exec, undefined);
  } finally {
    await exec.close();
  }
  const broke = d.failure();
  if (broke !== undefined) return failureOf(problem("executor", "", `the run pool failed: ${broke}`));
  const contrasts = plan.contrasts.map((contrast) => {
    const effects = contrastEffects(runs[contrast.pointA]!, runs[contrast.pointB]!);
    const moved = effects.filter((e) => e.moved).length;
    return { contrast, effects, moved, familywise: movesFamilywise(effects) };
  });
  const elapsedMs = performance.now() - t0;
  return { ok: true, value: { seeds, ticks, runs: tasks.length, failed, contrasts, elapsedMs } };
}
