/**
 * The drug-route world on the real map (`scenarios/maps/central-asia.json`): the map's provinces,
 * borders, roads, crossings and ruggedness, the province table taken from the map's, heroin
 * supply spread over the source provinces by their `heroinSource` weight, and the map's markets.
 *
 * Markets: a market whose id is a province's ISO code (Dushanbe, Osh, Almaty) is that province's
 * city market, trading at its link cells. A market whose id is a country code is a sink beyond
 * the map (Russia, China): it becomes a province of its own whose cells are its link cells, taken
 * from the province the map gave them to. Where that province lies in another country (Russia's
 * exits are Kazakh road cells on the north edge) the sink cell is also an official crossing, since
 * reaching the sink means crossing into it: the Kazakh–Russian border, some 500 km north of the
 * map, collapsed onto the map's edge. The sink takes the mean attributes of the provinces whose
 * cells it took (ASSUMPTION: nothing on the map says more about the country beyond the edge).
 * A cell of a third country touching a crossing is closed, so the world's border rule (any
 * crossing opens any border) allows exactly the map's steps (a crossing opens only its own).
 */

import { type Problem, problem } from "../core/problems.js";
import type { RegionInfo } from "../core/region-map.js";
import { loadBundledMap } from "../map/file/bundled.js";
import { regionMapOf } from "../map/file/region-map.js";
import type { CentralAsiaMap } from "../map/file/types.js";
import { buildWorld } from "./build.js";
import type { NamedCrossing } from "./crossings.js";
import type { MarketAttributes, ProvinceAttributes, World } from "./types.js";

/**
 * Heroin entering the map per year, kg: UNODC (2012), "Opiate Flows through Northern Afghanistan
 * and Central Asia: A Threat Assessment": about 90 t a year through Central Asia (the figure the
 * corridor world uses too). The map's market demands add up to the same 90 t.
 */
export const CENTRAL_ASIA_SUPPLY_KG_PER_YEAR = 90_000;

/** Days per year, for turning annual tonnages into kg/day. */
const DAYS_PER_YEAR = 365;

/** Absolute price elasticity of heroin demand ≈ 0.3 (OAS 2013, ch. 4), as in the corridor world. */
const HEROIN_ELASTICITY = 0.3;

/** The world built from a map and its named crossings, or every problem that stopped it. */
export type MapWorldResult =
  | { ok: true; world: World; crossings: NamedCrossing[] }
  | { ok: false; problems: Problem[] };

const ATTRIBUTES = ["stateCapacity", "legitimacy", "corruption", "hardship", "ruggedness"] as const;

/** A sink's province name: the market's name without its parenthesis ("Russia (via Kazakhstan)" → "Russia"). */
function sinkName(name: string): string {
  return name.replace(/\s*\(.*\)\s*$/, "");
}

/** The market attributes of a map market row, trading at `cells`. */
function marketOf(m: CentralAsiaMap["markets"][number], cells: number[], width: number): MarketAttributes {
  return {
    demandKgPerDay: (m.demand * 1000) / DAYS_PER_YEAR,
    basePriceUsdPerKg: m.price,
    elasticity: HEROIN_ELASTICITY,
    sites: cells.map((c) => [c % width, Math.floor(c / width)] as const),
  };
}

/** The drug-route world of a loaded map, with the map's crossings (and the sinks' border cells) by name. */
export function worldFromMap(map: CentralAsiaMap): MapWorldResult {
  const errors: Problem[] = [];
  const base = regionMapOf(map);
  const cells: SinkCells = { region: base.region.slice(), regions: [...base.regions] };
  const provinces = provinceTable(map, errors);
  const crossings: NamedCrossing[] = map.crossings.map((x) => ({
    char: x.id,
    name: x.name,
    kind: x.kind,
    cells: Int32Array.of(x.cell),
  }));
  placeMarkets(map, provinces, cells, crossings, errors);
  if (errors.length > 0) return { ok: false, problems: errors };
  closeThirdCountries(map, cells.region, cells.regions);
  const built = buildWorld({ ...base, ...cells }, provinces);
  return built.ok ? { ok: true, world: built.world, crossings } : built;
}

/** The region layer and legend as sinks and closed cells rewrite them. */
interface SinkCells {
  region: Int32Array;
  regions: RegionInfo[];
}

/** The province table from the map's, with supply spread over the source provinces by heroinSource weight. */
function provinceTable(map: CentralAsiaMap, errors: Problem[]): ProvinceAttributes[] {
  const weight = map.provinces.reduce((s, p) => s + p.heroinSource, 0);
  if (!(weight > 0)) errors.push(problem("world", "provinces", "no province has heroinSource > 0"));
  const perDay = CENTRAL_ASIA_SUPPLY_KG_PER_YEAR / DAYS_PER_YEAR;
  return map.provinces.map((p) => ({
    name: p.name,
    country: map.countries[p.country - 1]!.iso,
    stateCapacity: p.stateCapacity,
    legitimacy: p.legitimacy,
    corruption: p.corruption,
    hardship: p.hardship,
    ruggedness: p.ruggedness,
    productionKgPerDay: weight > 0 ? (perDay * p.heroinSource) / weight : 0,
  }));
}

