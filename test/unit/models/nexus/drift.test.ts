/** The crime–terror continuum: shares, sponsor funding, drift toward the revenue mix, money that does not force tax. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRngHub } from "../../../../src/engine/rng.js";
import { armedParams } from "../../../../src/models/nexus/armed/params.js";
import { driftMotives, driftTarget, type MotiveTable } from "../../../../src/models/nexus/bands/drift.js";
import { BandOutcomes } from "../../../../src/models/nexus/bands/outcomes.js";
import { bandRulesOf } from "../../../../src/models/nexus/bands/setup.js";
import { createBands, stageBand } from "../../../../src/models/nexus/bands/store.js";
import { payUpkeep } from "../../../../src/models/nexus/bands/upkeep.js";
import {
  ACT_ESCORT,
  ACT_TAX,
  CRIMINAL_POLE,
  defaultUtility,
  emptyScope,
  IDEOLOGICAL_POLE,
  motiveOfShare,
  setWeights,
  shareClass,
} from "../../../../src/models/nexus/motives.js";
import { studentTQuantile } from "../../../../src/stats/student-t.js";
import { makeNexusSim } from "./fixture.js";

const RULES = bandRulesOf(armedParams.parse({}).bandRules);

/** One band with `fighters` and no cash, and a motive table of one row at criminal share `s`. */
function oneBand(fighters: number, s: number) {
  const bands = createBands();
  stageBand(bands, {
    group: 0,
    motive: 0,
    home: 0,
    homeCountry: 0,
    cell: 0,
    fighters,
    cashUsd: 0,
    weapons: 0,
  });
  bands.flush();
  const table: MotiveTable = {
    motives: [motiveOfShare(s)],
    shares: Float64Array.from([s]),
    classOf: Uint8Array.from([shareClass(s)]),
    ideological: Float64Array.from([1 - s]),
  };
  return { bands, id: bands.order()[0]!, table };
}

describe("the continuum", () => {
  it("interpolates the poles and classes shares by thirds", () => {
    expect(motiveOfShare(0)).toEqual(IDEOLOGICAL_POLE);
    expect(motiveOfShare(1)).toEqual(CRIMINAL_POLE);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (s) => {
        const w = motiveOfShare(s);
        return w.tax >= 0 && w.stateTargets >= 0 && Math.abs(w.tax - s) < 1e-12;
      }),
    );
    expect([0, 0.3, 0.5, 0.7, 1].map(shareClass)).toEqual([0, 0, 1, 2, 2]);
  });

  it("gives a purely ideological band no money motive, even broke, and no blow-up at a tiny upkeep", () => {
    const sc = emptyScope();
    setWeights(sc, IDEOLOGICAL_POLE);
    Object.assign(sc, { fighters: 1, cash: 0, upkeep: 1e-12, taxRevenue: 1e6, escortFee: 1e6 });
    expect(defaultUtility(ACT_TAX, sc, RULES.scales)).toBe(0);
    expect(defaultUtility(ACT_ESCORT, sc, RULES.scales)).toBe(0);
    setWeights(sc, CRIMINAL_POLE);
    const u = defaultUtility(ACT_TAX, sc, RULES.scales);
    expect(Number.isFinite(u)).toBe(true);
    expect(u).toBeLessThan(50); // ln(1 + 1e6 / 100) × 2 ≈ 18: bounded by the money floor
  });
});

describe("sponsor funding", () => {
  it("keeps an ideological band paid and lets a criminal band with no income desert (20 seeds)", () => {
    let ideoLeft = 0;
    let crimLeft = 0;
    for (let seed = 1; seed <= 20; seed++) {
      for (const s of [0, 1]) {
        const { bands, id, table } = oneBand(200, s);
        const out = new BandOutcomes();
        const rng = createRngHub(seed).stream("u");
        for (let d = 0; d < 60; d++) {
          payUpkeep(bands, RULES, table.ideological, rng, out);
          bands.flush();
        }
        const left = bands.has(id) ? bands.col.fighters[id]! : 0;
        if (s === 0) ideoLeft += left;
        else crimLeft += left;
      }
    }
    expect(ideoLeft).toBe(20 * 200); // funding equals the wage: nobody deserts
    expect(crimLeft).toBeLessThan(20 * 200 * 0.2);
  });
});

