import { afterEach, describe, expect, it, vi } from "vitest";
import { floorSchelling } from "../../../../bench/floor-schelling.js";
import type { RegionMap, RunResult } from "../../../../src/core/model.js";
import { runModel } from "../../../../src/core/run.js";
import { AgentStore, type Schema } from "../../../../src/engine/agents.js";
import {
  type SchellingParams,
  schellingModel,
  schellingParams,
  setupSchelling,
} from "../../../../src/models/classic/schelling.js";

const params = (over: Partial<SchellingParams> = {}): SchellingParams => schellingParams.parse(over);

function run(p: SchellingParams, seed: number, ticks: number, map?: RegionMap): RunResult {
  const out = runModel(schellingModel, p, { seed, ticks, map });
  if (!out.ok) throw new Error(out.problems.map((e) => e.message).join("; "));
  return out.result;
}

/**
 * Set up a run while spying on AgentStore.flush to get hold of the residents store, whose `cell`
 * column is the truth about where everyone stands.
 */
function setupWithStore(p: SchellingParams, seed: number, ticks: number, map?: RegionMap) {
  const spy = vi.spyOn(AgentStore.prototype, "flush");
  const modelRun = setupSchelling(p, { seed, ticks, map });
  const stores = spy.mock.contexts as AgentStore<Schema>[];
  spy.mockRestore();
  const residents = stores.find((s) => s.kind === "resident");
  if (!residents) throw new Error("residents store not seen");
  return { modelRun, residents };
}

