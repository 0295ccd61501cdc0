/** The precomputed legal-move graph gives exactly the route fields of `routeField`. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { transportCost } from "../../../src/models/economy/transport.js";
import { graphField, routeGraph } from "../../../src/worlds/route-graph.js";
import { routeField } from "../../../src/worlds/routes.js";
import { arbWorld } from "./fixtures.js";

describe("graphField", () => {
  it("equals routeField on random worlds", () => {
    fc.assert(
      fc.property(arbWorld, fc.nat(), (w, k) => {
        const cost = transportCost(w);
        const src = [k % w.grid.size];
        const a = routeField(w, cost, src);
        const b = graphField(routeGraph(w), cost, src);
        expect(Array.from(b.dist)).toEqual(Array.from(a.dist));
        expect(Array.from(b.next)).toEqual(Array.from(a.next));
      }),
      { numRuns: 200 },
    );
  });
});
