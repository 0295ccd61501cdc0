/** Route fields: never breaking the border rule, equal to the engine's field without borders, moved by risk. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distanceField } from "../../../src/engine/paths/field.js";
import { moveGraph } from "../../../src/engine/paths/graph.js";
import { transportCost } from "../../../src/models/economy/transport.js";
import { parseAsciiMap } from "../../../src/worlds/ascii.js";
import { canStep, forbiddenBorderPairs } from "../../../src/worlds/build.js";
import { addSurcharge, routeField, routeFrom } from "../../../src/worlds/routes.js";
import { arbRouteCase as arbCase, closeCost as close, mustBuild, plainProvince } from "./fixtures.js";

describe("routeField", () => {
  it("never steps between two countries except through a crossing cell", () => {
    fc.assert(
      fc.property(arbCase, ({ world, surcharge, markets }) => {
        const forbidden = new Set(
          forbiddenBorderPairs(world).flatMap(([a, b]) => [`${a},${b}`, `${b},${a}`]),
        );
        const field = routeField(world, addSurcharge(transportCost(world), surcharge), markets);
        for (let c = 0; c < world.grid.size; c++) {
          const route = routeFrom(field, c);
          for (let i = 1; i < route.length; i++) {
            expect(canStep(world, route[i - 1]!, route[i]!)).toBe(true);
            expect(forbidden.has(`${route[i - 1]},${route[i]}`)).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("equals the engine's distanceField when there is no border", () => {
    fc.assert(
      fc.property(arbCase, ({ world, markets }) => {
        world.country.fill(0);
        const cost = transportCost(world);
        const mine = routeField(world, cost, markets).dist;
        const engine = distanceField(moveGraph(world.grid), cost, markets).dist;
        for (let c = 0; c < world.grid.size; c++) expect(close(mine[c]!, engine[c]!)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("re-routing under risk", () => {
  // Two countries split by a river with a crossing at each end; the market is north, the source south.
  const ascii = ["NNNNNNN", "W~~~~~E", "SSSSSSS"].join("\n");
  const res = parseAsciiMap(ascii, [
    ["N", { province: "North", blocked: false }],
    ["W", { province: "North", blocked: false, crossing: "official" }],
    ["E", { province: "North", blocked: false, crossing: "informal" }],
    ["~", { province: "River", blocked: true }],
    ["S", { province: "South", blocked: false }],
  ]);
  if (!res.ok) throw new Error("bad map");
  const world = mustBuild(res.map, [plainProvince("North", "TJ"), plainProvince("South", "AF")]);
  const market = [3]; // (3, 0)
  const source = 2 * 7 + 2; // (2, 2): nearer the west crossing

  it("takes the nearer corridor when both are equally safe", () => {
    const route = routeFrom(routeField(world, transportCost(world), market), source);
    expect(route).toContain(7); // W at (0, 1)
  });

  it("moves to the other corridor when the risk surcharge on the first rises", () => {
    const surcharge = new Float64Array(world.grid.size);
    surcharge[7] = 10_000; // seizures learned at the west crossing
    const route = routeFrom(routeField(world, addSurcharge(transportCost(world), surcharge), market), source);
    expect(route).not.toContain(7);
    expect(route).toContain(13); // E at (6, 1)
  });
});
