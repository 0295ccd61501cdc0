import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RunResult } from "../../../../src/core/model.js";
import { runModel } from "../../../../src/core/run.js";
import {
  buildRebellion,
  type RebellionParams,
  type RebellionWorld,
  rebellionCounts,
  rebellionModel,
  rebellionParams,
} from "../../../../src/models/classic/rebellion.js";
import { VISION_SHAPES } from "../../../../src/models/population/vision.js";

const params = (over: Partial<RebellionParams> = {}): RebellionParams => rebellionParams.parse(over);

function runOnce(p: RebellionParams, seed: number, ticks: number): RunResult {
  const out = runModel(rebellionModel, p, { seed, ticks });
  if (!out.ok) throw new Error(out.problems.map((e) => e.message).join("; "));
  return out.result;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Every invariant of the world as it stands between ticks. */
function checkInvariants(w: RebellionWorld, p: RebellionParams): void {
  const { pop, cops, copSpace, security } = w;
  const size = p.width * p.height;
  const { citizens: nCitizens, cops: nCops } = rebellionCounts(p);
  const citizenCells = [...pop.citizens.order()].map((id) => pop.citizens.col.cell[id]!);
  const copCells = [...cops.order()].map((id) => cops.col.cell[id]!);
  // No agent on two cells and no two agents on one cell, of either kind.
  const all = [...citizenCells, ...copCells];
  expect(new Set(all).size).toBe(all.length);
  for (const c of all) expect(c >= 0 && c < size).toBe(true);
  // The spaces agree with the agents' columns, and jailed citizens hold no cell.
  let occupied = 0;
  for (let c = 0; c < size; c++) if (pop.space.occupant[c] !== -1) occupied++;
  expect(occupied).toBe(pop.citizens.alive);
  for (const id of pop.citizens.order()) expect(pop.space.occupant[pop.citizens.col.cell[id]!]).toBe(id);
  for (const id of cops.order()) expect(copSpace.occupant[cops.col.cell[id]!]).toBe(id);
  // Security strength is exactly the cops' cells.
  for (let c = 0; c < size; c++) expect(security[c]).toBe(copCells.includes(c) ? 1 : 0);
  // Active bookkeeping matches the citizens' flags.
  let active = 0;
  for (const id of pop.citizens.order()) {
    const a = pop.citizens.col.active[id]!;
    expect(pop.activeAt[pop.citizens.col.cell[id]!]).toBe(a);
    active += a;
  }
  expect(pop.activeCount).toBe(active);
  expect(pop.activeAt.reduce((s, v) => s + v, 0)).toBe(active);
  for (let c = 0; c < size; c++) expect(pop.activeNear[c]).toBe(pop.vision.sum(pop.activeAt, c));
  // Conservation: citizens = quiet + active + jailed, and cops never change.
  const o = w.run.result().outcomes;
  expect(o.quiet! + o.active! + o.jailed!).toBe(nCitizens);
  expect(pop.citizens.alive + pop.inmates.alive).toBe(nCitizens);
  expect(cops.alive).toBe(nCops);
  for (const id of pop.inmates.order()) {
    const t = pop.inmates.col.term[id]!;
    expect(t >= 0 && t <= p.maxJail).toBe(true);
  }
}

describe("rebellion model", () => {
  it("defaults to NetLogo Rebellion's settings", () => {
    const p = params();
    expect(p).toMatchObject({
      width: 40,
      height: 40,
      torus: true,
      citizenDensity: 0.7,
      copDensity: 0.04,
      vision: 7,
      visionShape: "disk",
      legitimacy: 0.82,
      maxJail: 30,
      k: 2.3,
      threshold: 0.1,
      arrestRatio: "floor",
      movement: true,
    });
    expect(rebellionCounts(p)).toEqual({ citizens: 1120, cops: 64 });
    expect(rebellionParams.safeParse({ copsDensity: 0.1 }).success).toBe(false);
    expect(rebellionModel.check!(params({ citizenDensity: 0.99, copDensity: 0.05 }), undefined)).toHaveLength(
      1,
    );
  });

  it("keeps every invariant after every tick on random small worlds (property)", () => {
    const arb = fc.record({
      width: fc.integer({ min: 3, max: 14 }),
      height: fc.integer({ min: 3, max: 14 }),
      torus: fc.boolean(),
      citizenDensity: fc.double({ min: 0, max: 0.85, noNaN: true }),
      copDensity: fc.double({ min: 0, max: 0.1, noNaN: true }),
      vision: fc.integer({ min: 1, max: 4 }),
      visionShape: fc.constantFrom(...VISION_SHAPES),
      legitimacy: fc.double({ min: 0, max: 1, noNaN: true }),
      maxJail: fc.integer({ min: 1, max: 8 }),
      movement: fc.boolean(),
      arrestRatio: fc.constantFrom("floor" as const, "exact" as const),
    });
    fc.assert(
      fc.property(arb, fc.nat(), fc.integer({ min: 1, max: 25 }), (raw, seed, ticks) => {
        const p = params(raw);
        const w = buildRebellion(p, { seed, ticks });
        checkInvariants(w, p);
        for (let t = 0; t < ticks; t++) {
          w.run.simulation.step();
          checkInvariants(w, p);
        }
        const r = w.run.result();
        expect(r.series.active).toHaveLength(ticks);
        expect(r.outcomes.arrests).toBe(r.series.arrests!.reduce((s, x) => s + x, 0));
      }),
      { numRuns: 60 },
    );
  });

  it("gives identical results for the same seed and different ones for different seeds", () => {
    const p = params({ width: 20, height: 20 });
    const a = JSON.stringify(runOnce(p, 7, 120));
    expect(JSON.stringify(runOnce(p, 7, 120))).toBe(a);
    expect(JSON.stringify(runOnce(p, 8, 120))).not.toBe(a);
  });
});

describe("rebellion validation (20 seeds, 500 ticks, 50-tick burn-in)", () => {
  const SEEDS = 20;
  const cache = new Map<number, RunResult[]>();
  const runs = (legitimacy: number): RunResult[] => {
    let rs = cache.get(legitimacy);
    if (!rs) {
      const p = params({ legitimacy, burnIn: 50 });
      rs = Array.from({ length: SEEDS }, (_, s) => runOnce(p, s + 1, 500));
      cache.set(legitimacy, rs);
    }
    return rs;
  };
  const outcome = (legitimacy: number, key: string) => runs(legitimacy).map((r) => r.outcomes[key]!);

  it("shows punctuated bursts with the defaults: kurtosis of the active series well above 3", () => {
    const k = outcome(0.82, "active_kurtosis");
    expect(mean(k)).toBeGreaterThan(5);
    for (const x of k) expect(x).toBeGreaterThan(4);
    // Bursts, not a steady level: the peak is many times the mean.
    const ratio = runs(0.82).map((r) => r.outcomes.active_peak! / r.outcomes.active_mean!);
    expect(mean(ratio)).toBeGreaterThan(5);
  });

  it("with legitimacy held low the rebellion is chronic: kurtosis near 3 or below", () => {
    const k = outcome(0.3, "active_kurtosis");
    expect(mean(k)).toBeLessThan(3.5);
    expect(mean(k)).toBeLessThan(mean(outcome(0.82, "active_kurtosis")) - 2);
  });

  it("with legitimacy held high (≥ 0.9, grievance ≤ T) nobody ever turns active: the series is flat", () => {
    for (const L of [0.9, 0.95]) {
      for (const r of runs(L)) {
        expect(r.outcomes.active_peak).toBe(0);
        expect(r.outcomes.arrests).toBe(0);
        expect(r.outcomes.active_kurtosis).toBeNaN();
      }
    }
  });

  it("lower legitimacy ⇒ more actives (0.88 → 0.82 → 0.72), and more citizens jailed down to 0.3", () => {
    const at = (L: number) => mean(outcome(L, "active_mean"));
    expect(at(0.82)).toBeGreaterThan(at(0.88) + 15);
    expect(at(0.72)).toBeGreaterThan(at(0.82) + 20);
    const jailed = (L: number) => mean(runs(L).map((r) => mean(r.series.jailed!.slice(50))));
    expect(jailed(0.72)).toBeGreaterThan(jailed(0.82) + 50);
    expect(jailed(0.3)).toBeGreaterThan(jailed(0.72) + 100);
  });
});
