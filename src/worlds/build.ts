/**
 * Builds the drug-route world from a validated region map and a province table, and states the
 * border rule every movement obeys: a step between cells of two different countries is allowed
 * only when one of the two cells is a crossing. Cells without a country count as a country of
 * their own (""), so unassigned land is no loophole around a border.
 */

import { type Problem, problem } from "../core/problems.js";
import type { RegionMap } from "../core/region-map.js";
import { createGrid } from "../engine/grid.js";
import {
  type BuildWorldResult,
  CROSSING_INFORMAL,
  CROSSING_NONE,
  CROSSING_OFFICIAL,
  type ProvinceAttributes,
  type World,
} from "./types.js";

const UNIT_FIELDS = ["stateCapacity", "legitimacy", "corruption", "hardship", "ruggedness"] as const;

/** Problems in the province table alone (names, ranges, markets). */
function checkProvinces(provinces: readonly ProvinceAttributes[]): Problem[] {
  const errors: Problem[] = [];
  const seen = new Set<string>();
  provinces.forEach((p, i) => {
    const at = `provinces[${i}]`;
    if (p.name.length === 0) errors.push(problem("world", `${at}.name`, "must not be empty"));
    if (seen.has(p.name)) errors.push(problem("world", `${at}.name`, `province "${p.name}" is listed twice`));
    seen.add(p.name);
    for (const f of UNIT_FIELDS) {
      const v = p[f];
      if (!(v >= 0 && v <= 1)) errors.push(problem("world", `${at}.${f}`, `must be in [0, 1], got ${v}`));
    }
    if (!(p.productionKgPerDay >= 0 && Number.isFinite(p.productionKgPerDay))) {
      errors.push(problem("world", `${at}.productionKgPerDay`, "must be a finite number ≥ 0"));
    }
    if (p.market) {
      for (const f of ["demandKgPerDay", "basePriceUsdPerKg", "elasticity"] as const) {
        const v = p.market[f];
        if (!(v > 0 && Number.isFinite(v))) {
          errors.push(problem("world", `${at}.market.${f}`, `must be a finite number > 0, got ${v}`));
        }
      }
    }
  });
  return errors;
}

/** Build the world's layers from `map` and the province table; every problem is reported at once. */
export function buildWorld(map: RegionMap, provinces: readonly ProvinceAttributes[]): BuildWorldResult {
  const errors = checkProvinces(provinces);
  const countries = new CountryCodes(provinces);
  const regions = resolveRegions(map, provinces, countries, errors);
  checkMarketSites(map, provinces, regions.province, errors);
  if (errors.length > 0) return { ok: false, problems: errors };
  const layers = cellLayers(map, provinces, regions);
  const cellsOf = cellsOfProvinces(layers.province, provinces.length);
  return {
    ok: true,
    world: {
      ...layers,
      provinces: [...provinces],
      countries: countries.codes,
      cellsOf,
      markets: marketCellsOf(provinces, cellsOf, map.width),
    },
  };
}

/** Country codes in order of first appearance: the province table's first, then the legend's. */
class CountryCodes {
  readonly codes: string[] = [];
  constructor(provinces: readonly ProvinceAttributes[]) {
    for (const p of provinces) this.index(p.country);
  }
  /** Index of `code`, added at the end when new. */
  index(code: string): number {
    let k = this.codes.indexOf(code);
    if (k < 0) k = this.codes.push(code) - 1;
    return k;
  }
}

/** Per legend entry: its province index (−1 when not in the table) and its country index. */
interface RegionIndexes {
  province: Int32Array;
  country: Int32Array;
}

/**
 * Each legend entry's province and country, checking that a used region's province is in the
 * table, that a legend country agrees with the table's, and that no crossing is blocked.
 */
function resolveRegions(
  map: RegionMap,
  provinces: readonly ProvinceAttributes[],
  countries: CountryCodes,
  errors: Problem[],
): RegionIndexes {
  const byName = new Map(provinces.map((p, i) => [p.name, i] as const));
  const used = new Uint8Array(map.regions.length);
  for (let c = 0; c < map.region.length; c++) used[map.region[c]!] = 1;
  const province = new Int32Array(map.regions.length);
  const country = new Int32Array(map.regions.length);
  map.regions.forEach((r, k) => {
    const at = `map.legend["${r.char}"]`;
    const pi = byName.get(r.province) ?? -1;
    province[k] = pi;
    const tableCountry = pi >= 0 ? provinces[pi]!.country : undefined;
    if (pi < 0 && !r.blocked && used[k]) {
      errors.push(
        problem("world", `${at}.province`, `province "${r.province}" is not in the province table`),
      );
    }
    if (r.country !== undefined && tableCountry !== undefined && r.country !== tableCountry) {
      errors.push(
        problem(
          "world",
          `${at}.country`,
          `is "${r.country}" but province "${r.province}" belongs to "${tableCountry}"`,
        ),
      );
    }
    country[k] = countries.index(tableCountry ?? r.country ?? "");
    if (r.crossing !== undefined && r.blocked) {
      errors.push(problem("world", `${at}.crossing`, "a crossing cannot be blocked"));
    }
  });
  return { province, country };
}

