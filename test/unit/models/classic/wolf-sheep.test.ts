import { describe, expect, it } from "vitest";
import type { RunResult } from "../../../../src/core/model.js";
import { runModel } from "../../../../src/core/run.js";
import {
  type WolfSheepParams,
  wolfSheepModel,
  wolfSheepParams,
} from "../../../../src/models/classic/wolf-sheep.js";

const params = (over: Partial<WolfSheepParams> = {}): WolfSheepParams => wolfSheepParams.parse(over);

/** The official path: set up and run to the horizon in one go. */
function runOnce(p: WolfSheepParams, seed: number, ticks: number): RunResult {
  const out = runModel(wolfSheepModel, p, { seed, ticks });
  if (!out.ok) throw new Error(out.problems.map((e) => e.message).join("; "));
  return out.result;
}

/**
 * Step a run tick by tick, checking the sheep energy balance after every tick (so a runaway
 * population fails fast instead of exhausting memory). Each sheep-tick costs 1 energy. Energy
 * enters only as initial energy (< 2Δ per sheep) and grass (Δ per bite; a cell is bitten at most
 * once per `regrowth` ticks, plus its initial stock). It leaves with the dead: an eaten sheep
 * carries energy ≥ ½ away, a starving one dies with energy ≥ −½ (halved energy is ≥ ½), so each
 * starvation overdraws at most ½. Hence after t ticks:
 *   sheep-ticks ≤ 2Δ·S₀ + Δ·bites(t) + ½·starved(t).
 */
function run(p: WolfSheepParams, seed: number, ticks: number): RunResult {
  const modelRun = wolfSheepModel.setup(p, { seed, ticks });
  const size = p.width * p.height;
  let sheepTicks = 0;
  let alive = p.sheep;
  for (let t = 1; t <= ticks; t++) {
    sheepTicks += alive; // every sheep alive at the start of the tick acts once, before any wolf
    modelRun.simulation.step();
    const o = modelRun.result().outcomes;
    alive = o.sheep!;
    const bites = size * (Math.floor((t - 1) / p.regrowth) + 1);
    const starved = p.sheep + o.sheep_born! - alive - o.sheep_eaten!;
    const bound = 2 * p.sheepGain * p.sheep + p.sheepGain * bites + 0.5 * starved;
    if (sheepTicks > bound) expect.fail(`tick ${t}: ${sheepTicks} sheep-ticks > energy bound ${bound}`);
  }
  return modelRun.result();
}

const series = (r: RunResult, name: string): number[] => {
  const s = r.series[name];
  if (!s) throw new Error(`no series ${name}`);
  return s;
};

