/** Band upkeep: fighters are paid daily from cash, and desert when they are not. */
import type { RngStream } from "../../../engine/rng.js";
import type { BandOutcomes } from "./outcomes.js";
import type { BandRules } from "./rules.js";
import { type Bands, loseFighters } from "./store.js";

/**
 * Pay a day's upkeep (fighters × wage) from cash. What cash cannot cover is unpaid; each fighter
 * then deserts with chance desertionRate × unpaid share (taking a weapon). A band left with no
 * fighters is removed.
 */
export function payUpkeep(bands: Bands, r: BandRules, rng: RngStream, out: BandOutcomes): void {
  const { fighters, cash } = bands.col;
  const ids = bands.order();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const cost = fighters[id]! * r.wageUsdPerFighterDay;
    const paid = Math.min(cash[id]!, cost);
    cash[id] = cash[id]! - paid;
    out.upkeepUsd += paid;
    if (paid < cost) {
      const gone = rng.binomial(fighters[id]!, r.desertionRate * (1 - paid / cost));
      loseFighters(bands, id, gone);
      out.deserted += gone;
    }
    if (fighters[id]! <= 0) {
      bands.remove(id);
      out.dissolved++;
    }
  }
}
