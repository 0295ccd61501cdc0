/**
 * Where security units are stationed, from each country's doctrine: border units at the country's
 * crossings (round-robin, official posts first, since states guard the posts they run), corridor
 * units on its road cells (drawn at random), capital units at its capital cell. Agency follows
 * the posting: border → border guards (a doctrine share military), corridor → the drug-control
 * agency (mobile interdiction on trafficking roads), capital → police. Reinforcements add units
 * at a named crossing or a cell. Corruption: the country's (province table: 1 − TI CPI / 100, or
 * the scenario's override) × the agency's factor.
 */
import type { RngStream } from "../../../engine/rng.js";
import { findCrossing, type NamedCrossing } from "../../../worlds/crossings.js";
import { CROSSING_NONE, CROSSING_OFFICIAL, type World } from "../../../worlds/types.js";
import { AGENCIES, type Agency, agencyHazard, type EconomyParams, SECURITY_COUNTRIES } from "../params.js";
import { stageUnit, type Units } from "./units.js";

/** The capital cell of country k: its first market's first trading cell, else its road cell nearest its centroid. */
export function capitalCell(world: World, k: number): number {
  for (const [p, cells] of world.markets) {
    if (world.countries.indexOf(world.provinces[p]!.country) === k && cells.length > 0) return cells[0]!;
  }
  const g = world.grid;
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let c = 0; c < g.size; c++) {
    if (world.country[c] !== k || world.blocked[c]) continue;
    sx += g.x(c);
    sy += g.y(c);
    n++;
  }
  if (n === 0) return -1;
  const cx = sx / n;
  const cy = sy / n;
  let best = -1;
  let bestD = Number.POSITIVE_INFINITY;
  for (let c = 0; c < g.size; c++) {
    if (world.country[c] !== k || world.blocked[c]) continue;
    // Road cells win: a capital sits on the highway network.
    const d = (g.x(c) - cx) ** 2 + (g.y(c) - cy) ** 2 + (world.road[c] ? 0 : 1e6);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/** Corruption of country k's units before the agency factor (the scenario's override, else the province table's). */
export function countryCorruption(world: World, k: number, override: number | undefined): number {
  if (override !== undefined) return override;
  const code = world.countries[k];
  const p = world.provinces.find((q) => q.country === code);
  return p ? p.corruption : 0;
}

/** Stage every unit the parameters call for; returns the number staged. */
export function postUnits(
  units: Units,
  world: World,
  p: EconomyParams,
  crossings: readonly NamedCrossing[],
  rng: RngStream,
): number {
  let staged = 0;
  const make = (
    station: number,
    k: number,
    agency: Agency,
    strength: number,
    corr: number,
    fromDay: number,
  ) => {
    const a = p.agencies[agency];
    stageUnit(units, {
      station,
      country: k,
      agency: AGENCIES.indexOf(agency),
      strength,
      effectiveness: agencyHazard(p, agency),
      corruption: Math.min(1, corr * a.corruptionFactor),
      radius: a.patrolRadius,
      patrol: a.patrol,
      fromDay,
    });
    staged++;
  };
  for (const code of SECURITY_COUNTRIES) {
    const k = world.countries.indexOf(code);
    if (k < 0) continue;
    const s = p.security[code];
    const corr = countryCorruption(world, k, s.corruption);
    const posts: number[] = [];
    const roads: number[] = [];
    for (let c = 0; c < world.grid.size; c++) {
      if (world.country[c] !== k || world.blocked[c]) continue;
      if (world.crossing[c] !== CROSSING_NONE) posts.push(c);
      else if (world.road[c]) roads.push(c);
    }
    posts.sort(
      (a, b) =>
        Number(world.crossing[b] === CROSSING_OFFICIAL) - Number(world.crossing[a] === CROSSING_OFFICIAL),
    );
    const capital = capitalCell(world, k);
    const d = s.doctrine;
    const total = d.border + d.corridor + d.capital;
    const nBorder = total > 0 && posts.length > 0 ? Math.round((s.units * d.border) / total) : 0;
    const nCapital = total > 0 && capital >= 0 ? Math.round((s.units * d.capital) / total) : 0;
    const nCorridor = roads.length > 0 ? Math.max(0, s.units - nBorder - nCapital) : 0;
    const nMilitary = Math.round(nBorder * s.militaryShareOfBorder);
    for (let i = 0; i < nBorder; i++) {
      make(posts[i % posts.length]!, k, i < nMilitary ? "military" : "border", s.strength, corr, 0);
    }
    for (let i = 0; i < nCorridor; i++)
      make(roads[rng.below(roads.length)]!, k, "drugs", s.strength, corr, 0);
    for (let i = 0; i < nCapital; i++) make(capital, k, "police", s.strength, corr, 0);
  }
  for (const r of p.reinforcements) {
    const cells = reinforcementCells(world, crossings, r);
    for (const c of cells) {
      const k = world.country[c]!;
      const code = world.countries[k] as (typeof SECURITY_COUNTRIES)[number];
      const corr = countryCorruption(world, k, p.security[code]?.corruption);
      const strength = p.security[code]?.strength ?? 1;
      for (let i = 0; i < r.units; i++) make(c, k, r.agency, strength, corr, r.fromDay);
    }
  }
  return staged;
}

/** The cells a reinforcement names (a crossing's cells, or one cell); throws on an unknown place. */
export function reinforcementCells(
  world: World,
  crossings: readonly NamedCrossing[],
  r: EconomyParams["reinforcements"][number],
): number[] {
  if (r.crossing !== undefined) {
    const k = findCrossing(crossings, r.crossing);
    if (!k) throw new Error(`reinforcement: unknown crossing "${r.crossing}"`);
    return Array.from(k.cells);
  }
  if (r.at !== undefined) {
    const [x, y] = r.at;
    const g = world.grid;
    if (x >= g.width || y >= g.height) throw new Error(`reinforcement: (${x}, ${y}) is off the map`);
    return [g.cell(x, y)];
  }
  throw new Error("reinforcement: give a crossing or a cell (at)");
}
