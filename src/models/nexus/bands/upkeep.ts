/**
 * Band money each day: non-drug funding comes in, fighters are paid from cash, and desert when
 * they are not. Funding — external sponsors, diaspora, extortion outside the drug trade — is
 * sponsorUsdPerFighterDay × fighters × the band's ideological share (1 − criminal share): an
 * ideological band is kept by its backers, a criminal one lives on the trade (an assumption
 * sized to the wage; docs/model.md, "Band money").
 */
import type { RngStream } from "../../../engine/rng.js";
import type { BandOutcomes } from "./outcomes.js";
import type { BandRules } from "./rules.js";
import { type Bands, loseFighters } from "./store.js";

/**
 * One day: credit funding (× `ideologicalShare[motive]`), then pay upkeep (fighters × wage) from
 * cash. What cash cannot cover is unpaid; each fighter then deserts with chance desertionRate ×
 * unpaid share (taking a weapon). A band left with no fighters is removed.
 */
export function payUpkeep(
  bands: Bands,
  r: BandRules,
  ideologicalShare: ArrayLike<number>,
  rng: RngStream,
  out: BandOutcomes,
): void {
  const { fighters, cash, motive, fundUsd } = bands.col;
  const ids = bands.order();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const fund = fighters[id]! * r.sponsorUsdPerFighterDay * ideologicalShare[motive[id]!]!;
    cash[id] = cash[id]! + fund;
    fundUsd[id] = fundUsd[id]! + fund;
    out.fundingUsd += fund;
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
