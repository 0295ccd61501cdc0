/**
 * The locked tick. A simulation is an ordered list of named phases run once per tick. After each
 * phase every registered store is flushed, so agents spawned or removed in a phase exist (or stop
 * existing) from the next phase on — never halfway through one (planck.js `World.step` style).
 *
 * Order of one tick: before(tick) → for each phase: phase.run(tick), flush stores → after(tick) →
 * tick += 1 → stop(tick)? The stop condition is checked after each completed tick.
 */

/** Something with buffered changes to apply at phase ends (an agent store). */
export interface Flushable {
  flush(): number;
}

/** One named step of a tick. */
export interface Phase {
  /** Name, for profiles and messages. */
  readonly name: string;
  /** Do this phase's work for `tick` (0-based). */
  run(tick: number): void;
}

/** Options for `createSimulation`. */
export interface SimulationOptions {
  /** Phases, run in this order every tick. */
  phases: Phase[];
  /** Stores flushed after every phase, in this order. */
  stores: Flushable[];
  /** Called before the first phase of each tick. */
  before?: (tick: number) => void;
  /** Called after the last phase of each tick (record metrics here). */
  after?: (tick: number) => void;
  /** Checked after each tick with the number of ticks completed; true stops the run. */
  stop?: (ticksDone: number) => boolean;
}

/** A runnable schedule. */
export class Simulation {
  /** Ticks completed so far. */
  tick = 0;
  /** Whether the stop condition has fired. */
  stopped = false;
  private readonly opts: SimulationOptions;

  constructor(opts: SimulationOptions) {
    const names = new Set<string>();
    for (const p of opts.phases) {
      if (names.has(p.name)) throw new Error(`duplicate phase name "${p.name}"`);
      names.add(p.name);
    }
    this.opts = opts;
  }

  /** Flush every store (use after setup spawns, before the first tick). */
  flush(): void {
    for (const s of this.opts.stores) s.flush();
  }

  /** Run one tick. */
  step(): void {
    const { phases, stores, before, after, stop } = this.opts;
    const t = this.tick;
    before?.(t);
    for (let i = 0; i < phases.length; i++) {
      phases[i]!.run(t);
      for (let j = 0; j < stores.length; j++) stores[j]!.flush();
    }
    after?.(t);
    this.tick = t + 1;
    if (stop?.(this.tick)) this.stopped = true;
  }

  /** Run until `maxTicks` ticks are done in total or the stop condition fires; returns ticks done. */
  run(maxTicks: number): number {
    while (!this.stopped && this.tick < maxTicks) this.step();
    return this.tick;
  }
}

/** Build a simulation from phases and the stores to flush between them. */
export function createSimulation(opts: SimulationOptions): Simulation {
  return new Simulation(opts);
}

/**
 * A phase that calls `act(id)` for every live agent of `store`, in a fresh random order each tick
 * when `rng` is given (dense order otherwise). Agents removed earlier in the phase are skipped.
 */
export function agentPhase(
  name: string,
  store: {
    order(rng?: { shuffle(a: Int32Array, n: number): unknown }): Int32Array;
    has(id: number): boolean;
  },
  act: (id: number, tick: number) => void,
  rng?: { shuffle(a: Int32Array, n: number): unknown },
): Phase {
  return {
    name,
    run(tick) {
      const ids = store.order(rng);
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        if (store.has(id)) act(id, tick);
      }
    },
  };
}
