/**
 * A run of a model without dynamics: the analytic test functions compute their outcome once, at
 * setup, and their schedule has no phases, so any horizon leaves the result unchanged. The run
 * reports zero ticks whatever it is asked for, since nothing was stepped.
 */
import type { ModelRun } from "../../core/model.js";

/** A ModelRun whose result is the fixed `outcomes` and whose schedule has nothing to step. */
export function staticRun(outcomes: Record<string, number>): ModelRun {
  const simulation = {
    tick: 0,
    stopped: true,
    step(): void {},
    run(): number {
      return 0;
    },
  };
  return { simulation, result: () => ({ ticks: 0, outcomes: { ...outcomes }, series: {} }) };
}
