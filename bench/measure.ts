/** Timing helpers for benches: medians of repeated seeded runs, and the machine they ran on. */
import { cpus } from "node:os";
import type { ModelDefinition } from "../src/models/types.js";

/** Median of a list of numbers (NaN for none). */
export function median(xs: number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** One line describing the machine and runtime. */
export function machine(): string {
  const c = cpus();
  return `Node ${process.version}, ${c[0]?.model ?? "unknown CPU"} × ${c.length} cores, ${process.platform}/${process.arch}`;
}

/** Setup and step times of one model run, plus the agent-steps it performed. */
export interface RunTiming {
  setupMs: number;
  stepMs: number;
  agentSteps: number;
}

/**
 * Time one run of a registered model: setup separately from stepping. `agentsAt` reads how many
 * agents act in a tick from the run's series (index t = state after tick t; -1 = initial).
 */
export function timeModel<P>(
  model: ModelDefinition<P>,
  params: P,
  seed: number,
  ticks: number,
  agentsAt: (series: Record<string, number[]>, t: number) => number,
): RunTiming {
  const t0 = performance.now();
  const run = model.setup(params, { seed, ticks });
  const t1 = performance.now();
  run.simulation.run(ticks);
  const t2 = performance.now();
  const { series, ticks: done } = run.result();
  let agentSteps = 0;
  for (let t = 0; t < done; t++) agentSteps += agentsAt(series, t - 1);
  return { setupMs: t1 - t0, stepMs: t2 - t1, agentSteps };
}
