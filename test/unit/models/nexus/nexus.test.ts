/**
 * The registered nexus model (economy + armed side + people): invariants after every tick over
 * random parameters, and the legitimacy → actives direction over 20 seeds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { POSTURE_DRILL } from "../../../../src/models/nexus/alliance/forces.js";
import { nexusOutcomes } from "../../../../src/models/nexus/outcomes.js";
import { applySwitches, nexusModelParams } from "../../../../src/models/nexus/params.js";
import { nexusRun } from "../../../../src/models/nexus/schedule.js";
import { canStep } from "../../../../src/worlds/build.js";
import { arbRaw } from "./arbitraries.js";

const arbNexus = fc.record({
  armed: arbRaw,
  criminalShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  drift: fc.constantFrom(0, 0.05),
  posture: fc.constantFrom("per-force", "incursion-drill", "route-control"),
  tax: fc.integer({ min: 0, max: 2000 }),
});

describe("nexus invariants after every tick (random parameters, 45 days)", () => {
  it("no negative fighters, cash, troops, capital or stock; bands cross only at crossings; the alliance deploys only where allowed; heroin mass balances", () => {
    fc.assert(
      fc.property(arbNexus, fc.nat(), (r, seed) => {
        const p = nexusModelParams.parse({
          ...r.armed,
          threat: { criminalShare: r.criminalShare, drift: r.drift },
          posture: r.posture,
          bandRules: { taxUsdPerKg: r.tax },
        });
        const { nexus: n, simulation: sim } = nexusRun(applySwitches(p), seed);
        const a = n.armed;
        const w = n.world;
        for (let day = 0; day < 45; day++) {
          sim.step();
          for (const id of a.bands.order()) {
            expect(a.bands.col.fighters[id]).toBeGreaterThan(0);
            expect(a.bands.col.cash[id]).toBeGreaterThanOrEqual(0);
          }
          for (let i = 0; i < a.st.log.length; i++)
            expect(canStep(w, a.st.log.from[i]!, a.st.log.to[i]!)).toBe(true);
          for (const id of a.contingents.order()) {
            const ct = a.contingents.col;
            expect(ct.troops[id]).toBeGreaterThanOrEqual(0);
            if (ct.cell[id]! < 0) continue;
            const f = a.forces[ct.force[id]!]!;
            const k = w.country[ct.cell[id]!]!;
            const table = ct.posture[id] === POSTURE_DRILL ? a.alliance.allowed : a.alliance.allowedRoute;
            expect(f.member[k] === 1 && table[ct.force[id]! * w.countries.length + k] === 1).toBe(true);
          }
          for (const cap of n.economy.orgs.capital) expect(cap).toBeGreaterThanOrEqual(0);
          for (const kg of n.economy.ledger.stock) expect(kg).toBeGreaterThanOrEqual(-1e-9);
          expect(Math.abs(n.economy.residual())).toBeLessThan(1e-6 * Math.max(1, n.economy.ledger.produced));
        }
      }),
      { numRuns: 8 },
    );
  });
});

describe("legitimacy and actives (20 seeds each)", () => {
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const actives = (legitimacyShift: number) =>
    Array.from({ length: 20 }, (_, i) => {
      const p = nexusModelParams.parse({});
      const { nexus: n, simulation } = nexusRun(p, i + 1);
      // Shift every province's legitimacy (and its baseline) before day 1, then run a month.
      for (let q = 0; q < n.people.legitimacy.length; q++)
        n.people.legitimacy[q] = Math.min(1, Math.max(0, n.people.legitimacy[q]! + legitimacyShift));
      n.people.rebase();
      simulation.run(30);
      return n.people.pop.activeCount;
    });

  it("lower legitimacy ⇒ more active citizens", () => {
    const low = mean(actives(-0.15));
    const high = mean(actives(0.15));
    expect(low).toBeGreaterThan(high);
  });
});

describe("attribution in the full model (20 seeds each, 120 days)", () => {
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const runs = (attribution: { bias?: number; stateSkill?: number }) =>
    Array.from({ length: 20 }, (_, i) => {
      const { nexus: n, simulation } = nexusRun(
        applySwitches(nexusModelParams.parse({ attribution })),
        i + 1,
      );
      simulation.run(120);
      return n.armed.attribution;
    });

  it("higher state classification skill ⇒ less misattribution", () => {
    const low = mean(runs({ stateSkill: 0.2 }).map((a) => a.misattributionRate()));
    const high = mean(runs({ stateSkill: 0.9 }).map((a) => a.misattributionRate()));
    expect(high).toBeLessThan(low);
  });

  it("higher political bias ⇒ a higher share of events called terrorism, above the true share", () => {
    const none = runs({ bias: 0 });
    const full = runs({ bias: 1 });
    const attributed = (xs: typeof none) => mean(xs.map((a) => a.attributedTerrorShare()));
    expect(attributed(full)).toBeGreaterThan(attributed(none));
    expect(attributed(full)).toBeGreaterThan(mean(full.map((a) => a.trueTerrorShare())));
  });
});

describe("patterns that tell the motive hypotheses apart (40 seeds each, 180 days)", () => {
  // Under route-control: the drill's screens turn columns back, so under the drill the size of the
  // crossings that get through says as much about the screens as about the motive. 40 seeds: in
  // 180 days most runs see no crossing at all (a column needs a year's campaign), so 20 seeds left
  // the crossing-size interval wider than the difference (−121 ± 146 fighters at 20 seeds after
  // the drill's reserves and the economy's fit landed; −213 ± 125 at 40).
  // The motive poles alone, without the state as an actor: with the corridor's GBAO strongman the
  // criminal militia of GBAO, richer on the protected flow or driven off his turf, crosses in force
  // to hold crossings in about 3 seeds of 20, as large as ideological columns (docs/model.md,
  // "Officials, purges and trafficker fights").
  const officials = { protection: { enabled: false }, traffickerFights: { chance: 0 } };
  const outcomes = (criminalShare: number) =>
    Array.from({ length: 40 }, (_, i) => {
      // No invitations beyond the standing ones: the SCO, invited into Tajikistan against the
      // massed bands, reroutes the criminal GBAO militia through Kyrgyzstan in one seed (14),
      // which counts as a crossing and confounds the bands' own pattern (consent.test.ts covers it).
      const alliance = { consent: { decisionDays: 100_000, massPer100: 0 } };
      const raw = { threat: { criminalShare }, posture: "route-control", officials, alliance };
      const p = applySwitches(nexusModelParams.parse(raw));
      const { nexus: n, simulation } = nexusRun(p, i + 1);
      simulation.run(180);
      return nexusOutcomes(n, 180);
    });
  const crim = outcomes(1);
  const ideo = outcomes(0);
  /** Mean of criminal − ideological for `k` and the half-width of its 95 % interval (Welch, t ≈ 1.99). */
  const diff = (k: string) => {
    const xs = crim.map((o) => o[k]!);
    const ys = ideo.map((o) => o[k]!);
    const m = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const s2 = (v: number[]) => v.reduce((s, x) => s + (x - m(v)) ** 2, 0) / (v.length - 1);
    return { d: m(xs) - m(ys), hw: 1.99 * Math.sqrt(s2(xs) / xs.length + s2(ys) / ys.length) };
  };

  it("only criminal bands take escort contracts; ideological bands make the larger crossings", () => {
    expect(ideo.every((o) => o.escort_contracts === 0)).toBe(true);
    expect(diff("escort_contracts").d - diff("escort_contracts").hw).toBeGreaterThan(0);
    const { d, hw } = diff("largest_crossing_fighters");
    expect(d + hw).toBeLessThan(0);
  });

  it("burstiness of violence stays in [−1, 1]", () => {
    for (const o of [...crim, ...ideo]) expect(Math.abs(o.violence_burstiness!)).toBeLessThanOrEqual(1);
  });
});
