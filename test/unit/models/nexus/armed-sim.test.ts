/**
 * The armed side on the corridor world, stepped by the nexus schedule (fixture.ts): invariants
 * after every tick over random parameters, and the motive mechanisms over 20 seeds (directions of
 * means only).
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { POSTURE_DRILL } from "../../../../src/models/nexus/alliance/forces.js";
import { ACT_CROSS, ACT_ESCORT, ACT_TAX, ACTIONS } from "../../../../src/models/nexus/motives.js";
import { canStep } from "../../../../src/worlds/build.js";
import { arbRaw } from "./arbitraries.js";
import { makeNexusSim } from "./fixture.js";

describe("invariants after every tick (random parameters, 40 days)", () => {
  it("no negative fighters, cash, weapons or troops; bands cross only at crossings; the alliance deploys only where allowed and within budget", () => {
    fc.assert(
      fc.property(arbRaw, fc.nat(), (raw, seed) => {
        const s = makeNexusSim(raw, seed);
        const { world, bands, contingents: ct, forces } = s;
        for (let day = 0; day < 40; day++) {
          s.sim.step();
          for (const id of bands.order()) {
            const b = bands.col;
            expect(b.fighters[id]).toBeGreaterThan(0);
            expect(b.cash[id]).toBeGreaterThanOrEqual(0);
            expect(b.weapons[id]).toBeGreaterThanOrEqual(0);
            expect(world.blocked[b.cell[id]!]).toBe(0);
          }
          for (let i = 0; i < s.st.log.length; i++)
            expect(canStep(world, s.st.log.from[i]!, s.st.log.to[i]!)).toBe(true);
          for (const id of ct.order()) {
            expect(ct.col.troops[id]).toBeGreaterThanOrEqual(0);
            const c = ct.col.cell[id]!;
            if (c < 0) continue;
            const f = forces[ct.col.force[id]!]!;
            const k = world.country[c]!;
            const table = ct.col.posture[id] === POSTURE_DRILL ? s.alliance.allowed : s.alliance.allowedRoute;
            expect(f.member[k] === 1 && table[ct.col.force[id]! * world.countries.length + k] === 1).toBe(
              true,
            );
          }
          forces.forEach((f, fi) => {
            expect(s.alliance.spent[fi]).toBeLessThanOrEqual(f.budget + 1e-6);
          });
          for (const cap of s.orgCapital) expect(cap).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 12 },
    );
  });
});

/** Three 300-fighter bands in the producing provinces, all with one motive, run for 180 days. */
function motiveRun(motive: string, seed: number) {
  const bands = ["Takhar", "Kunduz", "Badakhshan"].map((home) => ({
    group: "other",
    home,
    motive,
    fighters: 300,
  }));
  const s = makeNexusSim({ bands }, seed);
  s.sim.run(180);
  const o = s.st.out;
  const cls = motive === "ideological" ? 0 : motive === "mixed" ? 1 : 2;
  const choices = (a: number) => o.choices[cls * ACTIONS.length + a]!;
  return {
    incursions: o.incursions[cls]!,
    cross: choices(ACT_CROSS),
    profit: choices(ACT_TAX) + choices(ACT_ESCORT),
    revenue: o.taxUsd + o.escortUsd,
  };
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

describe("motives (20 seeds each)", () => {
  let ideo: ReturnType<typeof motiveRun>[] = [];
  let crim: ReturnType<typeof motiveRun>[] = [];
  beforeAll(() => {
    ideo = SEEDS.map((s) => motiveRun("ideological", s));
    crim = SEEDS.map((s) => motiveRun("criminal", s));
  });

  it("ideological bands attempt more border crossings than criminal ones", () => {
    expect(mean(ideo.map((r) => r.cross))).toBeGreaterThan(mean(crim.map((r) => r.cross)));
    expect(mean(ideo.map((r) => r.incursions))).toBeGreaterThan(mean(crim.map((r) => r.incursions)));
  });

  it("criminal bands choose taxing and escorting more often, and earn more from them", () => {
    expect(mean(crim.map((r) => r.profit))).toBeGreaterThan(mean(ideo.map((r) => r.profit)));
    expect(mean(crim.map((r) => r.revenue))).toBeGreaterThan(mean(ideo.map((r) => r.revenue)));
  });
});
