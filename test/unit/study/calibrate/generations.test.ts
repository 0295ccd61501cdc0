/**
 * The generations of ABC-SMC on models with known posteriors (no simulation model: the draws are
 * evaluated here): over 20 seeds, a noisy normal model's ABC posterior has the analytic mean and
 * spread (importance weights right), and a deterministic one converges on the truth; the same
 * seed gives the same populations whatever order a round's candidates are evaluated in.
 */
import { describe, expect, it } from "vitest";
import { RngStream } from "../../../../src/engine/rng.js";
import { type EvaluateDraws, runGenerations } from "../../../../src/study/calibrate/generations.js";
import type { DrawRow } from "../../../../src/study/calibrate/journal.js";
import { priorBox } from "../../../../src/study/calibrate/priors.js";
import { calibrationSchema } from "../../../../src/study/calibrate/schema.js";

const input = (seed: number, method: Record<string, unknown>) =>
  calibrationSchema.parse({
    name: "t",
    scenario: "x.yaml",
    seed,
    parameters: { "params.a": { min: -10, max: 10 } },
    targets: { y: { observed: 0, tolerance: 1, source: "s" } },
    method,
  });

/** y ~ Normal(θ, 1), distance |y − 0| (band half-width 1): noise from a stream per draw. */
function noisy(seed: number): EvaluateDraws {
  return async (g, cands) =>
    cands.map(({ draw, values }): DrawRow => {
      const y = values[0]! + new RngStream(`${seed}`, `noise/g${g}/d${draw}`).normal();
      return {
        generation: g,
        draw,
        parameters: { a: values[0]! },
        status: "ok",
        means: { y },
        distance: Math.abs(y),
      };
    });
}

describe("runGenerations", () => {
  it("recovers the normal model's posterior, N(0, 1), over 20 seeds", async () => {
    const box = priorBox([{ path: "params.a", name: "a", prior: "uniform", min: -10, max: 10, apply: true }]);
    const means: number[] = [];
    const sds: number[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const r = await runGenerations(input(seed, { population: 300, generations: 6 }), box, noisy(seed));
      if (r.status !== "finished") throw new Error(r.status);
      const { points, weights } = r.posterior;
      const m = points.reduce((s, p, i) => s + weights[i]! * p[0]!, 0);
      means.push(m);
      sds.push(Math.sqrt(points.reduce((s, p, i) => s + weights[i]! * (p[0]! - m) ** 2, 0)));
      expect(r.convergence.at(-1)!.tolerance!).toBeLessThan(0.4);
    }
    const avg = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    // With tolerance ε the ABC posterior is N(0, 1) blurred by U(−ε, ε): sd √(1 + ε²/3) ≤ 1.03.
    // Each seed's mean has sd ≈ 1/√ESS ≈ 0.07, so the average of 20 lies within ±0.1 (3 se).
    expect(Math.abs(avg(means))).toBeLessThan(0.1);
    expect(avg(sds)).toBeGreaterThan(0.9);
    expect(avg(sds)).toBeLessThan(1.1);
  });

  it("converges on a deterministic model's truth, tolerance shrinking every generation", async () => {
    const box = priorBox([{ path: "params.a", name: "a", prior: "uniform", min: -10, max: 10, apply: true }]);
    const exact: EvaluateDraws = async (g, cands) =>
      cands.map(({ draw, values }) => ({
        generation: g,
        draw,
        parameters: { a: values[0]! },
        status: "ok" as const,
        means: { y: values[0]! - 3 },
        distance: Math.abs(values[0]! - 3),
      }));
    for (let seed = 1; seed <= 20; seed++) {
      const r = await runGenerations(input(seed, { population: 50, generations: 8 }), box, exact);
      if (r.status !== "finished") throw new Error(r.status);
      const tol = r.convergence.map((g) => g.tolerance ?? Number.POSITIVE_INFINITY);
      for (let g = 1; g < tol.length; g++) expect(tol[g]!).toBeLessThan(tol[g - 1]!);
      const m = r.posterior.points.reduce((s, p, i) => s + r.posterior.weights[i]! * p[0]!, 0);
      expect(Math.abs(m - 3)).toBeLessThanOrEqual(tol.at(-1)!);
    }
  });

  it("gives the same result whichever order a round's candidates are evaluated in", async () => {
    const box = priorBox([{ path: "params.a", name: "a", prior: "uniform", min: -10, max: 10, apply: true }]);
    const inOrder = noisy(7);
    const reversed: EvaluateDraws = async (g, cands) => {
      const rows = await inOrder(g, [...cands].reverse());
      return rows?.reverse();
    };
    const a = await runGenerations(input(7, { population: 40, generations: 4 }), box, inOrder);
    const b = await runGenerations(input(7, { population: 40, generations: 4 }), box, reversed);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it("stops once a generation accepts too few of its draws, keeping the last full population", async () => {
    const box = priorBox([{ path: "params.a", name: "a", prior: "uniform", min: -10, max: 10, apply: true }]);
    const r = await runGenerations(
      input(3, { population: 40, generations: 30, minAcceptance: 0.2 }),
      box,
      noisy(3),
    );
    if (r.status !== "finished") throw new Error(r.status);
    expect(r.stopped).toMatch(/acceptance rate .* below 0.2|accepted fewer than 40/);
    expect(r.convergence.length).toBeLessThan(30);
    expect(r.posterior.points).toHaveLength(40);
  });

  it("starts no generation once the budget of runs is used", async () => {
    const box = priorBox([{ path: "params.a", name: "a", prior: "uniform", min: -10, max: 10, apply: true }]);
    const r = await runGenerations(input(4, { population: 20, generations: 10, budget: 50 }), box, noisy(4));
    if (r.status !== "finished") throw new Error(r.status);
    expect(r.stopped).toBe("budget of 50 runs used");
    const runs = r.convergence.map((g) => g.runsTotal);
    expect(runs.at(-1)!).toBeGreaterThanOrEqual(50);
    expect(runs.at(-2)!).toBeLessThan(50);
  });
});
