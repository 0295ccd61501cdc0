/**
 * Epstein's (2002) civil-violence Model I as NetLogo's Rebellion (Wilensky 2004) runs it, the
 * validation of pamir's citizen layer: citizens (src/models/population/citizens.ts) and cops on a torus,
 * legitimacy held fixed. Each tick every citizen and cop acts once, all in one fresh random order
 * (NetLogo's `ask turtles`): a free citizen moves to a random free cell in vision, then decides
 * active or quiet; a cop moves likewise, then arrests one random active citizen in its vision (if
 * any) and steps onto its cell. Then inmates serve a tick or are released. Cops are the security
 * strength input of the layer: 1 on a cop's cell, 0 elsewhere.
 */
import { z } from "zod";
import type { ModelDefinition, ModelRun, RunOptions, RunResult } from "../../core/model.js";
import { type AgentStore, createAgentStore } from "../../engine/agents.js";
import { createGrid } from "../../engine/grid.js";
import { createOccupancy, type Occupancy } from "../../engine/occupancy.js";
import { createRecorder } from "../../engine/recorder.js";
import { createRngHub, type RngHub, type RngStream } from "../../engine/rng.js";
import { createSimulation, type Phase } from "../../engine/schedule.js";
import { createPopulation, type Population } from "../population/citizens.js";
import { populationParams } from "../population/params.js";
import { kurtosisFrom, maxFrom, meanFrom } from "../population/stats.js";
import { rebellionCatalogue } from "./catalogue/rebellion.js";

/** Parameters of the rebellion model: NetLogo Rebellion defaults. */
export const rebellionParams = populationParams.extend({
  width: z.int().min(1).max(2000).default(40).describe("grid width in cells"),
  height: z.int().min(1).max(2000).default(40).describe("grid height in cells"),
  torus: z.boolean().default(true).describe("whether the grid wraps at its edges (NetLogo: yes)"),
  citizenDensity: z
    .number()
    .min(0)
    .max(1)
    .default(0.7)
    .describe("citizens as a share of cells (NetLogo initial-agent-density 70 %)"),
  copDensity: z
    .number()
    .min(0)
    .max(1)
    .default(0.04)
    .describe("cops as a share of cells (NetLogo initial-cop-density 4 %)"),
  legitimacy: z.number().min(0).max(1).default(0.82).describe("government legitimacy L, held fixed"),
  burnIn: z
    .int()
    .min(0)
    .default(0)
    .describe("first ticks left out of the active-series mean, peak and kurtosis"),
});

/** Parsed rebellion parameters. */
export type RebellionParams = z.output<typeof rebellionParams>;

/** Citizens and cops a parameter set places (NetLogo rounds density × cells). */
export function rebellionCounts(p: RebellionParams): { citizens: number; cops: number } {
  const cells = p.width * p.height;
  return { citizens: Math.round(p.citizenDensity * cells), cops: Math.round(p.copDensity * cells) };
}

const COP = { cell: "i32" } as const;

/** A set-up rebellion run with its parts exposed (for invariant tests). */
export interface RebellionWorld {
  /** The run to step. */
  run: ModelRun;
  /** The citizen layer. */
  pop: Population;
  /** The cops. */
  cops: AgentStore<typeof COP>;
  /** One cop per cell. */
  copSpace: Occupancy;
  /** Security strength per cell: 1 on a cop's cell. */
  security: Float64Array;
}

/** Set up one rebellion run. */
export function setupRebellion(p: RebellionParams, opts: RunOptions): ModelRun {
  return buildRebellion(p, opts).run;
}

/** The agents of a run: the citizen layer, the cops, their space and the security layer. */
type RebellionAgents = Omit<RebellionWorld, "run">;

/** The grid and its agents, placed as NetLogo does: cops first, then citizens, on distinct random cells. */
function placeAgents(p: RebellionParams, hub: RngHub): RebellionAgents {
  const grid = createGrid({ width: p.width, height: p.height, torus: p.torus });
  const { citizens: nCitizens, cops: nCops } = rebellionCounts(p);
  if (nCitizens + nCops > grid.size) {
    throw new RangeError(`${nCitizens} citizens and ${nCops} cops do not fit in ${grid.size} cells`);
  }
  const cops = createAgentStore("cop", COP, Math.max(1, nCops));
  const copSpace = createOccupancy(grid, cops, "cell");
  const security = grid.addLayer("security", "f64");
  const pop = createPopulation(
    grid,
    p,
    {
      provinceOf: new Int32Array(grid.size),
      legitimacy: Float64Array.of(p.legitimacy),
      security,
      holder: copSpace.occupant,
    },
    hub,
  );
  const setup = hub.stream("setup");
  const cells = Int32Array.from({ length: grid.size }, (_, c) => c);
  setup.shuffle(cells);
  for (let i = 0; i < nCops; i++) {
    const row = cops.stage(); // stage() may replace the staged columns: read them after it
    cops.staged.cell[row] = cells[i]!;
    security[cells[i]!] = 1;
  }
  cops.flush();
  for (let i = 0; i < nCitizens; i++) pop.spawn(cells[nCops + i]!, setup);
  pop.citizens.flush();
  return { pop, cops, copSpace, security };
}

/**
 * A cop's turn: move to a random free cell in vision, then (rule C) arrest one active citizen in
 * vision, chosen uniformly, and take its cell.
 */
