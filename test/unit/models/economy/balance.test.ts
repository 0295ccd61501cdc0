/** Mass balance every tick over random small economies: produced = stocks + in transit + delivered + seized. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { economyParams, PRODUCERS } from "../../../../src/models/economy/params.js";
import { economyRun } from "../../../../src/models/economy/schedule.js";

const arbParams = fc.record({
  orgs: fc.array(
    fc.record({
      home: fc.constantFrom(...PRODUCERS),
      capitalUsd: fc.double({ min: 0, max: 5e6, noNaN: true }),
      riskTolerance: fc.double({ min: 0, max: 1, noNaN: true }),
      lotKg: fc.double({ min: 1, max: 200, noNaN: true }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  units: fc.integer({ min: 0, max: 30 }),
  corruption: fc.double({ min: 0, max: 1, noNaN: true }),
  closed: fc.subarray(["1", "2", "3", "4", "0", "+"]),
  closeDay: fc.integer({ min: 0, max: 20 }),
  seed: fc.nat(1000),
});

describe("economy mass balance", () => {
  it("holds after every tick, with no negative stock, capital or price", () => {
    fc.assert(
      fc.property(arbParams, (a) => {
        const p = economyParams.parse({
          organisations: a.orgs.map((o, i) => ({ name: `o${i}`, ...o })),
          security: { TJ: { units: a.units, corruption: a.corruption }, KG: { units: a.units } },
          closedCrossings: a.closed.map((crossing) => ({ crossing, fromDay: a.closeDay })),
        });
        const { economy: e, simulation } = economyRun(p, a.seed);
        for (let t = 0; t < 30; t++) {
          simulation.step();
          const l = e.ledger;
          expect(Math.abs(e.residual())).toBeLessThan(1e-6 * Math.max(1, l.produced));
          for (const s of l.stock) expect(s).toBeGreaterThanOrEqual(-1e-9);
          for (const c of e.orgs.capital) expect(c).toBeGreaterThanOrEqual(0);
          for (const m of e.markets) expect(m.price).toBeGreaterThan(0);
        }
      }),
      { numRuns: 25 },
    );
  });

  it("reports the residual and per-market flows in the run result", async () => {
    const { economyModel } = await import("../../../../src/models/economy/model.js");
    const run = economyModel.setup(economyParams.parse({}), { seed: 3, ticks: 40 });
    run.simulation.run(40);
    const r = run.result();
    expect(Math.abs(r.outcomes.mass_balance_residual_kg!)).toBeLessThan(1e-6);
    for (const k of ["delivered_kg.Russia", "price.Russia", "seized_kg.border", "bribes_usd", "profit_usd"]) {
      expect(r.outcomes[k], k).toBeTypeOf("number");
    }
    expect(r.series.produced_kg).toHaveLength(40);
    expect(r.series.mass_balance_residual_kg!.every((x) => Math.abs(x) < 1e-6)).toBe(true);
  });
});
