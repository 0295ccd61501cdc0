/**
 * What alliance contingents in position do to the cells around them, rebuilt daily: a detection
 * multiplier the economy applies to its security presence hazard (route-control works with the
 * drug agencies; drill positions are soldiers at a crossing), a classification skill attribution
 * uses for events there, troops and quality per cell for clashes, the blocking screen drill
 * positions put on the cells around them, and which force covers each cell
 * — from which coverage (cells covered by any force) and overlap (cells covered by two or more).
 */

import type { World } from "../../../worlds/types.js";
import type { Contingents } from "./contingents.js";
import { type AllianceRules, type Force, POSTURE_DRILL, POSTURE_ROUTE } from "./forces.js";

/** Per-cell alliance layers of one day. */
export class AllianceLayers {
  /** Detection multiplier (≥ 1; 1 where no force covers): the economy multiplies presence hazard by it. */
  readonly detection: Float64Array;
  /** Best classification skill of a covering force (0 where none). */
  readonly skill: Float64Array;
  /** Alliance troops in position in the cell. */
  readonly troops: Float64Array;
  /** Troop-weighted sum of force quality in the cell (divide by troops for the mean). */
  readonly qualityTroops: Float64Array;
  /**
   * Drill troops whose blocking position covers the cell (same country as the position): a band
   * stepping into such a cell from abroad must get past them (models/nexus/clashes/crossings.ts).
   */
  readonly block: Float64Array;
  /** Troop-weighted sum of the blocking troops' quality (divide by `block` for the mean). */
  readonly blockQuality: Float64Array;
  /**
   * Raid multiplier (≥ 1; 1 + raidBoost within a route-control position's radius, on both sides of a
   * border): intelligence-led raids on armed trafficking by the units present there.
   */
  readonly raid: Float64Array;
  /** Bit f set where force f covers the cell. */
  readonly cover: Uint8Array;
  /** Passable cells covered by at least one force. */
  covered = 0;
  /** Passable cells covered by two or more forces. */
  overlap = 0;

  constructor(cells: number) {
    this.detection = new Float64Array(cells).fill(1);
    this.skill = new Float64Array(cells);
    this.troops = new Float64Array(cells);
    this.qualityTroops = new Float64Array(cells);
    this.cover = new Uint8Array(cells);
    this.block = new Float64Array(cells);
    this.blockQuality = new Float64Array(cells);
    this.raid = new Float64Array(cells).fill(1);
  }

  /** Rebuild from the contingents in position (cell ≥ 0, troops > 0). */
  rebuild(store: Contingents, forces: readonly Force[], r: AllianceRules, world: World): void {
    this.detection.fill(1);
    this.skill.fill(0);
    this.troops.fill(0);
    this.qualityTroops.fill(0);
    this.cover.fill(0);
    this.block.fill(0);
    this.blockQuality.fill(0);
    this.raid.fill(1);
    const col = store.col;
    const ids = store.order();
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const at = col.cell[id]!;
      const t = col.troops[id]!;
      if (at < 0 || t <= 0) continue;
      const f = forces[col.force[id]!]!;
      const p = col.posture[id]!;
      this.troops[at] = this.troops[at]! + t;
      this.qualityTroops[at] = this.qualityTroops[at]! + t * f.quality;
      const mult = 1 + r.detectionBoost[p]!;
      const skill = p === POSTURE_ROUTE ? Math.min(1, f.skill + r.intelBonus) : f.skill;
      const bit = 1 << col.force[id]!;
      // Coverage does not add up: a second force on a covered cell adds nothing (overlap is waste).
      const g = world.grid;
      const rad = r.radius[p]!;
      for (let dy = -rad; dy <= rad; dy++) {
        for (let dx = -rad; dx <= rad; dx++) {
          const v = g.at(g.x(at) + dx, g.y(at) + dy);
          if (v < 0) continue;
          this.cover[v] = this.cover[v]! | bit;
          if (mult > this.detection[v]!) this.detection[v] = mult;
          if (skill > this.skill[v]!) this.skill[v] = skill;
          // Shared intelligence crosses the border (border liaison offices, CARICC): the units on
          // either side hunt armed trafficking near a route-control position; only they fight.
          if (p === POSTURE_ROUTE) this.raid[v] = 1 + r.raidBoost;
          if (p === POSTURE_DRILL && world.country[v] === world.country[at]) {
            this.block[v] = this.block[v]! + t;
            this.blockQuality[v] = this.blockQuality[v]! + t * f.quality;
          }
        }
      }
    }
    let covered = 0;
    let overlap = 0;
    for (let v = 0; v < this.cover.length; v++) {
      const m = this.cover[v]!;
      if (m === 0 || world.blocked[v]) continue;
      covered++;
      if ((m & (m - 1)) !== 0) overlap++; // more than one bit set
    }
    this.covered = covered;
    this.overlap = overlap;
  }
}
