/**
 * The citizen layer: Epstein's (2002) civil-violence Model I citizens on a grid, reusable by any
 * model that supplies the state's side. Each citizen has hardship H ~ U(0,1) and risk aversion
 * R ~ U(0,1); grievance G = H·(1 − L) with L the legitimacy of the province its cell lies in; the
 * estimated arrest probability is P = 1 − exp(−k·⌊C/A⌋), C the security strength summed over its
 * vision and A = 1 + the active citizens in its vision; it is active iff G − R·P > T.
 *
 * The layer owns citizens and inmates, not the state: legitimacy per province and security
 * strength per cell are inputs it reads on every decision, so a caller changes them between
 * (or during) ticks. Arrests come from outside too (`arrest`), because who arrests is the
 * caller's mechanism (cops here, security units and alliance forces in the nexus model).
 *
 * Jailed citizens are off the grid: an arrest removes the citizen and stages an inmate (the
 * locked tick); `release()` returns inmates whose term is served to a free cell. So citizens on
 * the grid plus inmates are conserved.
 */
import { type AgentStore, createAgentStore } from "../../engine/agents.js";
import type { Grid } from "../../engine/grid.js";
import { createOccupancy, type Occupancy } from "../../engine/occupancy.js";
import type { RngHub, RngStream } from "../../engine/rng.js";
import type { PopulationInputs } from "./inputs.js";
import { CITIZEN, type INMATE, Jail } from "./jail.js";
import type { PopulationParams } from "./params.js";
import { SecuritySight } from "./sight.js";
import { createVision, type Vision } from "./vision.js";

export type { PopulationInputs } from "./inputs.js";
export { CITIZEN, INMATE } from "./jail.js";

/** Epstein citizens on one grid. */
export class Population {
  /** Citizens on the grid. */
  readonly citizens: AgentStore<typeof CITIZEN>;
  /** Jailed citizens (off the grid). */
  readonly inmates: AgentStore<typeof INMATE>;
  /** One citizen per cell. */
  readonly space: Occupancy;
  /** The vision field shared by citizens and whoever arrests them. */
  readonly vision: Vision;
  /** 1 where an active citizen stands, else 0 (what cops look for). */
  readonly activeAt: Uint8Array;
  /** Active citizens within the vision field of each cell (A − 1 there), kept up to date (all 0 with `countsOnDemand`). */
  readonly activeNear: Int32Array;
  /** Active citizens now. */
  activeCount = 0;
  /** Arrests so far. */
  arrests = 0;
  /** Releases so far. */
  releases = 0;
  private readonly p: PopulationParams;
  private readonly in: PopulationInputs;
  private readonly moveRng: RngStream;
  private readonly jail: Jail;
  private readonly buf: Int32Array;
  private readonly keepCounts: boolean;
  private readonly sight: SecuritySight;

  constructor(grid: Grid, p: PopulationParams, inputs: PopulationInputs, hub: RngHub) {
    const size = grid.size;
    if (inputs.provinceOf.length !== size) throw new RangeError("provinceOf must have one entry per cell");
    if (inputs.security.length !== size) throw new RangeError("security must have one entry per cell");
    this.p = p;
    this.in = inputs;
    this.citizens = createAgentStore("citizen", CITIZEN, 64);
    this.space = createOccupancy(grid, this.citizens, "cell", inputs.blocked);
    this.vision = createVision(grid, p.visionShape, p.vision);
    this.activeAt = new Uint8Array(size);
    this.activeNear = new Int32Array(size);
    this.keepCounts = inputs.countsOnDemand !== true;
    this.moveRng = hub.stream("population.move");
    this.jail = new Jail(
      this.citizens,
      this.space,
      this.vision,
      inputs,
      hub.stream("population.jail"),
      p.maxJail,
    );
    this.inmates = this.jail.inmates;
    this.buf = new Int32Array(this.vision.count);
    this.sight = new SecuritySight(this.vision, size);
  }

  /**
   * Stage one quiet citizen at `cell` (joins at the next flush) with R ~ U(0,1) and H ~ U(0,
   * hardshipMax): Epstein's U(0,1) by default; a model with a hardship table scales it per place.
   */
  spawn(cell: number, rng: RngStream, hardshipMax = 1): void {
    const row = this.citizens.stage();
    const s = this.citizens.staged;
    s.cell[row] = cell;
    s.hardship[row] = rng.next() * hardshipMax;
    s.risk[row] = rng.next();
  }

  /** Grievance G = H·(1 − L) of citizen `id` where it stands. */
  grievance(id: number): number {
    const col = this.citizens.col;
    const L = this.in.legitimacy[this.in.provinceOf[col.cell[id]!]!]!;
    return col.hardship[id]! * (1 - L);
  }

  /** Active citizens within the vision field of `cell` (A − 1 there). */
  activesNear(cell: number): number {
    return this.keepCounts ? this.activeNear[cell]! : this.vision.sum(this.activeAt, cell);
  }

