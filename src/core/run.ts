/**
 * The one path from a parsed scenario to a result: set up, step to the horizon, read the result.
 * Failures are data here: a model that throws yields `{ ok: false, error }`, never an exception,
 * so one bad run cannot take down a study or a CLI batch.
 */
import type { ModelDefinition, RunOptions, RunResult } from "./model.js";

/** What one attempted run gives. */
export type RunOutcome =
  | { ok: true; result: RunResult }
  | { ok: false; error: { name: string; message: string } };

/** Run `model` once with `params` to `options.ticks` ticks (or until it stops). */
export function runModel<P>(model: ModelDefinition<P>, params: P, options: RunOptions): RunOutcome {
  try {
    const run = model.setup(params, options);
    run.simulation.run(options.ticks);
    return { ok: true, result: run.result() };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    return { ok: false, error: { name: e.name, message: e.message } };
  }
}