/** Throws unless every live resident is on its own cell of the grid, never a blocked one. */
function checkNoOverlap(residents: AgentStore<Schema>, size: number, blocked?: (c: number) => boolean): void {
  const seen = new Set<number>();
  const cell = residents.col.cell!;
  for (const id of residents.order()) {
    const c = cell[id]!;
    if (!(Number.isInteger(c) && c >= 0 && c < size))
      expect.fail(`resident ${id} at cell ${c}, outside the grid`);
    if (seen.has(c)) expect.fail(`two residents at cell ${c}`);
    if (blocked?.(c)) expect.fail(`resident ${id} on blocked cell ${c}`);
    seen.add(c);
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("Schelling: counting modes", () => {
  const cases: { name: string; p: Partial<SchellingParams>; ticks: number }[] = [
    {
      name: "small, r = 1",
      p: { width: 20, height: 20, agents: 300, radius: 1, minToBeHappy: 3 },
      ticks: 20,
    },
    {
      name: "small, r = 2",
      p: { width: 24, height: 18, agents: 350, radius: 2, minToBeHappy: 9 },
      ticks: 20,
    },
    {
      name: "large-ish, r = 1",
      p: { width: 100, height: 80, agents: 6000, radius: 1, minToBeHappy: 4 },
      ticks: 15,
    },
    {
      name: "large-ish, r = 2",
      p: { width: 100, height: 100, agents: 8000, radius: 2, minToBeHappy: 8 },
      ticks: 10,
    },
  ];
  for (const c of cases) {
    it(`"incremental" and "scan" give identical results (${c.name})`, () => {
      for (const seed of [1, 2, 3]) {
        const inc = run(params({ ...c.p, counting: "incremental" }), seed, c.ticks);
        const scan = run(params({ ...c.p, counting: "scan" }), seed, c.ticks);
        expect(inc.outcomes.moves_total).toBeGreaterThan(0); // not trivially equal
        expect(JSON.stringify(scan)).toBe(JSON.stringify(inc));
      }
    });
  }
});

describe("Schelling: engine vs the hand-written floor", () => {
  const cases = [
    { width: 40, height: 40, agents: 1000, radius: 1, minToBeHappy: 3 },
    { width: 30, height: 25, agents: 601, radius: 2, minToBeHappy: 10 },
    { width: 15, height: 15, agents: 220, radius: 1, minToBeHappy: 5 },
  ];
  for (const c of cases) {
    for (const counting of ["incremental", "scan"] as const) {
      it(`same moves_total and happy_share (${c.width}×${c.height}, K = ${c.agents}, r = ${c.radius}, ${counting})`, () => {
        for (const seed of [1, 7, 123, 9999]) {
          const ticks = 12;
          const engine = run(params({ ...c, counting }), seed, ticks);
          const floor = floorSchelling({ ...c, counting }, seed, ticks);
          expect(floor.movesTotal).toBeGreaterThan(0);
          expect(engine.outcomes.moves_total).toBe(floor.movesTotal);
          expect(engine.outcomes.happy_share).toBe(floor.happyShare);
        }
      });
    }
  }
});

describe("Schelling: determinism and outcomes", () => {
  it("same seed ⇒ identical JSON; different seeds ⇒ different results", () => {
    const p = params({ width: 30, height: 30, agents: 600 });
    const a = JSON.stringify(run(p, 42, 15));
    expect(JSON.stringify(run(p, 42, 15))).toBe(a);
    expect(JSON.stringify(run(p, 43, 15))).not.toBe(a);
    expect(JSON.stringify(run(p, 0, 15))).not.toBe(a);
  });

  it("series have one entry per tick and agree with the outcomes", () => {
    const p = params({ width: 25, height: 25, agents: 400, minToBeHappy: 4 });
    const r = run(p, 5, 17);
    expect(r.ticks).toBe(17);
    expect(r.outcomes.ticks).toBe(17);
    expect(r.outcomes.agents).toBe(400);
    const { happy_share: share, moves } = r.series as { happy_share: number[]; moves: number[] };
    expect(share).toHaveLength(17);
    expect(moves).toHaveLength(17);
    expect(r.outcomes.moves_total).toBe(moves.reduce((a, b) => a + b, 0));
    expect(r.outcomes.moves_last_tick).toBe(moves[16]);
    expect(r.outcomes.happy_share).toBe(share[16]);
    for (let t = 0; t < 17; t++) {
      expect(share[t]).toBeGreaterThanOrEqual(0);
      expect(share[t]).toBeLessThanOrEqual(1);
      expect(Math.abs(share[t]! * 400 - Math.round(share[t]! * 400))).toBeLessThan(1e-9);
      // Everyone unhappy moves (there is room), and everyone happy stays.
      expect(moves[t]).toBe(Math.round((1 - share[t]!) * 400));
    }
    expect(r.outcomes.segregation).toBeGreaterThan(0);
    expect(r.outcomes.segregation).toBeLessThanOrEqual(1);
  });

  it("happy share rises over the ticks (10 seeds, mean rise > 5 standard errors)", () => {
    const p = params(); // benchmark small: 40×40, K = 1000, r = 1, min = 3
    const rises: number[] = [];
    for (let seed = 1; seed <= 10; seed++) {
      const share = run(p, seed, 20).series.happy_share!;
      rises.push(share[share.length - 1]! - share[0]!);
    }
    const n = rises.length;
    const mean = rises.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(rises.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    expect(mean).toBeGreaterThan(0);
    expect(mean).toBeGreaterThan((5 * sd) / Math.sqrt(n));
  });

  it("segregation rises from about one half as residents sort themselves", () => {
    const p = params({ minToBeHappy: 4 });
    const before = run(p, 3, 0).outcomes.segregation!;
    const after = run(p, 3, 30).outcomes.segregation!;
    expect(Math.abs(before - 0.5)).toBeLessThan(0.1);
    expect(after).toBeGreaterThan(before + 0.1);
  });

  it("stopWhenAllHappy ends the run at the first all-happy tick", () => {
    const r = run(params({ minToBeHappy: 0, stopWhenAllHappy: true }), 1, 50);
    expect(r.ticks).toBe(1);
    expect(r.outcomes.happy_share).toBe(1);
    expect(r.outcomes.moves_total).toBe(0);
    const r2 = run(params({ minToBeHappy: 0, stopWhenAllHappy: false }), 1, 5);
    expect(r2.ticks).toBe(5);
  });

  it("a 0-tick run reports the initial layout's happy share (brute-force count, bounded grid)", () => {
    for (const seed of [1, 2, 3]) {
      const p = params({ width: 20, height: 20, agents: 250, radius: 1, minToBeHappy: 3 });
      const { modelRun, residents } = setupWithStore(p, seed, 0);
      const at = new Map<number, number>();
      for (const id of residents.order()) at.set(residents.col.cell![id]!, residents.col.group![id]!);
      let happy = 0;
      for (const [c, g] of at) {
        let same = 0;
        for (let dy = -1; dy <= 1; dy++)
          for (let dx = -1; dx <= 1; dx++) {
            const x = (c % 20) + dx;
            const y = Math.floor(c / 20) + dy;
            if ((dx === 0 && dy === 0) || x < 0 || y < 0 || x >= 20 || y >= 20) continue;
            const n = y * 20 + x;
            if (at.get(n) === g) same++;
          }
        if (same >= 3) happy++;
      }
      const r = modelRun.result();
      expect(r.outcomes.happy_share).toBeCloseTo(happy / 250, 12);
      expect(r.outcomes.moves_last_tick).toBe(0);
    }
  });

  it("zero agents runs and reports everyone happy", () => {
    const r = run(params({ agents: 0, width: 5, height: 5 }), 1, 3);
    expect(r.outcomes.happy_share).toBe(1);
    expect(r.outcomes.moves_total).toBe(0);
  });

  it("too many agents for the grid is an error, reported by check() and by setup", () => {
    const p = params({ width: 10, height: 10, agents: 101 });
    expect(schellingModel.check!(p, undefined)).toHaveLength(1);
    expect(schellingModel.check!(params({ width: 10, height: 10, agents: 100 }), undefined)).toEqual([]);
    const out = runModel(schellingModel, p, { seed: 1, ticks: 1 });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problems[0]).toMatchObject({ kind: "run", data: { name: "RangeError" } });
  });
});

describe("Schelling: space", () => {
  it("residents never share a cell, tick by tick (crowded grid, many moves)", () => {
    for (const [seed, radius] of [
      [1, 1],
      [2, 2],
    ] as const) {
      const p = params({ width: 20, height: 15, agents: 280, radius, minToBeHappy: radius === 1 ? 5 : 14 });
      const { modelRun, residents } = setupWithStore(p, seed, 30);
      checkNoOverlap(residents, 300);
      expect(residents.alive).toBe(280);
      let moves = 0;
      for (let t = 0; t < 30; t++) {
        modelRun.simulation.step();
        checkNoOverlap(residents, 300);
        expect(residents.alive).toBe(280);
        moves = modelRun.result().outcomes.moves_total!;
      }
      expect(moves).toBeGreaterThan(100);
    }
  });

  it("a map with blocked cells is respected: its size is used and blocked cells stay empty", () => {
    // 14 × 9 map: '#' is water (blocked), '.' and ',' are two provinces.
    const rows = [
      "......#.......",
      "......#..,,,,,",
      "..##..#..,,,,,",
      "..##.....,,,,,",
      "......#..,,,,,",
      "......#..##,,,",
      "......#..##,,,",
      "......#.......",
      "######........",
    ];
    const regions = [
      { char: ".", province: "A", blocked: false },
      { char: "#", province: "Water", blocked: true },
      { char: ",", province: "B", country: "X", blocked: false },
    ];
    const width = rows[0]!.length;
    const height = rows.length;
    const region = Int32Array.from(rows.join(""), (ch) => regions.findIndex((r) => r.char === ch));
    const map: RegionMap = { width, height, torus: false, region, regions };
    const isBlocked = (c: number): boolean => regions[region[c]!]!.blocked;
    let free = 0;
    for (let c = 0; c < region.length; c++) if (!isBlocked(c)) free++;

    // Params say 40 × 40, but the map wins.
    expect(schellingModel.check!(params({ agents: free }), map)).toEqual([]);
    expect(schellingModel.check!(params({ agents: free + 1 }), map)).toHaveLength(1);
    expect(runModel(schellingModel, params({ agents: free + 1 }), { seed: 1, ticks: 1, map }).ok).toBe(false);

    for (const seed of [1, 2, 3]) {
      const p = params({ agents: free - 12, minToBeHappy: 5 });
      const { modelRun, residents } = setupWithStore(p, seed, 25, map);
      checkNoOverlap(residents, width * height, isBlocked);
      for (let t = 0; t < 25; t++) {
        modelRun.simulation.step();
        checkNoOverlap(residents, width * height, isBlocked);
      }
      expect(modelRun.result().outcomes.moves_total).toBeGreaterThan(50);
    }

    // A full map (every free cell taken) still runs: nobody can move.
    const full = run(params({ agents: free, minToBeHappy: 8 }), 4, 3, map);
    expect(full.outcomes.moves_total).toBe(0);
  });
});
