/**
 * The one path from a parsed scenario to a result: set up, step to the horizon, read the result.
 * Failures are data here: a model that throws yields one `run` problem (at `(setup)` or `(run)`,
 * carrying the error's class name), never an exception, so one bad run cannot take down a study
 * or a CLI batch.
 */
import type { ModelDefinition, RunOptions, RunResult } from "./model.js";
import { type Failure, failure, problem } from "./problems.js";

/** What one attempted run gives. */
export type RunOutcome = { ok: true; result: RunResult } | Failure;

/** Run `model` once with `params` to `options.ticks` ticks (or until it stops). */
export function runModel<P>(model: ModelDefinition<P>, params: P, options: RunOptions): RunOutcome {
  let phase = "(setup)";
  try {
    const run = model.setup(params, options);
    phase = "(run)";
    run.simulation.run(options.ticks);
    return { ok: true, result: run.result() };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    return failure(problem("run", phase, e.message, { name: e.name }));
  }
}
