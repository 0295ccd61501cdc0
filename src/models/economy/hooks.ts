/**
 * How a model that embeds the drug-route economy (the nexus model) reaches into it without the
 * economy knowing what is on the other side: phases run before and after the economy's own each
 * day, stores flushed with its own, a toll layer traffickers route around (insurgent tax), a
 * detection multiplier on state presence (alliance intelligence), and two calls from interdiction
 * (a load passing a cell pays what is levied there; a detected load's escort may fight).
 */
import type { Flushable, Phase } from "../../engine/schedule.js";

/** What an embedding model adds to an economy run. All optional: none gives the plain economy. */
export interface EconomyHooks {
  /** Phases run each day before the economy's first phase. */
  before?: Phase[];
  /** Phases run each day after the economy's last phase. */
  after?: Phase[];
  /** Stores of the embedding model, flushed after every phase with the economy's own. */
  stores?: Flushable[];
  /** Toll per cell, USD/kg (read at every re-plan as route cost; collected by `levy`). */
  toll?: Float64Array;
  /** Multiplier of the state presence hazard per cell (≥ 0; 1 = unchanged). */
  detectionGain?: Float64Array;
  /**
   * A load of `kg` of organisation `org` entered cell `c`; return the USD levied there (at most
   * `capital`, what the organisation has). Interdiction debits it from the organisation.
   */
  levy?(org: number, c: number, kg: number, capital: number): number;
  /**
   * A state unit of `strength` that would not take a bribe detected a load of `org` at `c`. True: an escort fought the unit
   * off and the load goes on; false: the escort lost; null: no escort (bribe or seizure as usual).
   */
  escort?(org: number, c: number, strength: number): boolean | null;
}
