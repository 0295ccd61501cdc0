/**
 * The drug-route world on the real Central Asia map: supply where the map says heroin comes from,
 * in the documented annual amount; markets (city markets and the Russian and Chinese sinks) that
 * every producer reaches only through crossings; Badakhshan and GBAO joined only by crossing
 * cells; the world's border rule agreeing with the map's; crossings found by their real names.
 */
import { describe, expect, it } from "vitest";
import { loadBundledMap } from "../../../src/map/file/bundled.js";
import { canStep as mapCanStep } from "../../../src/map/file/passage.js";
import { canStep } from "../../../src/worlds/build.js";
import {
  CENTRAL_ASIA_SUPPLY_KG_PER_YEAR,
  centralAsiaCrossings,
  centralAsiaWorld,
  worldFromMap,
} from "../../../src/worlds/central-asia.js";
import { corridorWorld } from "../../../src/worlds/corridor.js";
import { findCrossing } from "../../../src/worlds/crossings.js";
import { worldByName } from "../../../src/worlds/resolve.js";
import { routeField, routeFrom } from "../../../src/worlds/routes.js";
import { CROSSING_INFORMAL, CROSSING_NONE, CROSSING_OFFICIAL } from "../../../src/worlds/types.js";

const map = loadBundledMap();
const world = centralAsiaWorld();
const crossings = centralAsiaCrossings();
const g = world.grid;
const byName = (name: string) => world.provinces.findIndex((p) => p.name === name);
const code = (c: number) => world.countries[world.country[c]!]!;

/** Unit carriage cost everywhere, Infinity on the cells `closed` marks. */
function costs(closed: (c: number) => boolean = () => false): Float64Array {
  return Float64Array.from({ length: g.size }, (_, c) => (closed(c) ? Number.POSITIVE_INFINITY : 1));
}

/** The 8 neighbours of `c` on the grid. */
function neighbours(c: number): number[] {
  const out: number[] = [];
  for (let dy = -1; dy <= 1; dy++)
    for (let dx = -1; dx <= 1; dx++) {
      const n = g.at(g.x(c) + dx, g.y(c) + dy);
      if (n >= 0 && n !== c) out.push(n);
    }
  return out;
}

const producers = world.provinces.flatMap((p, i) => (p.productionKgPerDay > 0 ? [i] : []));

