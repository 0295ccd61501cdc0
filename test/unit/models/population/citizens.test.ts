import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createGrid, type Grid } from "../../../../src/engine/grid.js";
import { createRngHub } from "../../../../src/engine/rng.js";
import {
  createPopulation,
  type Population,
  type PopulationInputs,
} from "../../../../src/models/population/citizens.js";
import { type PopulationParams, populationParams } from "../../../../src/models/population/params.js";

const mod = (a: number, m: number): number => ((a % m) + m) % m;

/** Cells within Euclidean distance r of `cell` on a torus, own cell included (NetLogo in-radius). */
function disk(g: Grid, r: number, cell: number): number[] {
  const out: number[] = [];
  const x = cell % g.width;
  const y = Math.floor(cell / g.width);
  for (let dy = -r; dy <= r; dy++)
    for (let dx = -r; dx <= r; dx++)
      if (dx * dx + dy * dy <= r * r) out.push(mod(y + dy, g.height) * g.width + mod(x + dx, g.width));
  return out;
}

interface Setup {
  grid: Grid;
  pop: Population;
  inputs: PopulationInputs;
}

/** A torus with `n` citizens on the first shuffled cells; provinces are the grid's left and right halves. */
function setup(p: Partial<PopulationParams>, n: number, seed: number, size = 12): Setup {
  const grid = createGrid({ width: size, height: size, torus: true });
  const inputs: PopulationInputs = {
    provinceOf: Int32Array.from({ length: grid.size }, (_, c) => (c % size < size / 2 ? 0 : 1)),
    legitimacy: Float64Array.of(0.5, 0.5),
    security: new Float64Array(grid.size),
    holder: new Int32Array(grid.size).fill(-1),
  };
  const hub = createRngHub(seed);
  const pop = createPopulation(grid, populationParams.parse(p), inputs, hub);
  const cells = Int32Array.from({ length: grid.size }, (_, c) => c);
  const rng = hub.stream("setup");
  rng.shuffle(cells);
  for (let i = 0; i < n; i++) pop.spawn(cells[i]!, rng);
  pop.citizens.flush();
  return { grid, pop, inputs };
}

/** Make a citizen active or quiet by hand, through the layer so its books stay right. */
function setActive(pop: Population, id: number, on: boolean): void {
  pop.setActive(id, on ? 1 : 0);
}

