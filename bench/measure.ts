/** Timing helpers for benches: medians of repeated seeded runs, and the machine they ran on. */
import { cpus } from "node:os";
import type { ModelDefinition } from "../src/core/model.js";

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

/** One row of a model bench at k× the agents. */
export interface ScaledRow {
  name: string;
  medianMs: number;
  n: number;
  agentUpdatesPerSec?: number;
}

/**
 * Time a model at 1×, 4× and 16× the agents: for each k, three warm-up runs, then seeds 1..n
 * (`quick`: 60 days × 3 seeds, else 360 × 10). `start(k, seed, count)` builds a run whose
 * after-tick hook calls `count(live agents)`; it returns something with `simulation.run`.
 */
export function benchScaled(
  label: string,
  quick: boolean,
  start: (
    k: number,
    seed: number,
    count: (agents: number) => void,
  ) => { simulation: { run(n: number): number } },
): ScaledRow[] {
  const days = quick ? 60 : 360;
  const seeds = quick ? 3 : 10;
  const out: ScaledRow[] = [];
  for (const k of [1, 4, 16]) {
    for (let w = 0; w < 3; w++) start(k, 900 + w, () => {}).simulation.run(days); // warm the JIT
    const ms: number[] = [];
    const rates: number[] = [];
    for (let s = 1; s <= seeds; s++) {
      let updates = 0;
      const t0 = performance.now();
      start(k, s, (n) => {
        updates += n;
      }).simulation.run(days);
      const dt = performance.now() - t0;
      ms.push(dt);
      rates.push(updates / (dt / 1000));
    }
    out.push({
      name: `${label} ${days} d ×${k}`,
      medianMs: median(ms),
      n: seeds,
      agentUpdatesPerSec: median(rates),
    });
  }
  return out;
}
