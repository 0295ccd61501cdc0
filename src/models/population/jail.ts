/**
 * The jail of the citizen layer (`citizens.ts`): an arrested citizen leaves the grid as an inmate
 * with a term uniform on 1..maxJail ticks; at the end of every tick each inmate whose term is
 * served returns as a quiet citizen to its cell of arrest if free, else to a random free cell in
 * vision of it, else anywhere free (it waits a tick when the grid is full); every other inmate
 * serves one tick.
 */
import { type AgentStore, createAgentStore } from "../../engine/agents.js";
import type { Occupancy } from "../../engine/occupancy.js";
import type { RngStream } from "../../engine/rng.js";
import type { PopulationInputs } from "./inputs.js";
import type { Vision } from "./vision.js";

/** Fields of a citizen on the grid. */
export const CITIZEN = { cell: "i32", hardship: "f64", risk: "f64", active: "u8" } as const;
/** Fields of a jailed citizen: no cell; the cell of arrest, to return near it. */
export const INMATE = { hardship: "f64", risk: "f64", term: "i32", from: "i32" } as const;

/** Inmates, their terms and their return to the grid. */
export class Jail {
  /** Jailed citizens (off the grid). */
  readonly inmates: AgentStore<typeof INMATE>;
  private readonly reserved: Uint8Array;
  private readonly reservedList: Int32Array;
  private readonly buf: Int32Array;

  constructor(
    private readonly citizens: AgentStore<typeof CITIZEN>,
    private readonly space: Occupancy,
    private readonly vision: Vision,
    private readonly inputs: PopulationInputs,
    private readonly rng: RngStream,
    private readonly maxJail: number,
  ) {
    const size = space.occupant.length;
    this.inmates = createAgentStore("inmate", INMATE, 64);
    this.reserved = new Uint8Array(size);
    this.reservedList = new Int32Array(size);
    this.buf = new Int32Array(vision.count);
  }

  /** Stage an inmate (it joins at the next flush) arrested at `cell`, with a term drawn now. */
  admit(hardship: number, risk: number, cell: number): void {
    const row = this.inmates.stage();
    const s = this.inmates.staged;
    s.hardship[row] = hardship;
    s.risk[row] = risk;
    s.term[row] = this.rng.int(1, this.maxJail);
    s.from[row] = cell;
  }

  /** End of tick: return every inmate whose term is served, the others serve a tick. Returns the number released. */
  release(): number {
    const ids = this.inmates.order();
    const { term, from, hardship, risk } = this.inmates.col;
    let released = 0;
    let nReserved = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (term[id]! > 0) {
        term[id]!--;
        continue;
      }
      const cell = this.returnCell(from[id]!);
      if (cell === -1) continue;
      this.reserved[cell] = 1;
      this.reservedList[nReserved++] = cell;
      const row = this.citizens.stage();
      const s = this.citizens.staged;
      s.cell[row] = cell;
      s.hardship[row] = hardship[id]!;
      s.risk[row] = risk[id]!;
      this.inmates.remove(id);
      released++;
    }
    for (let i = 0; i < nReserved; i++) this.reserved[this.reservedList[i]!] = 0;
    return released;
  }

  private isFree(c: number): boolean {
    return (
      this.space.occupant[c] === -1 &&
      this.reserved[c] === 0 &&
      (this.inputs.holder === undefined || this.inputs.holder[c] === -1) &&
      !this.inputs.blocked?.[c]
    );
  }

  private returnCell(from: number): number {
    if (this.isFree(from)) return from;
    const v = this.vision;
    let k = 0;
    for (let i = 0; i < v.count; i++) {
      const c = v.cellAt(from, i);
      if (c >= 0 && this.isFree(c)) this.buf[k++] = c;
    }
    if (k > 0) return this.buf[this.rng.below(k)]!;
    // Nothing free in vision (a crowded grid): the first free cell from a random start.
    const empty = this.space.empty;
    const start = empty.size > 0 ? this.rng.below(empty.size) : 0;
    for (let i = 0; i < empty.size; i++) {
      const c = empty.dense[(start + i) % empty.size]!;
      if (this.isFree(c)) return c;
    }
    return -1;
  }
}
