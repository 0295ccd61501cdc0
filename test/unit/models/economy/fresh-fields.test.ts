/**
 * What re-plans share: a kept field equals a fresh search bit for bit and is handed out again for
 * the same search only; the prior risk layer equals the per-cell expression with counts of 0; and
 * decaying only the cells an organisation has passed leaves every count as a full decay would.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { freshField, launchGuide, PriorRisk } from "../../../../src/models/economy/fresh-fields.js";
import { Organisations } from "../../../../src/models/economy/organisations.js";
import { transportCost, transportSpeed } from "../../../../src/models/economy/transport.js";
import { graphField, routeGraph } from "../../../../src/worlds/route-graph.js";
import { arbWorld } from "../../worlds/fixtures.js";

describe("freshField", () => {
  it("equals the search it stands for, and is shared only by the same search", () => {
    fc.assert(
      fc.property(arbWorld, fc.nat(), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (w, k, picks) => {
        const gr = routeGraph(w);
        const cost = transportCost(w);
        const src = Int32Array.of(k % w.grid.size);
        const any = Int32Array.from(picks, (p) => p % w.grid.size);
        const stop = () => ({ cells: new Int32Array(0), n: 0, any, mark: new Uint8Array(w.grid.size) });
        const direct = graphField(gr, cost, src, undefined, stop());
        const kept = freshField(gr, cost, src, stop());
        expect(kept.dist).toEqual(direct.dist);
        expect(kept.next).toEqual(direct.next);
        expect(kept.end).toEqual(direct.end);
        expect(freshField(gr, cost.slice(), src.slice(), stop())).toBe(kept);
        const other = cost.slice();
        other[0] = cost[0] === 1 ? 2 : 1; // one cell's cost differs: another search
        expect(freshField(gr, other, src, stop())).not.toBe(kept);
      }),
      { numRuns: 60 },
    );
  });
});

describe("PriorRisk", () => {
  it("is the re-plan's per-cell risk with counts of 0", () => {
    fc.assert(
      fc.property(arbWorld, fc.double({ min: 0.1, max: 50, noNaN: true }), (w, weight) => {
        const speed = transportSpeed(w);
        const priorSeize = Float64Array.from(speed, (_, c) => (c % 7) / 13);
        const priorBribe = Float64Array.from(speed, (_, c) => (c % 5) / 11);
        const x = { speed, priorSeize, priorBribe, weight, bribeShare: 0.3, holdingPerDay: 0.01 };
        const layer = new PriorRisk().layer(x);
        const orgs = new Organisations(
          [{ capitalUsd: 1, riskTolerance: 0.1, lotKg: 1, home: 0 }],
          speed.length,
        );
        for (let c = 0; c < speed.length; c++) {
          const expected =
            orgs.risk(0, c, priorSeize, weight) +
            0.3 * orgs.bribeRate(0, c, priorBribe, weight) +
            (speed[c]! > 0 ? 0.01 / speed[c]! : 0);
          expect(Object.is(layer[c], expected)).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe("Organisations.decay", () => {
  it("leaves every count as multiplying all of them would", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(2), fc.nat(49), fc.boolean()), { maxLength: 80 }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (passes, factor) => {
          const org = { capitalUsd: 1, riskTolerance: 0.1, lotKg: 1, home: 0 };
          const orgs = new Organisations([org, org, org], 50);
          const full = { p: new Float64Array(150), s: new Float64Array(150) };
          for (const [o, c, seized] of passes) {
            const k = orgs.pass(o, c);
            full.p[k]! += 1;
            if (seized) {
              orgs.seizures[k]! += 1;
              full.s[k]! += 1;
            }
            orgs.decay(factor);
            for (let i = 0; i < 150; i++) {
              full.p[i]! *= factor;
              full.s[i]! *= factor;
            }
          }
          expect(orgs.passages).toEqual(full.p);
          expect(orgs.seizures).toEqual(full.s);
        },
      ),
    );
  });
});

describe("launchGuide", () => {
  it("is the carriage-only field to the launch cells, kept while carriage is unchanged to the bit", () => {
    fc.assert(
      fc.property(arbWorld, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (w, picks) => {
        const gr = routeGraph(w);
        const carriage = transportCost(w);
        const launch = Int32Array.from(picks, (p) => p % w.grid.size);
        const guide = launchGuide(gr, carriage, launch);
        expect(guide).toEqual(graphField(gr, carriage, launch).dist);
        expect(launchGuide(gr, carriage.slice(), launch.slice())).toBe(guide);
        const other = carriage.slice();
        other[0] = carriage[0] === 1 ? 2 : 1; // one cell's carriage differs: a new guide
        expect(launchGuide(gr, other, launch)).not.toBe(guide);
      }),
      { numRuns: 60 },
    );
  });
});
