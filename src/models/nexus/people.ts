/**
 * The people of the nexus world: Epstein citizens (models/population/citizens.ts) on the world's passable cells,
 * the state units that arrest them, and province legitimacy that moves with what happens
 * (models/population/legitimacy.ts). Each day: every citizen moves and decides in a random order, reading today's
 * security (state personnel and alliance troops, in units of one state unit's strength) and its
 * province's legitimacy; each state unit arrests one active citizen in its vision with
 * `arrestChance` (Epstein's rule C; alliance troops do not police); inmates serve or return; then
 * legitimacy takes one step per province with that day's repression, misattributed crackdowns,
 * corruption and state capacity. Actives per province × people per agent is the bands'
 * recruitment pool.
 */
import type { RngHub, RngStream } from "../../engine/rng.js";
import type { World } from "../../worlds/types.js";
import type { Units } from "../economy/security/units.js";
import { createPopulation, type Population } from "../population/citizens.js";
import { nextLegitimacy } from "../population/legitimacy.js";
import type { NexusModelParams } from "./params.js";

/** Citizens, arrests and legitimacy of one nexus run. */
export class People {
  /** The citizen layer. */
  readonly pop: Population;
  /** Legitimacy per province, today. */
  readonly legitimacy: Float64Array;
  /** Security per cell today (state units' strength plus alliance troops over a unit's personnel). */
  readonly security: Float64Array;
  /** Recruitment pool per province: active citizens × people per agent. */
  readonly actives: Float64Array;
  /** Arrests per province so far. */
  readonly arrests: Float64Array;
  /** Citizens per province at the start (the denominator of the repressed share). */
  readonly citizensAt: Float64Array;
  private readonly arrestsToday: Float64Array;
  private readonly activeCount: Int32Array;
  private readonly baseline: Float64Array;
  private readonly provinceOf: Int32Array;
  private readonly buf: Int32Array;
  private readonly orderRng: RngStream;
  private readonly arrestRng: RngStream;

  constructor(
    private readonly world: World,
    private readonly p: NexusModelParams,
    hub: RngHub,
  ) {
    const n = world.provinces.length;
    const size = world.grid.size;
    this.legitimacy = Float64Array.from(world.provinces, (q) => q.legitimacy);
    this.baseline = this.legitimacy.slice();
    this.security = new Float64Array(size);
    // Blocked cells may have province −1; no citizen ever stands there, so 0 is never read.
    this.provinceOf = Int32Array.from(world.province, (q) => Math.max(0, q));
    this.pop = createPopulation(
      world.grid,
      p.population,
      {
        provinceOf: this.provinceOf,
        legitimacy: this.legitimacy,
        security: this.security,
        blocked: world.blocked,
        countsOnDemand: true, // citizens' moves far outnumber the decisions that read the count
      },
      hub,
    );
    this.actives = new Float64Array(n);
    this.arrests = new Float64Array(n);
    this.arrestsToday = new Float64Array(n);
    this.citizensAt = new Float64Array(n);
    this.activeCount = new Int32Array(n);
    this.buf = new Int32Array(this.pop.vision.count);
    this.orderRng = hub.stream("people/order");
    this.arrestRng = hub.stream("people/arrest");
    const setup = hub.stream("people/setup");
    for (let c = 0; c < size; c++) {
      if (world.blocked[c] || world.province[c]! < 0 || setup.next() >= p.population.density) continue;
      // The province table's hardship is a mean: H ~ U(0, 2h), capped at Epstein's U(0, 1).
      this.pop.spawn(c, setup, Math.min(1, 2 * world.provinces[world.province[c]!]!.hardship));
      this.citizensAt[world.province[c]!]! += 1;
    }
    this.pop.citizens.flush();
    // Citizens decide once before day 1, so the first recruitment pool is not empty by construction.
    this.decideAll();
  }

  /** Security per cell from today's state personnel and alliance troops (hostiles, per unit's personnel). */
  setSecurity(personnel: ArrayLike<number>, personnelPerUnit: number): void {
    // Most cells hold no one: 0 / personnelPerUnit is 0 (personnel is a sum from +0, never −0), so skip the division.
    for (let c = 0; c < this.security.length; c++) {
      const n = personnel[c]!;
      this.security[c] = n === 0 ? 0 : n / personnelPerUnit;
    }
  }

  /** Citizens move and decide (random order). */
  actAll(): void {
    this.pop.actEach(this.pop.citizens.order(this.orderRng));
    this.countActives();
  }

  /** Each active unit arrests one active citizen in its vision with `arrestChance`. */
  arrest(units: Units, day: number): void {
    this.arrestsToday.fill(0);
    const { cell, fromDay } = units.col;
    const ids = units.order();
    const v = this.pop.vision;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (fromDay[id]! > day || this.pop.activeCount === 0) continue;
      if (this.arrestRng.draw() >= this.p.population.arrestChance) continue;
      const k = v.collect(this.pop.activeAt, cell[id]!, this.buf);
      if (k === 0) continue;
      const at = this.buf[this.arrestRng.below(k)]!;
      this.pop.arrest(this.pop.space.occupant[at]!);
      const q = this.provinceOf[at]!;
      this.arrestsToday[q]! += 1;
      this.arrests[q]! += 1;
    }
  }

  /** End of day: release inmates, then one legitimacy step per province. */
  endDay(misCrackdownsToday: ArrayLike<number>, corruptionOf: ArrayLike<number>): void {
    this.pop.release();
    const w = this.world;
    for (let q = 0; q < this.legitimacy.length; q++) {
      const n = this.citizensAt[q]!;
      this.legitimacy[q] = nextLegitimacy(
        this.legitimacy[q]!,
        {
          repressed: n > 0 ? this.arrestsToday[q]! / n : 0,
          misattributed: misCrackdownsToday[q]!,
          corruption: corruptionOf[q]!,
          capacity: w.provinces[q]!.stateCapacity,
          baseline: this.baseline[q]!,
        },
        this.p.legitimacy,
      );
    }
  }

  /** Take today's legitimacy as every province's baseline and let citizens decide again (scenario shocks, tests). */
  rebase(): void {
    this.baseline.set(this.legitimacy);
    this.decideAll();
  }

  /** Mean legitimacy over provinces that hold citizens. */
  meanLegitimacy(): number {
    let s = 0;
    let n = 0;
    for (let q = 0; q < this.legitimacy.length; q++) {
      if (this.citizensAt[q]! <= 0) continue;
      s += this.legitimacy[q]!;
      n++;
    }
    return n > 0 ? s / n : 0;
  }

  private decideAll(): void {
    const ids = this.pop.citizens.order();
    for (let i = 0; i < ids.length; i++) this.pop.decide(ids[i]!);
    this.countActives();
  }

  private countActives(): void {
    this.pop.activeByProvince(this.activeCount);
    for (let q = 0; q < this.actives.length; q++) this.actives[q] = this.pop.people(this.activeCount[q]!);
  }
}
