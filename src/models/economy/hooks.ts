/**
 * How a model that embeds the drug-route economy (the nexus model) reaches into its day without
 * the economy knowing what is on the other side: a toll layer traffickers route around (insurgent
 * tax), a detection multiplier on state presence (alliance intelligence), and two calls from
 * interdiction (a load passing a cell pays what is levied there; a detected load's escort may
 * fight). The embedding model's own steps go around the economy's in its schedule
 * (models/nexus/schedule.ts).
 */

/** What an embedding model adds to an economy's day. All optional: none gives the plain economy. */
export interface EconomyHooks {
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
