/**
 * Wolf–sheep predation as specified by the ABMFrameworksComparison benchmark: sheep and wolves
 * are two agent kinds (id, position, energy, reproduction probability, Δ-energy) on a grid with
 * a grass layer (grown flag + regrowth countdown). Each tick: every sheep in random order moves to
 * one of its 8 neighbours, loses 1 energy, eats grown grass for +Δ, dies below 1 energy, else may
 * reproduce by halving its energy into an offspring; then every wolf likewise, eating one sheep in
 * its cell and dying below 0; then grass counts down and regrows.
 */
import { z } from "zod";
import type { ModelDefinition, ModelRun, RunOptions, RunResult } from "../../core/model.js";
import { type AgentStore, createAgentStore } from "../../engine/agents.js";
import { type CellIndex, createCellIndex } from "../../engine/cell-index.js";
import { createGrid, type Grid } from "../../engine/grid.js";
import { createNeighborhood, type Neighborhood } from "../../engine/neighborhood.js";
import { createRecorder } from "../../engine/recorder.js";
import { createRngHub, type RngHub, type RngStream } from "../../engine/rng.js";
import { createSimulation, type Phase } from "../../engine/schedule.js";
import { wolfSheepCatalogue } from "./catalogue/wolf-sheep.js";

/** Most animals of each kind at the start: far above the benchmark (some thousands), far below memory trouble. */
export const MAX_ANIMALS = 1_000_000;

/** Parameters of the wolf–sheep model (benchmark "small" values as defaults). */
export const wolfSheepParams = z.strictObject({
  width: z.int().min(1).max(4000).default(25).describe("grid width in cells"),
  height: z.int().min(1).max(4000).default(25).describe("grid height in cells"),
  torus: z.boolean().default(true).describe("whether the grid wraps at its edges"),
  sheep: z.int().min(0).max(MAX_ANIMALS).default(60).describe("initial sheep"),
  wolves: z.int().min(0).max(MAX_ANIMALS).default(40).describe("initial wolves"),
  sheepGain: z.number().min(0).default(5).describe("energy a sheep gains from grass (Δ sheep)"),
  wolfGain: z.number().min(0).default(13).describe("energy a wolf gains from a sheep (Δ wolf)"),
  sheepReproduce: z.number().min(0).max(1).default(0.2).describe("sheep reproduction probability per tick"),
  wolfReproduce: z.number().min(0).max(1).default(0.1).describe("wolf reproduction probability per tick"),
  regrowth: z.int().min(1).default(20).describe("ticks for eaten grass to regrow"),
});

/** Parsed wolf–sheep parameters. */
export type WolfSheepParams = z.output<typeof wolfSheepParams>;

const ANIMAL = { cell: "i32", energy: "f64", reproduce: "f64", gain: "f64" } as const;
type Animals = AgentStore<typeof ANIMAL>;

/** Stage `n` animals at random cells with energy ~ U[1, 2Δ]. */
function populate(
  store: Animals,
  n: number,
  gain: number,
  reproduce: number,
  size: number,
  rng: RngStream,
): void {
  for (let i = 0; i < n; i++) {
    const row = store.stage();
    store.staged.cell[row] = rng.below(size);
    store.staged.energy[row] = rng.uniform(1, 2 * gain);
    store.staged.reproduce[row] = reproduce;
    store.staged.gain[row] = gain;
  }
  store.flush();
}

/** Move to a uniformly random neighbour (Moore, radius 1). */
function step(
  index: CellIndex,
  nb: Neighborhood,
  buf: Int32Array,
  id: number,
  from: number,
  rng: RngStream,
): number {
  const n = nb.cells(from, buf);
  if (n === 0) return from;
  const to = buf[rng.below(n)]!;
  index.move(id, to);
  return to;
}

/**
 * A surviving animal stores its energy and, with probability p, halves it into an offspring
 * (a staged copy, joining at the end of the phase). Returns the number born (0 or 1).
 */
function settle(store: Animals, id: number, energy: number, p: number, rng: RngStream): number {
  if (rng.next() < p) {
    store.col.energy[id] = energy / 2;
    store.stageCopy(id);
    return 1;
  }
  store.col.energy[id] = energy;
  return 0;
}

/** A wolf–sheep run's grid with its grass layers, the two kinds and where each animal stands. */
interface Pasture {
  grid: Grid;
  /** 1 where grass is grown. */
  grown: Uint8Array;
  /** Ticks until eaten grass regrows. */
  countdown: Int32Array;
  sheep: Animals;
  wolves: Animals;
  sheepAt: CellIndex;
  wolvesAt: CellIndex;
  /** Moore radius-1 neighbourhood and its scratch buffer, for steps. */
  nb: Neighborhood;
  buf: Int32Array;
}

/** Births and kills, summed over the run. */
interface Tally {
  eaten: number;
  sheepBorn: number;
  wolvesBorn: number;
}

/** The grid, the animals at random cells (sheep, then wolves) and grass grown on about half the cells. */
function stockPasture(p: WolfSheepParams, hub: RngHub): Pasture {
  const grid = createGrid({ width: p.width, height: p.height, torus: p.torus });
  const grown = grid.addLayer("grass", "u8");
  const countdown = grid.addLayer("countdown", "i32");
  const sheep = createAgentStore("sheep", ANIMAL, Math.max(64, p.sheep * 2));
  const wolves = createAgentStore("wolf", ANIMAL, Math.max(64, p.wolves * 2));
  const sheepAt = createCellIndex(grid, sheep, "cell");
  const wolvesAt = createCellIndex(grid, wolves, "cell");
  const setup = hub.stream("setup");
  populate(sheep, p.sheep, p.sheepGain, p.sheepReproduce, grid.size, setup);
  populate(wolves, p.wolves, p.wolfGain, p.wolfReproduce, grid.size, setup);
  for (let c = 0; c < grid.size; c++) {
    if (setup.bernoulli(0.5)) grown[c] = 1;
    else countdown[c] = setup.int(1, p.regrowth);
  }
  const nb = createNeighborhood(grid, "moore", 1);
  return { grid, grown, countdown, sheep, wolves, sheepAt, wolvesAt, nb, buf: nb.buffer() };
}

