/**
 * Rebellion bench: NetLogo Rebellion defaults (40×40 torus, 70 % citizens, 4 % cops, vision 7)
 * for 500 ticks, median of seeded runs, then the same densities on 4× and 16× the area (80×80,
 * 160×160) to show the cost per agent-tick stays flat (linear cost). Also the restricted formula
 * compiler: compile once, then the cost of one evaluation.
 */

import { compileFormula } from "../src/core/formula.js";
import { rebellionModel, rebellionParams } from "../src/models/classic/rebellion.js";
import { median } from "./measure.js";

/** One bench line per grid size, plus one for formula evaluation (`quick`: 3 seeds, 50 ticks). */
export async function benchRebellion(quick: boolean): Promise<string[]> {
  const ticks = quick ? 50 : 500;
  const seeds = quick ? 3 : 10;
  const lines: string[] = [];
  let baseNs = Number.NaN;
  for (const [side, scale] of [
    [40, 1],
    [80, 4],
    [160, 16],
  ] as const) {
    const p = rebellionParams.parse({ width: side, height: side });
    rebellionModel.setup(p, { seed: 999, ticks }).simulation.run(ticks); // warm the JIT
    const ms: number[] = [];
    let agents = 0;
    const actives: number[] = [];
    for (let s = 1; s <= seeds; s++) {
      const t0 = performance.now();
      const run = rebellionModel.setup(p, { seed: s, ticks });
      run.simulation.run(ticks);
      ms.push(performance.now() - t0);
      const o = run.result().outcomes;
      agents = o.citizens! + o.cops!;
      actives.push(o.active_mean! / o.citizens!);
    }
    const m = median(ms);
    // Agents acting per tick ≈ citizens on the grid + cops; jailed ones cost almost nothing.
    const ns = (m * 1e6) / (agents * ticks);
    if (scale === 1) baseNs = ns;
    lines.push(
      `${side}×${side} (${scale}× area, ${agents} agents), ${ticks} ticks: median ${m.toFixed(1)} ms over ${seeds} seeds, ` +
        `${ns.toFixed(0)} ns per agent-tick (${(ns / baseNs).toFixed(2)}× the 40×40 figure; ` +
        `median active share ${(100 * median(actives)).toFixed(1)} %)`,
    );
  }
  const compiled = compileFormula("max(profit - risk * fighters, 0) + (cash > 1000 ? log(cash) : 0)", [
    "profit",
    "risk",
    "fighters",
    "cash",
  ]);
  if (!compiled.ok) throw new Error(compiled.problems[0]!.message);
  const f = compiled.value;
  const x = Float64Array.of(500, 2, 40, 5000);
  const calls = quick ? 20_000 : 500_000;
  for (let i = 0; i < 10_000; i++) f.evaluate(x);
  const t0 = performance.now();
  let sum = 0;
  for (let i = 0; i < calls; i++) {
    x[1] = i % 7;
    const r = f.evaluate(x);
    if (r.ok) sum += r.value;
  }
  const ns = ((performance.now() - t0) * 1e6) / calls;
  lines.push(
    `formula evaluate (compiled once, 4 inputs): ${ns.toFixed(0)} ns per call over ${calls} calls (Σ ${sum.toExponential(2)})`,
  );
  return lines;
}