function copTurns(
  { pop, cops, copSpace, security }: RebellionAgents,
  copRng: RngStream,
): (id: number) => void {
  const vision = pop.vision;
  const buf = new Int32Array(vision.count);
  return (id) => {
    const from = cops.col.cell[id]!;
    let here = vision.randomFree(from, copSpace.occupant, pop.space.occupant, undefined, copRng, buf);
    if (here === -1) here = from;
    else {
      copSpace.move(id, here);
      security[from] = 0;
      security[here] = 1;
    }
    if (pop.activeCount === 0) return;
    const k = vision.collect(pop.activeAt, here, buf);
    if (k === 0) return;
    const cell = pop.arrest(pop.space.occupant[buf[copRng.below(k)]!]!);
    copSpace.move(id, cell);
    security[here] = 0;
    security[cell] = 1;
  };
}

/** The act phase: every citizen and cop once, all in one fresh random order (NetLogo's `ask turtles`). */
function actPhase(p: RebellionParams, agents: RebellionAgents, hub: RngHub): Phase {
  const { pop, cops } = agents;
  const { citizens } = pop;
  const orderRng = hub.stream("order");
  const copTurn = copTurns(agents, hub.stream("cops"));
  // One turn list for both kinds: citizen ids as they are, cop ids as -1 - id.
  const { citizens: nCitizens, cops: nCops } = rebellionCounts(p);
  const turns = new Int32Array(nCitizens + nCops);
  return {
    name: "act",
    run() {
      const ids = citizens.order();
      turns.set(ids);
      const copIds = cops.order();
      for (let i = 0; i < copIds.length; i++) turns[ids.length + i] = -1 - copIds[i]!;
      const n = ids.length + copIds.length;
      orderRng.shuffle(turns, n);
      for (let i = 0; i < n; i++) {
        const t = turns[i]!;
        if (t < 0) copTurn(-1 - t);
        else if (citizens.has(t)) pop.act(t); // arrested earlier this tick: skip
      }
    },
  };
}

/** Set up one rebellion run and keep hold of its parts. */
export function buildRebellion(p: RebellionParams, opts: RunOptions): RebellionWorld {
  const hub = createRngHub(opts.seed);
  const agents = placeAgents(p, hub);
  const { pop } = agents;
  const { citizens } = pop;
  const { citizens: nCitizens, cops: nCops } = rebellionCounts(p);
  const act = actPhase(p, agents, hub);
  const rec = createRecorder();
  const activeSeries = rec.series("active");
  const jailedSeries = rec.series("jailed");
  const quietSeries = rec.series("quiet");
  const arrestSeries = rec.series("arrests");
  let arrestsBefore = 0;
  const sim = createSimulation({
    stores: [citizens, pop.inmates, agents.cops],
    phases: [act, { name: "release", run: () => void pop.release() }],
    after() {
      activeSeries.push(pop.activeCount);
      jailedSeries.push(pop.inmates.alive);
      quietSeries.push(citizens.alive - pop.activeCount);
      arrestSeries.push(pop.arrests - arrestsBefore);
      arrestsBefore = pop.arrests;
    },
  });
  const result = (): RunResult => {
    const active = activeSeries.values();
    const from = Math.min(p.burnIn, active.length);
    return {
      ticks: sim.tick,
      outcomes: {
        ticks: sim.tick,
        citizens: nCitizens,
        cops: nCops,
        active: pop.activeCount,
        jailed: pop.inmates.alive,
        quiet: citizens.alive - pop.activeCount,
        active_mean: meanFrom(active, from),
        active_peak: maxFrom(active, from),
        active_kurtosis: kurtosisFrom(active, from),
        active_people_peak: pop.people(maxFrom(active, from)),
        arrests: pop.arrests,
      },
      series: rec.seriesJSON(),
    };
  };
  return { run: { simulation: sim, result }, ...agents };
}

/** The registered rebellion model. */
export const rebellionModel: ModelDefinition<RebellionParams> = {
  name: "rebellion",
  summary: "Epstein (2002) civil violence with cops, NetLogo Rebellion defaults (citizen-layer validation)",
  params: rebellionParams,
  defaultTicks: 500,
  usesMap: false,
  outcomes: rebellionCatalogue,
  switches: [
    {
      path: "legitimacy",
      kind: "range",
      low: 0.72,
      high: 0.82,
      claim:
        "Lower government legitimacy raises grievance and so the number of active rebels (Epstein 2002).",
    },
    {
      path: "copDensity",
      kind: "range",
      low: 0.02,
      high: 0.04,
      claim: "Cops deter: with fewer of them in view, more citizens turn active (Epstein 2002, Model I).",
    },
    {
      path: "arrestRatio",
      kind: "choice",
      values: ["floor", "exact"],
      claim:
        "NetLogo's rounded-down cop-to-active ratio is what lets outbursts happen (with the exact ratio few ever act).",
    },
    {
      path: "movement",
      kind: "boolean",
      claim: "Free citizens moving each tick reshape who sees whom, and so when and where outbursts start.",
    },
  ],
  setup: setupRebellion,
  check(p) {
    const { citizens, cops } = rebellionCounts(p);
    const cells = p.width * p.height;
    return citizens + cops > cells
      ? [
          {
            path: ["citizenDensity"],
            message: `citizens + cops (${citizens + cops}) must fit in ${cells} cells`,
          },
        ]
      : [];
  },
};