/** Every sheep in random order: step, lose 1 energy, eat grown grass, die below 1 or maybe reproduce. */
function sheepPhase(p: WolfSheepParams, f: Pasture, rng: RngStream, tally: Tally): Phase {
  const { sheep, sheepAt, nb, buf, grown, countdown } = f;
  return {
    name: "sheep",
    run() {
      const ids = sheep.order(rng);
      const { cell, energy, reproduce, gain } = sheep.col;
      let born = 0;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        const c = step(sheepAt, nb, buf, id, cell[id]!, rng);
        let e = energy[id]! - 1;
        if (grown[c] === 1) {
          e += gain[id]!;
          grown[c] = 0;
          countdown[c] = p.regrowth;
        }
        if (e < 1) sheep.remove(id);
        else born += settle(sheep, id, e, reproduce[id]!, rng);
      }
      tally.sheepBorn += born;
    },
  };
}

/** Every wolf in random order: step, lose 1 energy, eat one sheep in its cell, die below 0 or maybe reproduce. */
function wolfPhase(f: Pasture, rng: RngStream, tally: Tally): Phase {
  const { sheep, wolves, sheepAt, wolvesAt, nb, buf } = f;
  return {
    name: "wolves",
    run() {
      const ids = wolves.order(rng);
      const { cell, energy, reproduce, gain } = wolves.col;
      let born = 0;
      let eaten = 0;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        const c = step(wolvesAt, nb, buf, id, cell[id]!, rng);
        let e = energy[id]! - 1;
        const present = sheepAt.counts[c]!;
        if (present > 0) {
          // Eat one sheep chosen uniformly among those in the cell.
          let prey = sheepAt.head[c]!;
          for (let k = rng.below(present); k > 0; k--) prey = sheepAt.next[prey]!;
          sheep.remove(prey);
          e += gain[id]!;
          eaten++;
        }
        if (e < 0) wolves.remove(id);
        else born += settle(wolves, id, e, reproduce[id]!, rng);
      }
      tally.wolvesBorn += born;
      tally.eaten += eaten;
    },
  };
}

/** Eaten grass counts down and regrows. */
function grassPhase(p: WolfSheepParams, { grid, grown, countdown }: Pasture): Phase {
  return {
    name: "grass",
    run() {
      for (let c = 0; c < grid.size; c++) {
        if (grown[c] === 1) continue;
        if (--countdown[c]! <= 0) {
          grown[c] = 1;
          countdown[c] = p.regrowth;
        }
      }
    },
  };
}

/** Cells with grown grass. */
function grownCells({ grid, grown }: Pasture): number {
  let n = 0;
  for (let c = 0; c < grid.size; c++) n += grown[c]!;
  return n;
}

/** Set up one wolf–sheep run. */
export function setupWolfSheep(p: WolfSheepParams, opts: RunOptions): ModelRun {
  const hub = createRngHub(opts.seed);
  const f = stockPasture(p, hub);
  const { grid, sheep, wolves } = f;
  const tally: Tally = { eaten: 0, sheepBorn: 0, wolvesBorn: 0 };
  const phases = [sheepPhase(p, f, hub.stream("sheep"), tally), wolfPhase(f, hub.stream("wolves"), tally)];
  const rec = createRecorder();
  const sheepSeries = rec.series("sheep");
  const wolfSeries = rec.series("wolves");
  const grassSeries = rec.series("grass_share");
  let sheepPeak = sheep.alive;
  let wolvesPeak = wolves.alive;
  // Counted at setup too, so a run of zero ticks reports the initial grass share, not 0.
  let grownCount = grownCells(f);
  const sim = createSimulation({
    phases: [...phases, grassPhase(p, f)],
    stores: [sheep, wolves],
    after() {
      grownCount = grownCells(f);
      sheepSeries.push(sheep.alive);
      wolfSeries.push(wolves.alive);
      grassSeries.push(grownCount / grid.size);
      if (sheep.alive > sheepPeak) sheepPeak = sheep.alive;
      if (wolves.alive > wolvesPeak) wolvesPeak = wolves.alive;
    },
  });
  const result = (): RunResult => ({
    ticks: sim.tick,
    outcomes: {
      ticks: sim.tick,
      sheep: sheep.alive,
      wolves: wolves.alive,
      grass_share: grownCount / grid.size,
      sheep_peak: sheepPeak,
      wolves_peak: wolvesPeak,
      sheep_eaten: tally.eaten,
      sheep_born: tally.sheepBorn,
      wolves_born: tally.wolvesBorn,
    },
    series: rec.seriesJSON(),
  });
  return { simulation: sim, result };
}

/** The registered wolf–sheep model. */
export const wolfSheepModel: ModelDefinition<WolfSheepParams> = {
  name: "wolf-sheep",
  summary: "Wolf–sheep predation with grass (ABMFrameworksComparison benchmark rules)",
  params: wolfSheepParams,
  defaultTicks: 100,
  usesMap: false,
  outcomes: wolfSheepCatalogue,
  setup: setupWolfSheep,
};