describe("drift", () => {
  it("moves a band toward the drug share of its income, stays in [0, 1], and does nothing at drift 0", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (s, drug, fund, rate) => {
          const { bands, id, table } = oneBand(10, s);
          bands.col.drugUsd[id] = drug;
          bands.col.fundUsd[id] = fund;
          driftMotives(bands, table, rate, 90);
          const next = table.shares[0]!;
          if (next < 0 || next > 1) return false;
          if (drug + fund <= 0 || rate === 0) return next === s;
          const target = drug / (drug + fund);
          return Math.abs(next - target) <= Math.abs(s - target) + 1e-12;
        },
      ),
    );
  });

  it("turns a sponsor-funded band that lives on tax criminal over a year", () => {
    const { bands, id, table } = oneBand(100, 0);
    for (let d = 0; d < 360; d++) {
      bands.col.drugUsd[id] = bands.col.drugUsd[id]! + 1000;
      driftMotives(bands, table, 0.02, 90);
    }
    expect(table.shares[0]).toBeGreaterThan(0.9);
    expect(table.classOf[0]).toBe(2);
    expect(table.ideological[0]).toBeLessThan(0.1);
  });
});

describe("drift under pressure", () => {
  it("pulls the target toward crime with losses and toward ideology with misattributed crackdowns", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (x, lost, repressed) => {
          const t = driftTarget(x, lost, 100, repressed, 20, 0.25);
          const noRepression = driftTarget(x, lost, 100, 0, 20, 0.25);
          return t >= 0 && t <= 1 && noRepression >= x - 1e-12 && t <= noRepression + 1e-12;
        },
      ),
    );
    expect(driftTarget(0, 0, 100, 0, 20, 0.25)).toBe(0);
    expect(driftTarget(1, 0, 100, 0, 20, 0.25)).toBe(1);
    expect(driftTarget(0, 5, 100, 0, 20, 0.25)).toBe(1);
    expect(driftTarget(1, 0, 100, 2, 20, 0.25)).toBe(0.5);
  });

  /**
   * Mean criminal share after 180 corridor days of three bands at share `s`, drift `drift`, bias
   * `bias`, their sponsors paying a third of the wage (so unpaid fighters desert: losses).
   */
  function pressured(s: number, drift: number, bias: number, seed: number) {
    const bands = ["Takhar", "Kunduz", "Badakhshan"].map((home) => ({
      group: "other",
      home,
      motive: s,
      fighters: 300,
    }));
    const sim = makeNexusSim(
      { bands, threat: { drift }, attribution: { bias }, bandRules: { sponsorUsdPerFighterDay: 1.1 } },
      seed,
    );
    sim.sim.run(180);
    const shares = sim.armed.motives.shares;
    return shares.reduce((a, x) => a + x, 0) / shares.length;
  }

  /** Mean and 95 % t interval of paired differences. */
  function paired(a: number[], b: number[]) {
    const d = a.map((x, i) => x - b[i]!);
    const m = d.reduce((s, x) => s + x, 0) / d.length;
    const sd = Math.sqrt(d.reduce((s, x) => s + (x - m) ** 2, 0) / (d.length - 1));
    const h = (studentTQuantile(0.975, d.length - 1) * sd) / Math.sqrt(d.length);
    return { lo: m - h, hi: m + h };
  }

  const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
  it("moves purely ideological bands that lose fighters toward crime (20 seeds, corridor, 180 days)", () => {
    const on = SEEDS.map((seed) => pressured(0, 0.02, 0.6, seed));
    const off = SEEDS.map((seed) => pressured(0, 0, 0.6, seed));
    expect(off.every((x) => x === 0)).toBe(true);
    expect(paired(on, off).lo).toBeGreaterThan(0);
  });
  it("moves purely criminal bands the state cracks down on as terrorists toward ideology (20 seeds)", () => {
    const on = SEEDS.map((seed) => pressured(1, 0.02, 1, seed));
    const off = SEEDS.map((seed) => pressured(1, 0, 1, seed));
    expect(off.every((x) => x === 1)).toBe(true);
    expect(paired(on, off).hi).toBeLessThan(0);
  });
});
