/** The stylised Northern Route world: valid, calibrated to UNODC 2012 volumes, and routable. */
import { describe, expect, it } from "vitest";
import { transportCost } from "../../../src/models/economy/transport.js";
import { loadScenarioText } from "../../../src/scenario/load.js";
import { canStep } from "../../../src/worlds/build.js";
import {
  CORRIDOR_ASCII,
  CORRIDOR_LEGEND,
  CORRIDOR_PRODUCTION_KG_PER_YEAR,
  CORRIDOR_PROVINCES,
  corridorRegionMap,
  corridorWorld,
} from "../../../src/worlds/corridor.js";
import { routeField, routeFrom } from "../../../src/worlds/routes.js";
import { CROSSING_NONE } from "../../../src/worlds/types.js";

const world = corridorWorld();
const idx = (name: string) => world.provinces.findIndex((p) => p.name === name);

describe("corridor world", () => {
  it("is about 40 × 30 and builds without errors", () => {
    expect([world.grid.width, world.grid.height]).toEqual([40, 30]);
    expect(world.countries).toEqual(["RU", "KZ", "CN", "UZ", "KG", "TJ", "AF", ""]);
  });

  it("loads from a scenario file with the same legend", () => {
    const legend = CORRIDOR_LEGEND.map(([ch, e]) => {
      const attrs = [`province: "${e.province}"`];
      if (e.blocked) attrs.push("blocked: true");
      if (e.road) attrs.push("road: true");
      if (e.crossing) attrs.push(`crossing: ${e.crossing}`);
      return `    ${JSON.stringify(ch)}: { ${attrs.join(", ")} }`;
    });
    const ascii = CORRIDOR_ASCII.split("\n").map((r) => `    ${r}`);
    const text = [
      "model: schelling",
      "params: { agents: 10 }",
      "map:",
      "  ascii: |",
      ...ascii,
      "  legend:",
      ...legend,
    ].join("\n");
    const res = loadScenarioText(`${text}\n`, "corridor.yaml");
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(Array.from(res.scenario.map!.region)).toEqual(Array.from(corridorRegionMap().region));
  });

  it("supplies 90 t/yr from Badakhshan, Takhar and Kunduz, and demand matches it", () => {
    const perYear = (kgPerDay: number) => kgPerDay * 365;
    const producers = CORRIDOR_PROVINCES.filter((p) => p.productionKgPerDay > 0).map((p) => p.name);
    expect(producers.sort()).toEqual(["Badakhshan", "Kunduz", "Takhar"]);
    const supply = CORRIDOR_PROVINCES.reduce((s, p) => s + perYear(p.productionKgPerDay), 0);
    expect(supply).toBeCloseTo(CORRIDOR_PRODUCTION_KG_PER_YEAR, 6);
    expect(CORRIDOR_PRODUCTION_KG_PER_YEAR).toBe(90_000);
    const demand = CORRIDOR_PROVINCES.reduce((s, p) => s + perYear(p.market?.demandKgPerDay ?? 0), 0);
    expect(demand).toBeCloseTo(supply, 6);
    const price = (n: string) => CORRIDOR_PROVINCES[idx(n)]!.market!.basePriceUsdPerKg;
    expect(price("Dushanbe")).toBeGreaterThanOrEqual(1200);
    expect(price("Dushanbe")).toBeLessThanOrEqual(5000);
    expect(price("Osh")).toBeGreaterThanOrEqual(8000);
    expect(price("Osh")).toBeLessThanOrEqual(10_000);
    expect(price("Russia")).toBe(30_000);
  });

  it("has the named crossings on the Panj, and every crossing touches another country", () => {
    const names = CORRIDOR_LEGEND.map(([, e]) => e.name ?? "");
    expect(names.some((n) => n.includes("Panji Poyon"))).toBe(true);
    expect(names.some((n) => n.includes("Ishkashim"))).toBe(true);
    const g = world.grid;
    for (let c = 0; c < g.size; c++) {
      if (world.crossing[c] === CROSSING_NONE) continue;
      let foreign = false;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const n = g.at(g.x(c) + dx, g.y(c) + dy);
          if (n >= 0 && !world.blocked[n] && world.country[n] !== world.country[c]) foreign = true;
        }
      }
      expect(foreign, `crossing at (${g.x(c)}, ${g.y(c)})`).toBe(true);
    }
  });

  it("routes every producer to every market, obeying the border rule", () => {
    const cost = transportCost(world);
    expect(world.markets.map(([p]) => world.provinces[p]!.name)).toEqual([
      "Russia",
      "Kazakhstan",
      "Xinjiang",
      "Osh",
      "Dushanbe",
    ]);
    for (const [, cells] of world.markets) {
      const field = routeField(world, cost, cells);
      for (const name of ["Badakhshan", "Takhar", "Kunduz"]) {
        const from = world.cellsOf[idx(name)]![0]!;
        const route = routeFrom(field, from);
        expect(route.length).toBeGreaterThan(1);
        for (let i = 1; i < route.length; i++) expect(canStep(world, route[i - 1]!, route[i]!)).toBe(true);
      }
    }
  });

  it("on carriage cost alone goes via Termez; a risk surcharge there moves Kunduz heroin across the Panj", () => {
    const russia = world.markets[0]![1];
    const kunduz = world.grid.cell(11, 26);
    const termez = world.grid.cell(3, 24);
    const panjiPoyon = world.grid.cell(11, 24);
    const cost = transportCost(world);
    // Flat Uzbek and Kazakh roads make the western corridor cheapest to drive.
    expect(Array.from(routeFrom(routeField(world, cost, russia), kunduz))).toContain(termez);
    // The fortified Termez bridge (risk learned from seizures) shifts the flow to Tajikistan.
    const risky = Float64Array.from(cost);
    risky[termez] = risky[termez]! + 5000;
    const route = Array.from(routeFrom(routeField(world, risky, russia), kunduz));
    expect(route).not.toContain(termez);
    expect(route).toContain(panjiPoyon);
  });
});
