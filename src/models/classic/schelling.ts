/**
 * Schelling's segregation model as specified by the ABMFrameworksComparison benchmark (the
 * version MASON, Agents.jl, NetLogo and Mesa implement): one agent per cell on a bounded grid,
 * two equal groups; each tick, in a fresh random order, an agent counts same-group neighbours
 * within Chebyshev radius r and is happy if that count ≥ minToBeHappy, else it moves to a
 * uniformly random empty cell. Agents keep their ids (they move, they are never re-created).
 */
import { z } from "zod";
import type { ModelDefinition, ModelRun, RegionMap, RunOptions, RunResult } from "../../core/model.js";
import { type AgentStore, createAgentStore } from "../../engine/agents.js";
import { createFocalCounts, type FocalCounts } from "../../engine/focal-counts.js";
import { createGrid, type Grid } from "../../engine/grid.js";
import { createNeighborhood, type Neighborhood } from "../../engine/neighborhood.js";
import { createOccupancy, type Occupancy } from "../../engine/occupancy.js";
import { createRecorder } from "../../engine/recorder.js";
import { createRngHub, type RngHub } from "../../engine/rng.js";
import { createSimulation, type Phase } from "../../engine/schedule.js";
import { schellingCatalogue } from "./catalogue/schelling.js";

/** Parameters of the Schelling model (benchmark "small" values as defaults). */
export const schellingParams = z.strictObject({
  width: z.int().min(1).max(4000).default(40).describe("grid width in cells (ignored when a map is given)"),
  height: z.int().min(1).max(4000).default(40).describe("grid height in cells (ignored when a map is given)"),
  agents: z.int().min(0).max(1_000_000).default(1000).describe("number of residents K, half in each group"),
  radius: z.int().min(1).max(50).default(1).describe("neighbourhood radius r (Chebyshev)"),
  minToBeHappy: z.int().min(0).default(3).describe("same-group neighbours needed to be happy"),
  stopWhenAllHappy: z.boolean().default(false).describe("end the run at the first tick when all are happy"),
  counting: z
    .enum(["incremental", "scan"])
    .default("incremental")
    .describe("how neighbours are counted: kept up to date on moves, or scanned per look (same results)"),
});

/** Parsed Schelling parameters. */
export type SchellingParams = z.output<typeof schellingParams>;

const SCHEMA = { cell: "i32", group: "u8", happy: "u8" } as const;

/** Cells free for residents on a map (not blocked), or the whole grid without one. */
function freeCells(p: SchellingParams, map: RegionMap | undefined): number {
  if (!map) return p.width * p.height;
  let n = 0;
  for (let c = 0; c < map.region.length; c++) if (!map.regions[map.region[c]!]!.blocked) n++;
  return n;
}

/** A Schelling run's grid, its residents and the one-resident-per-cell space. */
interface Town {
  grid: Grid;
  residents: AgentStore<typeof SCHEMA>;
  space: Occupancy;
}

/** How residents know their same-group neighbours (two ways, identical in result). */
interface SameGroup {
  nb: Neighborhood;
  /** Per-cell counts updated only when someone moves; else per-group presence layers summed per look. */
  incremental: boolean;
  focal: FocalCounts;
  presence: readonly [Uint8Array, Uint8Array];
}

/** What the relocation phase leaves for the tick's record and the stop rule. */
interface Tally {
  moves: number;
  happy: number;
  totalMoves: number;
}

/** The grid (the map's when given) with the residents on distinct random free cells, half in each group. */
function placeResidents(p: SchellingParams, opts: RunOptions, hub: RngHub): Town {
  const map = opts.map;
  const grid = createGrid({
    width: map?.width ?? p.width,
    height: map?.height ?? p.height,
    torus: map?.torus ?? false,
  });
  const blocked = map ? Uint8Array.from(map.region, (r) => (map.regions[r]!.blocked ? 1 : 0)) : undefined;
  const residents = createAgentStore("resident", SCHEMA, p.agents);
  const space = createOccupancy(grid, residents, "cell", blocked);
  if (p.agents > space.empty.size) {
    throw new RangeError(`${p.agents} agents do not fit in ${space.empty.size} free cells`);
  }
  // Distinct random cells = a shuffled list of free cells, first K taken.
  const setup = hub.stream("setup");
  const cells = space.empty.dense.slice(0, space.empty.size);
  setup.shuffle(cells);
  for (let k = 0; k < p.agents; k++) {
    const row = residents.stage();
    residents.staged.cell[row] = cells[k]!;
    residents.staged.group[row] = k < p.agents / 2 ? 0 : 1;
  }
  residents.flush();
  return { grid, residents, space };
}

/** The neighbourhood and the same-group counts of the placed residents. */
function sameGroupCounts(p: SchellingParams, { grid, residents }: Town): SameGroup {
  const nb = createNeighborhood(grid, "moore", p.radius);
  const incremental = p.counting === "incremental";
  const focal = createFocalCounts(nb, grid.size, 2);
  const presence = [grid.addLayer("group0", "u8"), grid.addLayer("group1", "u8")] as const;
  for (const id of residents.order()) {
    const c = residents.col.cell[id]!;
    const g = residents.col.group[id]!;
    if (incremental) focal.add(c, g);
    else presence[g]![c] = 1;
  }
  return { nb, incremental, focal, presence };
}