describe("wolf-sheep", () => {
  it("same seed ⇒ identical JSON; different seeds ⇒ different results", () => {
    const p = params();
    for (const seed of [1, 2, 3]) {
      const a = JSON.stringify(run(p, seed, 60));
      expect(JSON.stringify(run(p, seed, 60))).toBe(a);
      // Stepping tick by tick and running in one go are the same run.
      expect(JSON.stringify(runOnce(p, seed, 60))).toBe(a);
      expect(JSON.stringify(run(p, seed + 100, 60))).not.toBe(a);
    }
  });

  it("populations are non-negative integers, grass_share is in [0, 1], outcomes agree with series", () => {
    for (const [seed, torus] of [
      [1, true],
      [2, false],
      [3, true],
    ] as const) {
      const r = run(params({ torus }), seed, 120);
      const sheep = series(r, "sheep");
      const wolves = series(r, "wolves");
      const grass = series(r, "grass_share");
      expect(sheep).toHaveLength(r.ticks);
      expect(wolves).toHaveLength(r.ticks);
      expect(grass).toHaveLength(r.ticks);
      for (let t = 0; t < r.ticks; t++) {
        for (const v of [sheep[t]!, wolves[t]!])
          if (!(Number.isInteger(v) && v >= 0)) expect.fail(`count ${v}`);
        if (!(grass[t]! >= 0 && grass[t]! <= 1)) expect.fail(`grass_share ${grass[t]} at ${t}`);
        // grass_share is a share of 625 cells.
        expect(Math.abs(grass[t]! * 625 - Math.round(grass[t]! * 625))).toBeLessThan(1e-9);
      }
      const o = r.outcomes;
      expect(o.sheep).toBe(sheep[r.ticks - 1]);
      expect(o.wolves).toBe(wolves[r.ticks - 1]);
      expect(o.grass_share).toBe(grass[r.ticks - 1]);
      expect(o.sheep_peak).toBe(Math.max(60, ...sheep));
      expect(o.wolves_peak).toBe(Math.max(40, ...wolves));
      // Nothing is eaten that never existed.
      expect(o.sheep_eaten).toBeLessThanOrEqual(60 + o.sheep_born!);
      expect(o.sheep_eaten).toBeGreaterThan(0);
      expect(o.sheep_born).toBeGreaterThan(0);
      expect(o.wolves_born).toBeGreaterThan(0);
      // Every sheep is alive at the end, was eaten, or starved: the first two cannot exceed all sheep.
      expect(o.sheep! + o.sheep_eaten!).toBeLessThanOrEqual(60 + o.sheep_born!);
      expect(o.wolves!).toBeLessThanOrEqual(40 + o.wolves_born!);
    }
  });

  it("without sheep, wolves starve: none left once the largest initial energy (< 2Δ) has run out", () => {
    for (const wolfGain of [13, 4]) {
      for (const seed of [1, 2, 3]) {
        const p = params({ sheep: 0, wolves: 50, wolfGain, wolfReproduce: 0.3 });
        const r = run(p, seed, 3 * wolfGain + 10);
        const wolves = series(r, "wolves");
        // Energy starts below 2Δ, falls by 1 a tick, offspring get half; a wolf dies below 0,
        // so after 2Δ + 1 ticks (series index 2Δ) nobody is left.
        for (let t = 2 * wolfGain; t < wolves.length; t++) expect(wolves[t]).toBe(0);
        expect(wolves[0]).toBeGreaterThan(0);
        expect(r.outcomes.sheep_eaten).toBe(0);
        expect(r.outcomes.sheep).toBe(0);
        expect(r.outcomes.wolves_born).toBeGreaterThan(0);
      }
    }
  });

  it("without wolves, sheep multiply until grass limits them (the energy bound holds every tick)", () => {
    for (const seed of [1, 2, 3, 4]) {
      // run() fails as soon as the sheep outgrow what the grass can feed (×1.2 a tick otherwise).
      const r = run(params({ wolves: 0 }), seed, 150);
      expect(r.outcomes.wolves).toBe(0);
      expect(r.outcomes.sheep_eaten).toBe(0);
      // They do grow at first...
      expect(r.outcomes.sheep_peak).toBeGreaterThan(60);
      // ...and graze the grass down from its initial half-grown state at some point.
      expect(Math.min(...series(r, "grass_share"))).toBeLessThan(0.5);
    }
  });

  it("with no animals, all grass is grown after `regrowth` ticks and never shrinks", () => {
    for (const regrowth of [1, 5, 20]) {
      const r = run(params({ sheep: 0, wolves: 0, regrowth }), 7, regrowth + 5);
      const grass = series(r, "grass_share");
      for (let t = 1; t < grass.length; t++) expect(grass[t]!).toBeGreaterThanOrEqual(grass[t - 1]!);
      for (let t = regrowth - 1; t < grass.length; t++) expect(grass[t]).toBe(1);
      if (regrowth > 1) expect(grass[0]).toBeLessThan(1);
    }
  });

  it("zero ticks reports the initial state", () => {
    const r = runOnce(params(), 1, 0);
    expect(r.ticks).toBe(0);
    expect(r.outcomes.sheep).toBe(60);
    expect(r.outcomes.wolves).toBe(40);
    expect(r.series.sheep).toEqual([]);
  });

  it("a 0-tick run reports the initial grass share", () => {
    // Setup grows each of the 625 cells with probability ½, so the share is within 5 standard
    // errors (5·√(¼/625) = 0.1) of ½ (it was once 0 because grass was only counted after a tick).
    for (const seed of [1, 2, 3]) {
      const r = runOnce(params(), seed, 0);
      expect(Math.abs(r.outcomes.grass_share! - 0.5)).toBeLessThan(0.1);
    }
  });
});
