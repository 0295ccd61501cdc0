/**
 * The inputs of the citizen layer (`citizens.ts`): the state's side, which the model that embeds
 * the layer owns and changes between (or during) ticks.
 */

/** What the layer reads from the model that embeds it. */
export interface PopulationInputs {
  /** Province index of every cell, into `legitimacy`. */
  provinceOf: Int32Array;
  /** Legitimacy L in [0, 1] per province, read on every decision. */
  legitimacy: Float64Array;
  /** Security strength per cell (1 = one Epstein cop), read on every decision. */
  security: Float64Array;
  /** Per cell, the id of another kind of agent holding it (citizens may not enter), or -1. */
  holder?: Int32Array | undefined;
  /** Cells no citizen may ever occupy (non-zero = blocked). */
  blocked?: Uint8Array | undefined;
  /**
   * Count actives in vision only when a decision needs the count, instead of keeping `activeNear`
   * up to date on every move and change of an active citizen: the same integer either way, and
   * cheaper where actives move far more often than decisions read the count (the nexus map).
   */
  countsOnDemand?: boolean | undefined;
}