/** Happy residents of the initial layout, so a run of zero ticks reports them rather than nothing. */
function countHappy(
  p: SchellingParams,
  { residents }: Town,
  { nb, incremental, focal, presence }: SameGroup,
): number {
  let happy = 0;
  for (const id of residents.order()) {
    const c = residents.col.cell[id]!;
    const g = residents.col.group[id]!;
    if ((incremental ? focal.count(c, g) : nb.sum(presence[g]!, c)) >= p.minToBeHappy) happy++;
  }
  return happy;
}

/** The one phase: in a fresh random order, each unhappy resident moves to a random empty cell. */
function relocatePhase(p: SchellingParams, town: Town, same: SameGroup, hub: RngHub, tally: Tally): Phase {
  const { residents, space } = town;
  const { nb, incremental, focal, presence } = same;
  const orderRng = hub.stream("order");
  const moveRng = hub.stream("move");
  return {
    name: "relocate",
    run() {
      const ids = residents.order(orderRng);
      const { cell, group, happy } = residents.col;
      const threshold = p.minToBeHappy;
      let moves = 0;
      let happyCount = 0;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        const g = group[id]!;
        const c = cell[id]!;
        const n = incremental ? focal.count(c, g) : nb.sum(presence[g]!, c);
        if (n >= threshold) {
          happy[id] = 1;
          happyCount++;
          continue;
        }
        happy[id] = 0;
        const dest = space.randomEmpty(moveRng);
        if (dest === -1) continue;
        space.move(id, dest);
        if (incremental) focal.move(c, dest, g);
        else {
          presence[g]![c] = 0;
          presence[g]![dest] = 1;
        }
        moves++;
      }
      tally.moves = moves;
      tally.happy = happyCount;
    },
  };
}

/** Set up one Schelling run. */
export function setupSchelling(p: SchellingParams, opts: RunOptions): ModelRun {
  const hub = createRngHub(opts.seed);
  const town = placeResidents(p, opts, hub);
  const same = sameGroupCounts(p, town);
  const { residents, space } = town;
  const tally: Tally = { moves: 0, happy: countHappy(p, town, same), totalMoves: 0 };
  const initialHappy = p.agents > 0 ? tally.happy / p.agents : 1;
  const rec = createRecorder();
  const happyShare = rec.series("happy_share");
  const movesSeries = rec.series("moves");
  const sim = createSimulation({
    stores: [residents],
    phases: [relocatePhase(p, town, same, hub, tally)],
    after() {
      tally.totalMoves += tally.moves;
      happyShare.push(p.agents > 0 ? tally.happy / p.agents : 1);
      movesSeries.push(tally.moves);
    },
    stop: () => p.stopWhenAllHappy && tally.happy === p.agents,
  });
  const result = (): RunResult => ({
    ticks: sim.tick,
    outcomes: {
      ticks: sim.tick,
      agents: p.agents,
      happy_share: sim.tick > 0 ? happyShare.last() : initialHappy,
      moves_last_tick: sim.tick > 0 ? movesSeries.last() : 0,
      moves_total: tally.totalMoves,
      segregation: segregationIndex(
        residents.order(),
        residents.col.cell,
        residents.col.group,
        space.occupant,
        same.nb,
        same.nb.buffer(),
      ),
    },
    series: rec.seriesJSON(),
  });
  return { simulation: sim, result };
}

/** Mean share of same-group residents among each resident's occupied neighbour cells (0.5 ≈ mixed, 1 = apart). */
function segregationIndex(
  ids: Int32Array,
  cell: Int32Array,
  group: Uint8Array,
  occupant: Int32Array,
  nb: { cells(c: number, out: Int32Array): number },
  buf: Int32Array,
): number {
  let sum = 0;
  let counted = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const n = nb.cells(cell[id]!, buf);
    let same = 0;
    let occupied = 0;
    for (let j = 0; j < n; j++) {
      const o = occupant[buf[j]!]!;
      if (o === -1) continue;
      occupied++;
      if (group[o] === group[id]) same++;
    }
    if (occupied > 0) {
      sum += same / occupied;
      counted++;
    }
  }
  return counted > 0 ? sum / counted : Number.NaN;
}

/** The registered Schelling model. */
export const schellingModel: ModelDefinition<SchellingParams> = {
  name: "schelling",
  summary: "Schelling segregation (ABMFrameworksComparison benchmark rules)",
  params: schellingParams,
  defaultTicks: 20,
  usesMap: true,
  outcomes: schellingCatalogue,
  setup: setupSchelling,
  check(p, map) {
    const free = freeCells(p, map);
    return p.agents > free
      ? [{ path: ["agents"], message: `must be ≤ ${free}, the free cells of the grid` }]
      : [];
  },
};