  /** Estimated arrest probability P = 1 − exp(−k·⌊C/A⌋) at `cell`. */
  arrestProbability(cell: number): number {
    const C = this.sight.none(cell) ? 0 : this.vision.sum(this.in.security, cell);
    const floor = this.p.arrestRatio === "floor";
    // A ≥ 1, so with no security in sight (or under one unit, rounded down) P is 0 whatever A is;
    // k is finite, so 1 − exp(−k·0) is exactly 0 and the exponential is not worth calling.
    if (C === 0 || (floor && C < 1)) return 0;
    const A = 1 + this.activesNear(cell);
    const ratio = floor ? Math.floor(C / A) : C / A;
    return ratio === 0 ? 0 : 1 - Math.exp(-this.p.k * ratio);
  }

  /** One citizen's turn: move (Epstein's rule M, if movement is on), then decide (rule A). */
  act(id: number): void {
    if (this.p.movement) this.move(id);
    this.decide(id);
  }

  /** Every citizen of `ids` still on the grid acts in turn, as `act` would, security held as it is. */
  actEach(ids: Int32Array): void {
    // Nothing a citizen does changes security: which cells see any is counted once for the pass.
    this.sight.refresh(this.in.security);
    // `act` with the columns and inputs read once for the pass (the same steps: a test compares).
    const { cell: cellOf, risk, active } = this.citizens.col;
    const { holder, blocked } = this.in;
    const occupant = this.space.occupant;
    const T = this.p.threshold;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (!this.citizens.has(id)) continue;
      let cell = cellOf[id]!;
      if (this.p.movement) {
        const to = this.vision.randomFree(cell, occupant, holder, blocked, this.moveRng, this.buf);
        if (to !== -1) {
          this.moveTo(id, cell, to);
          cell = to;
        }
      }
      const g = this.grievance(id) - T;
      const r = risk[id]!;
      const now = g <= 0 ? 0 : g > r ? 1 : g - r * this.arrestProbability(cell) > 0 ? 1 : 0;
      if (active[id] !== now) this.setActive(id, now);
    }
    this.sight.release();
  }

  /** Move citizen `id` to a uniformly random free cell in its vision (stays if none). */
  move(id: number): void {
    const from = this.citizens.col.cell[id]!;
    const to = this.vision.randomFree(
      from,
      this.space.occupant,
      this.in.holder,
      this.in.blocked,
      this.moveRng,
      this.buf,
    );
    if (to !== -1) this.moveTo(id, from, to);
  }

  /** Move citizen `id` from `from` to the free cell `to`, carrying its activity along. */
  private moveTo(id: number, from: number, to: number): void {
    this.space.move(id, to);
    if (this.citizens.col.active[id] === 1) {
      this.activeAt[from] = 0;
      this.activeAt[to] = 1;
      if (this.keepCounts) {
        this.vision.add(this.activeNear, from, -1);
        this.vision.add(this.activeNear, to, 1);
      }
    }
  }

  /** Rule A: active iff G − R·P > T. Returns the new state (1 active, 0 quiet). */
  decide(id: number): number {
    const col = this.citizens.col;
    const cell = col.cell[id]!;
    const g = this.grievance(id) - this.p.threshold;
    const r = col.risk[id]!;
    // P lies in [0, 1), so the vision sums only matter when 0 < G − T ≤ R.
    const now = g <= 0 ? 0 : g > r ? 1 : g - r * this.arrestProbability(cell) > 0 ? 1 : 0;
    this.setActive(id, now);
    return now;
  }

  /** Set citizen `id` active (1) or quiet (0), keeping activeAt, activeNear and the count in step. */
  setActive(id: number, now: number): void {
    const col = this.citizens.col;
    if (col.active[id] === now) return;
    const cell = col.cell[id]!;
    col.active[id] = now;
    this.activeAt[cell] = now;
    if (this.keepCounts) this.vision.add(this.activeNear, cell, now === 1 ? 1 : -1);
    this.activeCount += now === 1 ? 1 : -1;
  }

  /**
   * Arrest citizen `id`: off the grid at once (its cell is free for the arresting agent), an
   * inmate from the next flush, with a term uniform on 1..maxJail. Returns the cell it stood on.
   */
  arrest(id: number): number {
    const col = this.citizens.col;
    const cell = col.cell[id]!;
    if (col.active[id] === 1) {
      this.activeAt[cell] = 0;
      if (this.keepCounts) this.vision.add(this.activeNear, cell, -1);
      this.activeCount--;
    }
    this.jail.admit(col.hardship[id]!, col.risk[id]!, cell);
    this.citizens.remove(id);
    this.arrests++;
    return cell;
  }

  /** End of tick: inmates whose term is served return to the grid (`jail.ts`). Returns the number released. */
  release(): number {
    const released = this.jail.release();
    this.releases += released;
    return released;
  }

  /** Active citizens per province, written into `out` (zeroed first). */
  activeByProvince(out: Int32Array): Int32Array {
    out.fill(0);
    const ids = this.citizens.order();
    const { cell, active } = this.citizens.col;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (active[id] === 1) out[this.in.provinceOf[cell[id]!]!]!++;
    }
    return out;
  }

  /** People a number of citizen agents stands for. */
  people(agents: number): number {
    return agents * this.p.peoplePerAgent;
  }
}

/** Create the citizen layer on `grid`, reading the state's side from `inputs`. */
export function createPopulation(
  grid: Grid,
  params: PopulationParams,
  inputs: PopulationInputs,
  hub: RngHub,
): Population {
  return new Population(grid, params, inputs, hub);
}