describe("citizen decision (Epstein's rule A)", () => {
  it("is active iff H(1 − L) − R(1 − exp(−k⌊C/A⌋)) > T, C and A counted over the vision disk (property)", () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.nat(),
          L0: fc.double({ min: 0, max: 1, noNaN: true }),
          L1: fc.double({ min: 0, max: 1, noNaN: true }),
          k: fc.double({ min: 0.1, max: 5, noNaN: true }),
          threshold: fc.double({ min: 0, max: 0.5, noNaN: true }),
          vision: fc.integer({ min: 1, max: 4 }),
          exact: fc.boolean(),
          copShare: fc.double({ min: 0, max: 0.4, noNaN: true }),
          activeShare: fc.double({ min: 0, max: 0.6, noNaN: true }),
        }),
        (c) => {
          const arrestRatio = c.exact ? "exact" : "floor";
          const { grid, pop, inputs } = setup(
            { k: c.k, threshold: c.threshold, vision: c.vision, arrestRatio },
            60,
            c.seed,
          );
          inputs.legitimacy.set([c.L0, c.L1]);
          const rng = createRngHub(c.seed).stream("test");
          for (let cell = 0; cell < grid.size; cell++)
            inputs.security[cell] = rng.next() < c.copShare ? rng.uniform(0.5, 2) : 0;
          const ids = [...pop.citizens.order()];
          for (const id of ids) setActive(pop, id, rng.next() < c.activeShare);
          const { cell, hardship, risk, active } = pop.citizens.col;
          for (const id of ids) {
            const field = disk(grid, c.vision, cell[id]!);
            const C = field.reduce((s, k) => s + inputs.security[k]!, 0);
            const A = 1 + field.reduce((s, k) => s + pop.activeAt[k]!, 0);
            const ratio = c.exact ? C / A : Math.floor(C / A);
            const P = 1 - Math.exp(-c.k * ratio);
            const G = hardship[id]! * (1 - inputs.legitimacy[inputs.provinceOf[cell[id]!]!]!);
            const want = G - risk[id]! * P > c.threshold ? 1 : 0;
            // Decide against the state as it stands, then restore it so the next citizen sees the same.
            const before = active[id] === 1;
            expect(pop.decide(id)).toBe(want);
            setActive(pop, id, before);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("keeps activeAt and activeCount equal to the active citizens, and counts them by province", () => {
    const { pop, inputs } = setup({}, 100, 3);
    inputs.legitimacy.set([0.1, 0.9]);
    for (const id of pop.citizens.order()) pop.act(id);
    const { cell, active } = pop.citizens.col;
    let n = 0;
    for (const id of pop.citizens.order()) {
      expect(pop.activeAt[cell[id]!]).toBe(active[id]);
      n += active[id]!;
    }
    expect(pop.activeCount).toBe(n);
    expect(pop.activeAt.reduce((s, v) => s + v, 0)).toBe(n);
    // activeNear is the count of actives in each cell's vision, as a fresh scan finds it.
    for (let c = 0; c < pop.activeNear.length; c++)
      expect(pop.activeNear[c]).toBe(pop.vision.sum(pop.activeAt, c));
    const byProvince = pop.activeByProvince(new Int32Array(2));
    expect(byProvince[0]! + byProvince[1]!).toBe(n);
    // No security, T = 0.1: at L = 0.9 grievance ≤ 0.1 never exceeds T; at L = 0.1 many rebel.
    expect(byProvince[1]).toBe(0);
    expect(byProvince[0]).toBeGreaterThan(0);
  });

  it("reads legitimacy live: the same citizens turn quiet when L is raised to 1", () => {
    const { pop, inputs } = setup({}, 100, 4);
    inputs.legitimacy.set([0, 0]);
    for (const id of pop.citizens.order()) pop.decide(id);
    expect(pop.activeCount).toBeGreaterThan(50);
    inputs.legitimacy.set([1, 1]);
    for (const id of pop.citizens.order()) pop.decide(id);
    expect(pop.activeCount).toBe(0);
  });
});

describe("movement (rule M)", () => {
  it("moves each citizen to a free cell in its vision, never onto another kind's cell or a blocked one", () => {
    const { grid, pop, inputs } = setup({ vision: 2 }, 80, 5);
    const rng = createRngHub(5).stream("holders");
    const holder = inputs.holder!;
    for (let c = 0; c < grid.size; c++) if (pop.space.occupant[c] === -1 && rng.next() < 0.3) holder[c] = 0;
    for (const id of [...pop.citizens.order()]) {
      const from = pop.citizens.col.cell[id]!;
      pop.move(id);
      const to = pop.citizens.col.cell[id]!;
      expect(disk(grid, 2, from)).toContain(to);
      expect(holder[to]).toBe(-1);
      expect(pop.space.occupant[to]).toBe(id);
    }
  });

  it("stays put when movement is off", () => {
    const { pop } = setup({ movement: false }, 80, 6);
    const before = [...pop.citizens.order()].map((id) => pop.citizens.col.cell[id]);
    for (const id of pop.citizens.order()) pop.act(id);
    expect([...pop.citizens.order()].map((id) => pop.citizens.col.cell[id])).toEqual(before);
  });
});

describe("jail", () => {
  it("keeps an arrested citizen off the grid for exactly its term, 1..maxJail ticks, then returns it", () => {
    const terms: number[] = [];
    for (let seed = 0; seed < 200; seed++) {
      const { pop } = setup({ maxJail: 6 }, 30, seed);
      const id = pop.citizens.order()[0]!;
      const { hardship, risk } = pop.citizens.col;
      const h = hardship[id]!;
      const r = risk[id]!;
      const cell = pop.arrest(id);
      expect(pop.space.occupant[cell]).toBe(-1); // free for the arresting agent at once
      pop.citizens.flush();
      pop.inmates.flush();
      expect(pop.citizens.alive + pop.inmates.alive).toBe(30);
      const term = pop.inmates.col.term[pop.inmates.order()[0]!]!;
      terms.push(term);
      // Release phases at the end of the arrest tick and of every tick after it, until it is back.
      let phases = 0;
      while (pop.inmates.alive > 0) {
        pop.release();
        pop.citizens.flush();
        pop.inmates.flush();
        phases++;
        expect(phases).toBeLessThanOrEqual(7);
      }
      expect(phases - 1).toBe(term); // ticks missed = term
      const back = pop.space.occupant[cell]!;
      expect(back).toBeGreaterThanOrEqual(0); // its cell was free, so it came back there
      expect([pop.citizens.col.hardship[back], pop.citizens.col.risk[back]]).toEqual([h, r]);
      expect(pop.citizens.col.active[back]).toBe(0);
    }
    expect(Math.min(...terms)).toBe(1);
    expect(Math.max(...terms)).toBe(6);
    const mean = terms.reduce((s, t) => s + t, 0) / terms.length;
    expect(Math.abs(mean - 3.5)).toBeLessThan(0.4);
  });

  it("returns an inmate near its cell of arrest when that cell was taken meanwhile", () => {
    const { grid, pop } = setup({ maxJail: 1, vision: 2 }, 40, 9);
    const [id, other] = pop.citizens.order();
    const cell = pop.arrest(id!);
    pop.citizens.flush();
    pop.inmates.flush();
    pop.space.move(other!, cell);
    const cellsNow = () => new Set([...pop.citizens.order()].map((i) => pop.citizens.col.cell[i]!));
    const before = cellsNow();
    while (pop.inmates.alive > 0) {
      pop.release();
      pop.citizens.flush();
      pop.inmates.flush();
    }
    expect(pop.citizens.alive).toBe(40);
    const after = cellsNow();
    expect(after.size).toBe(40); // one citizen per cell
    const placed = [...after].filter((c) => !before.has(c));
    expect(placed).toHaveLength(1);
    expect(placed[0]).not.toBe(cell);
    expect(disk(grid, 2, cell)).toContain(placed[0]);
  });
});

describe("counting actives on demand", () => {
  it("gives every citizen the same moves and decisions as counts kept up to date (property)", () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 10, max: 120 }), (seed, n) => {
        const p = { movement: true, vision: 2 };
        const kept = setup(p, n, seed);
        const lazy = setup(p, n, seed);
        const lazyPop = createPopulation(
          lazy.grid,
          populationParams.parse(p),
          { ...lazy.inputs, countsOnDemand: true },
          createRngHub(seed),
        );
        // Rebuild the lazy layer with the same citizens as the kept one.
        for (const id of kept.pop.citizens.order()) {
          const row = lazyPop.citizens.stage();
          lazyPop.citizens.staged.cell[row] = kept.pop.citizens.col.cell[id]!;
          lazyPop.citizens.staged.hardship[row] = kept.pop.citizens.col.hardship[id]!;
          lazyPop.citizens.staged.risk[row] = kept.pop.citizens.col.risk[id]!;
        }
        lazyPop.citizens.flush();
        for (const s of [kept.inputs.security, lazy.inputs.security])
          for (let c = 0; c < s.length; c += 3) s[c] = 1 + (c % 4);
        for (let t = 0; t < 5; t++) {
          const ids = kept.pop.citizens.order().slice();
          for (const id of ids) {
            kept.pop.act(id);
            lazyPop.act(id);
          }
          expect(lazyPop.activeAt).toEqual(kept.pop.activeAt);
          expect(lazyPop.activeCount).toBe(kept.pop.activeCount);
          for (let c = 0; c < kept.grid.size; c++)
            expect(lazyPop.activesNear(c)).toBe(kept.pop.activeNear[c]);
        }
        expect(lazyPop.activeNear.every((x) => x === 0)).toBe(true); // not kept
      }),
      { numRuns: 15 },
    );
  });
});
