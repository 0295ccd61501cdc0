/**
 * What an organisation believes about a cell before it has passed it: the crossing kind's base
 * detection chance (0 off crossings), split by the country's corruption into a prior bribe chance
 * (base × corruption; 1 × base where officials collude) and a prior seizure chance (the rest).
 * Traffickers know which borders can be bought — the essay behind pamir: officials collude with
 * traffickers — so a corrupt official post is no worse a prospect than a watched ford.
 */

import type { World } from "../../worlds/types.js";
import type { EconomyParams } from "./params.js";
import { countryCorruption } from "./security/posts.js";

/** Prior seizure and bribe chance per passage of each cell. */
export interface Priors {
  /** Prior seizure chance per passage. */
  seize: Float64Array;
  /** Prior bribe chance per passage. */
  bribe: Float64Array;
}

/**
 * Priors from the base detection layer: corruption is the cell's country's (scenario override,
 * else province table) × the border guards' corruption factor, since border guards man crossings.
 */
export function priorLayers(world: World, base: ArrayLike<number>, p: EconomyParams): Priors {
  const n = world.grid.size;
  const seize = new Float64Array(n);
  const bribe = new Float64Array(n);
  const byCountry = world.countries.map((code, k) => {
    const override = (p.security as Record<string, { corruption?: number | undefined }>)[code]?.corruption;
    const corr = Math.min(1, countryCorruption(world, k, override) * p.agencies.border.corruptionFactor);
    return corr >= p.detection.collusionLevel ? 1 : corr;
  });
  for (let c = 0; c < n; c++) {
    const d = base[c]!;
    if (d <= 0) continue;
    const corr = byCountry[world.country[c]!]!;
    bribe[c] = d * corr;
    seize[c] = d * (1 - corr);
  }
  return { seize, bribe };
}
