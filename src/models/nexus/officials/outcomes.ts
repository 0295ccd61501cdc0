/**
 * Outcomes of the state as an actor (models/nexus/outcomes.ts emits them after the violence
 * outcomes; models/nexus/officials/catalogue.ts describes them). Their deaths are also in
 * violent_events and deaths_tj_kg_kz, their state and civilian deaths in casualties.state and
 * casualties.civilian: these say which part of the violence the state–crime nexus caused.
 */
import type { Officials } from "./officials.js";

/** The officials' outcomes after day `day`, into `out`. */
export function officialsOutcomes(o: Officials, day: number, out: Record<string, number>): void {
  const t = o.out;
  const sm = o.strongmen;
  let active = 0;
  for (let s = 0; s < sm.n; s++) if (sm.active(s, day)) active++;
  Object.assign(out, {
    protection_fees_usd: t.feesUsd,
    strongmen_active: active,
    protection_clashes: t.resistClashes + t.rivalClashes,
    protection_clashes_with_units: t.resistClashes,
    protection_deaths: t.protectionDeaths,
    purges: t.purges,
    purge_deaths: t.purgeDeaths,
    strongmen_men_lost: t.menLost,
    trafficker_clashes: t.traffickerClashes,
    trafficker_clash_deaths: t.traffickerDeaths,
    trafficker_escapes: t.traffickerEscapes,
  });
}