/**
 * The map's markets: a city market becomes its province's market; a sink becomes a province of
 * its own (appended to `provinces`) on its link cells, which become official crossings (added to
 * `crossings`) where the province they were taken from lies in another country.
 */
function placeMarkets(
  map: CentralAsiaMap,
  provinces: ProvinceAttributes[],
  cells: SinkCells,
  crossings: NamedCrossing[],
  errors: Problem[],
): void {
  const width = map.grid.width;
  const taken = new Set<number>();
  for (const [i, m] of map.markets.entries()) {
    const linkCells = m.links.map((l) => l.cell);
    const home = map.provinces.findIndex((p) => p.iso === m.id);
    if (home >= 0) {
      provinces[home]!.market = marketOf(m, linkCells, width);
      continue;
    }
    if (!/^[A-Z]{2}$/.test(m.id)) {
      errors.push(
        problem("world", `markets[${i}].id`, `"${m.id}" is neither a province of the map nor a country`),
      );
      continue;
    }
    const name = sinkName(m.name);
    const hosts = linkCells.map((c) => provinces[map.province[c]!]).filter((p) => p !== undefined);
    const sink: ProvinceAttributes = { name, country: m.id, productionKgPerDay: 0, ...meanOf(hosts) };
    sink.market = marketOf(m, linkCells, width);
    provinces.push(sink);
    for (const [j, c] of linkCells.entries()) {
      const at = `markets[${i}].links[${j}]`;
      if (map.province[c]! < 0 || map.crossing[c]! >= 0 || taken.has(c)) {
        errors.push(problem("world", at, `cell ${c} is off the region, a crossing or another sink's`));
        continue;
      }
      taken.add(c);
      const border = map.countries[map.country[c]! - 1]!.iso !== m.id;
      cells.region[c] =
        cells.regions.push({
          char: `${m.id} sink ${j}`,
          province: name,
          country: m.id,
          blocked: false,
          ...(map.road[c] === 1 ? { road: true } : {}),
          ...(border ? { crossing: "official" as const } : {}),
          ruggedness: map.ruggedness[c]!,
        }) - 1;
      if (border) {
        crossings.push({
          char: `${m.id.toLowerCase()}-${j + 1}`,
          name: `${m.links[j]!.name} (border to ${name})`,
          kind: "official",
          cells: Int32Array.of(c),
        });
      }
    }
  }
}

/**
 * The world's border rule lets any crossing cell open a step into any neighbouring country; the
 * map's opens only the crossing's own two. They differ only where a crossing cell touches a third
 * country (at 0.25°: Irkeshtam, KG–CN, touches one Tajik cell at the tripoint), so such
 * third-country cells are closed (blocked, in no province of the table) and the two rules agree.
 */
function closeThirdCountries(map: CentralAsiaMap, region: Int32Array, regions: RegionInfo[]): void {
  const { width, height } = map.grid;
  for (const x of map.crossings) {
    const cx = x.cell % width;
    const cy = Math.floor(x.cell / width);
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const nx = cx + dx;
        const ny = cy + dy;
        if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
        const n = ny * width + nx;
        const k = map.country[n]!;
        if (k === 0 || x.countries.includes(k)) continue;
        region[n] =
          regions.push({
            char: `closed beside ${x.id}`,
            province: `${map.provinces[map.province[n]!]!.name} (closed beside ${x.name})`,
            country: map.countries[k - 1]!.iso,
            blocked: true,
          }) - 1;
      }
    }
  }
}

/** Mean of the 0–1 attributes of `rows` (the provinces a sink takes its cells from). */
function meanOf(rows: readonly ProvinceAttributes[]): Pick<ProvinceAttributes, (typeof ATTRIBUTES)[number]> {
  const out = { stateCapacity: 0, legitimacy: 0, corruption: 0, hardship: 0, ruggedness: 0 };
  for (const k of ATTRIBUTES) {
    out[k] = rows.length > 0 ? rows.reduce((s, r) => s + r[k], 0) / rows.length : 0;
  }
  return out;
}

/** The shipped map's world and crossings, built on first use and kept for the process. */
let shipped: { world: World; crossings: NamedCrossing[] } | undefined;

function shippedWorld(): { world: World; crossings: NamedCrossing[] } {
  if (!shipped) {
    const r = worldFromMap(loadBundledMap());
    // The shipped map is checked by the tests; failing here is a defect, not bad input.
    if (!r.ok)
      throw new Error(
        `central-asia world is invalid: ${r.problems.map((e) => `${e.path} ${e.message}`).join("; ")}`,
      );
    shipped = { world: r.world, crossings: r.crossings };
  }
  return shipped;
}

/**
 * The world on the shipped Central Asia map, built once per process (sweep workers pay for it
 * once) and shared: callers must treat its layers as read-only.
 */
export function centralAsiaWorld(): World {
  return shippedWorld().world;
}

/** The named crossings of the shipped Central Asia world: the map's, then the sinks' border cells. */
export function centralAsiaCrossings(): NamedCrossing[] {
  return [...shippedWorld().crossings];
}
