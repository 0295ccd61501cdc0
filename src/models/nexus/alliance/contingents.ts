/**
 * Alliance contingents as an engine store: force, troops, posture, position, target and days of
 * transit left. A contingent is in reserve (cell −1, no transit), in transit, or in position.
 */
import { type AgentStore, createAgentStore } from "../../../engine/agents.js";
import { type Force, POSTURE_DRILL, POSTURE_ROUTE } from "./forces.js";

/** Columns of a contingent. */
export const CONTINGENT_SCHEMA = {
  force: "u8",
  troops: "i32",
  posture: "u8",
  cell: "i32",
  target: "i32",
  transit: "i32",
} as const;

/** The store of contingents. */
export type Contingents = AgentStore<typeof CONTINGENT_SCHEMA>;

/** Contingents of every force, in reserve: ⌊troops × readiness / size⌋ each, the first drillShare on drill. */
export function createContingents(forces: readonly Force[]): Contingents {
  const store = createAgentStore("contingent", CONTINGENT_SCHEMA, 16);
  forces.forEach((f, fi) => {
    const n = Math.floor((f.troops * f.readiness) / f.contingentSize);
    const drill = Math.round(n * f.drillShare);
    for (let i = 0; i < n; i++) {
      const k = store.stage();
      const s = store.staged;
      s.force[k] = fi;
      s.troops[k] = f.contingentSize;
      s.posture[k] = i < drill ? POSTURE_DRILL : POSTURE_ROUTE;
      s.cell[k] = -1;
      s.target[k] = -1;
    }
  });
  store.flush();
  return store;
}

/** Whether contingent `id` counts as deployed today (in transit or in position). */
export function isDeployed(store: Contingents, id: number): boolean {
  return store.col.troops[id]! > 0 && (store.col.cell[id]! >= 0 || store.col.transit[id]! > 0);
}