describe("centralAsiaWorld", () => {
  it("is built once per process and is what the catalog serves", () => {
    expect(centralAsiaWorld()).toBe(world);
    expect(worldByName("central-asia").world).toBe(world);
    expect(worldByName("central-asia").crossings.map((x) => x.name)).toEqual(crossings.map((x) => x.name));
    const corridor = worldByName("corridor");
    expect(corridor.world.grid.size).toBe(corridorWorld().grid.size);
    expect(findCrossing(corridor.crossings, "Kulma pass")).toBeDefined();
  });

  it("has the map's grid, its provinces and two sinks", () => {
    expect([g.width, g.height]).toEqual([map.grid.width, map.grid.height]);
    expect(world.provinces.map((p) => p.name)).toEqual([
      ...map.provinces.map((p) => p.name),
      "Russia",
      "China",
    ]);
    expect(world.countries).toEqual(["AF", "TJ", "KG", "UZ", "KZ", "TM", "CN", "RU", ""]);
    for (const [i, p] of map.provinces.entries()) {
      expect(world.provinces[i]).toMatchObject({
        stateCapacity: p.stateCapacity,
        legitimacy: p.legitimacy,
        corruption: p.corruption,
        hardship: p.hardship,
        ruggedness: p.ruggedness,
      });
    }
  });

  it("puts supply in every source province, 90 t a year in all, matched by market demand", () => {
    expect(producers.length).toBeGreaterThanOrEqual(3);
    for (const [i, p] of map.provinces.entries()) {
      expect(world.provinces[i]!.productionKgPerDay > 0, p.iso).toBe(p.heroinSource > 0);
      if (p.heroinSource > 0) expect(p.iso.startsWith("AF-"), p.iso).toBe(true);
    }
    const supply = world.provinces.reduce((s, p) => s + p.productionKgPerDay, 0) * 365;
    expect(supply).toBeCloseTo(CENTRAL_ASIA_SUPPLY_KG_PER_YEAR, 6);
    expect(CENTRAL_ASIA_SUPPLY_KG_PER_YEAR).toBe(90_000);
    const demand = world.markets.reduce((s, [p]) => s + world.provinces[p]!.market!.demandKgPerDay, 0) * 365;
    expect(demand).toBeCloseTo(supply, 6);
    // Badakhshan, the heaviest source on the map, supplies the most.
    const top = producers.reduce((a, b) =>
      world.provinces[a]!.productionKgPerDay >= world.provinces[b]!.productionKgPerDay ? a : b,
    );
    expect(world.provinces[top]!.name).toBe("Badakhshan");
  });

  it("trades at the city markets' capitals and at the sinks' link cells", () => {
    const markets = new Map(world.markets.map(([p, cells]) => [world.provinces[p]!.name, [...cells]]));
    expect([...markets.keys()]).toEqual(["Dushanbe", "Osh", "Almaty", "Russia", "China"]);
    for (const name of ["Dushanbe", "Osh", "Almaty"]) {
      const row = map.provinces.find((p) => p.name === name)!;
      expect(markets.get(name), name).toEqual([row.capital.cell]);
      expect(world.province[row.capital.cell]).toBe(byName(name));
    }
    const russia = markets.get("Russia")!;
    expect(russia.length).toBe(2);
    for (const c of russia) {
      expect(g.y(c)).toBe(0); // the north edge, where the roads leave the box
      expect(code(c)).toBe("RU");
      expect(world.crossing[c]).toBe(CROSSING_OFFICIAL);
      expect(neighbours(c).every((n) => code(n) === "KZ")).toBe(true);
    }
    const [kashgar] = markets.get("China")!;
    expect(code(kashgar!)).toBe("CN");
    expect(world.crossing[kashgar!]).toBe(CROSSING_NONE);
    expect(world.provinces[byName("Russia")]!.market!.basePriceUsdPerKg).toBe(30_000);
  });

  it("lets every producer reach every market by legal moves, and only through crossings", () => {
    for (const [m, cells] of world.markets) {
      const open = routeField(world, costs(), cells);
      const shut = routeField(
        world,
        costs((c) => world.crossing[c] !== CROSSING_NONE),
        cells,
      );
      for (const p of producers) {
        for (const c of world.cellsOf[p]!) {
          const where = `${world.provinces[p]!.name} cell ${c} → ${world.provinces[m]!.name}`;
          expect(open.dist[c], where).toBeLessThan(Number.POSITIVE_INFINITY);
          expect(shut.dist[c], where).toBe(Number.POSITIVE_INFINITY);
        }
      }
      // A route found crosses at least one crossing cell and never makes an illegal step.
      const route = routeFrom(open, world.cellsOf[producers[0]!]![0]!);
      expect([...route].some((c) => world.crossing[c] !== CROSSING_NONE)).toBe(true);
      for (let i = 1; i < route.length; i++) expect(canStep(world, route[i - 1]!, route[i]!)).toBe(true);
    }
  });

  it("joins Badakhshan (AF) to Gorno-Badakhshan (TJ) only through crossing cells", () => {
    const bds = byName("Badakhshan");
    const gb = byName("Gorno-Badakhshan");
    let touching = 0;
    let open = 0;
    for (const c of world.cellsOf[bds]!) {
      for (const n of neighbours(c)) {
        if (world.province[n] !== gb) continue;
        touching++;
        if (!canStep(world, c, n)) continue;
        open++;
        expect(world.crossing[c] !== CROSSING_NONE || world.crossing[n] !== CROSSING_NONE, `${c}→${n}`).toBe(
          true,
        );
      }
    }
    expect(touching).toBeGreaterThan(open);
    expect(open).toBeGreaterThan(0);
    const toGbao = routeField(world, costs(), world.cellsOf[gb]!);
    const shut = routeField(
      world,
      costs((c) => world.crossing[c] !== CROSSING_NONE),
      world.cellsOf[gb]!,
    );
    for (const c of world.cellsOf[bds]!) {
      expect(toGbao.dist[c]).toBeLessThan(Number.POSITIVE_INFINITY);
      expect(shut.dist[c]).toBe(Number.POSITIVE_INFINITY);
    }
  });

  it("allows the same border steps as the map, apart from the sinks' border cells", () => {
    const sink = (c: number) => code(c) === "RU";
    let steps = 0;
    for (let a = 0; a < g.size; a++) {
      for (const b of neighbours(a)) {
        if (world.country[a] === world.country[b] || sink(a) || sink(b)) continue;
        const inWorld = canStep(world, a, b);
        // Cells closed beside a crossing are blocked in the world and passable on the map.
        if (world.blocked[a] || world.blocked[b]) {
          expect(inWorld).toBe(false);
          continue;
        }
        expect(inWorld, `${a}→${b}`).toBe(mapCanStep(map, a, b));
        if (inWorld) steps++;
      }
    }
    expect(steps).toBeGreaterThan(2 * map.crossings.length);
    // The one cell closed at 0.25°: the Tajik cell touching Irkeshtam (KG–CN) at the tripoint.
    const closed = [...world.blocked.keys()].filter((c) => world.blocked[c] && map.province[c]! >= 0);
    expect(closed.map((c) => map.countries[map.country[c]! - 1]!.iso)).toEqual(["TJ"]);
  });

  it("finds the crossings named in issue 5 by name or id, on crossing cells of their kind", () => {
    const named = [
      "Panji Poyon – Sher Khan Bandar bridge",
      "Hairatan – Termez Friendship Bridge",
      "Ishkashim bridge",
      "Kulma pass",
      "Irkeshtam",
      "Shamsiddin-Shohin (Shohon) bridge",
      "Khorog (Tem – Demogan) bridge",
      "Panj fords at Rushan (Vomar)",
    ];
    for (const name of named) expect(findCrossing(crossings, name), name).toBeDefined();
    expect(findCrossing(crossings, "panji-poyon")?.name).toBe(named[0]);
    const seen = new Set<number>();
    for (const x of crossings) {
      for (const c of x.cells) {
        expect(world.crossing[c], x.name).toBe(x.kind === "official" ? CROSSING_OFFICIAL : CROSSING_INFORMAL);
        expect(seen.has(c), x.name).toBe(false);
        seen.add(c);
      }
    }
    // Every crossing cell of the world is one named crossing.
    expect(seen.size).toBe(world.crossing.filter((k) => k !== CROSSING_NONE).length);
    expect(crossings.filter((x) => x.kind === "informal")).toHaveLength(4);
    expect(crossings.filter((x) => x.name.includes("border to Russia"))).toHaveLength(2);
  });
});

describe("worldFromMap on a changed map", () => {
  it("refuses a map without any heroin source", () => {
    const r = worldFromMap({ ...map, provinces: map.provinces.map((p) => ({ ...p, heroinSource: 0 })) });
    expect(r.ok ? [] : r.problems).toEqual([
      { kind: "world", path: "provinces", message: "no province has heroinSource > 0" },
    ]);
  });

  it("refuses a market that is neither a province nor a country", () => {
    const bad = { ...map.markets[0]!, id: "XX-YY" };
    const r = worldFromMap({ ...map, markets: [bad] });
    expect(r.ok ? [] : r.problems.map((e) => e.path)).toEqual(["markets[0].id"]);
  });

  it("refuses a sink whose link lies on a crossing", () => {
    const x = map.crossings[0]!;
    const sink = { id: "RU", name: "Russia", demand: 1, price: 1, links: [{ ...x, cell: x.cell }] };
    const r = worldFromMap({ ...map, markets: [sink] });
    expect(r.ok ? [] : r.problems.map((e) => e.path)).toEqual(["markets[0].links[0]"]);
  });
});