/** Every market site must be a cell of the map inside its own province. */
function checkMarketSites(
  map: RegionMap,
  provinces: readonly ProvinceAttributes[],
  regionProvince: Int32Array,
  errors: Problem[],
): void {
  provinces.forEach((p, i) => {
    p.market?.sites?.forEach(([x, y], j) => {
      const at = `provinces[${i}].market.sites[${j}]`;
      const inside = Number.isInteger(x) && Number.isInteger(y) && x >= 0 && y >= 0;
      if (!inside || x >= map.width || y >= map.height) {
        errors.push(problem("world", at, `(${x}, ${y}) is off the ${map.width}×${map.height} map`));
      } else if (regionProvince[map.region[y * map.width + x]!] !== i) {
        errors.push(problem("world", at, `(${x}, ${y}) is not in province "${p.name}"`));
      }
    });
  });
}

/** The engine grid with the world's per-cell layers, filled from each cell's legend entry. */
function cellLayers(map: RegionMap, provinces: readonly ProvinceAttributes[], regions: RegionIndexes) {
  const grid = createGrid({ width: map.width, height: map.height, torus: map.torus });
  const province = grid.addLayer("province", "i32");
  const country = grid.addLayer("country", "i32");
  const ruggedness = grid.addLayer("ruggedness", "f64");
  const road = grid.addLayer("road", "u8");
  const crossing = grid.addLayer("crossing", "u8");
  const blocked = grid.addLayer("blocked", "u8");
  for (let c = 0; c < grid.size; c++) {
    const k = map.region[c]!;
    const r = map.regions[k]!;
    const pi = regions.province[k]!;
    province[c] = pi;
    country[c] = regions.country[k]!;
    ruggedness[c] = r.ruggedness ?? (pi >= 0 ? provinces[pi]!.ruggedness : 0);
    road[c] = r.road ? 1 : 0;
    crossing[c] =
      r.crossing === "official"
        ? CROSSING_OFFICIAL
        : r.crossing === "informal"
          ? CROSSING_INFORMAL
          : CROSSING_NONE;
    blocked[c] = r.blocked ? 1 : 0;
  }
  return { grid, province, country, ruggedness, road, crossing, blocked };
}

/** Cells of each province, ascending. */
function cellsOfProvinces(province: Int32Array, n: number): Int32Array[] {
  const counts = new Int32Array(n);
  for (const pi of province) if (pi >= 0) counts[pi]!++;
  const cellsOf = Array.from({ length: n }, (_, i) => new Int32Array(counts[i]!));
  const fill = new Int32Array(n);
  for (let c = 0; c < province.length; c++) {
    const pi = province[c]!;
    if (pi >= 0) cellsOf[pi]![fill[pi]!++] = c;
  }
  return cellsOf;
}

/** Trading cells of every market: its sites, else all its province's cells. */
function marketCellsOf(
  provinces: readonly ProvinceAttributes[],
  cellsOf: Int32Array[],
  width: number,
): [number, Int32Array][] {
  const out: [number, Int32Array][] = [];
  provinces.forEach((p, i) => {
    if (!p.market) return;
    const sites = p.market.sites;
    out.push([i, sites ? Int32Array.from(sites, ([x, y]) => y * width + x) : cellsOf[i]!]);
  });
  return out;
}

/** Whether two cells are king-move neighbours (wrapping on a torus); a cell is not its own neighbour. */
export function isAdjacent(world: World, a: number, b: number): boolean {
  const g = world.grid;
  if (a === b) return false;
  return g.distance(a, b, "chebyshev") === 1;
}

/**
 * The border rule as a predicate on one move: both cells passable, neighbours, and in the same
 * country unless one of them is a crossing. Every route in the model must satisfy it.
 */
export function canStep(world: World, from: number, to: number): boolean {
  if (world.blocked[from] !== 0 || world.blocked[to] !== 0) return false;
  if (!isAdjacent(world, from, to)) return false;
  return crossesLegally(world, from, to);
}

/** The border part of `canStep` alone, for callers that already know the move is between passable neighbours. */
export function crossesLegally(world: World, from: number, to: number): boolean {
  return (
    world.country[from] === world.country[to] ||
    world.crossing[from] !== CROSSING_NONE ||
    world.crossing[to] !== CROSSING_NONE
  );
}

/**
 * Every pair of passable neighbour cells (a < b, 8-connectivity) in different countries where
 * neither is a crossing: the moves the border rule forbids. Tests use it to check routes.
 */
export function forbiddenBorderPairs(world: World): [number, number][] {
  const g = world.grid;
  const pairs: [number, number][] = [];
  for (let a = 0; a < g.size; a++) {
    if (world.blocked[a]) continue;
    const x = g.x(a);
    const y = g.y(a);
    const seen = new Set<number>(); // on a torus of width or height ≤ 2, two moves can reach one cell
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const b = g.at(x + dx, y + dy);
        if (b <= a || world.blocked[b] || seen.has(b)) continue;
        seen.add(b);
        if (!crossesLegally(world, a, b)) pairs.push([a, b]);
      }
    }
  }
  return pairs;
}
