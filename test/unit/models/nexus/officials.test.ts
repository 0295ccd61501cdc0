/**
 * The state as an actor: protection fees, the shield, the purge rule and its split, and the three
 * switches' mechanisms in the full nexus model on the corridor world (20 seeds per arm, Welch 95 %
 * intervals on the difference of means).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRngHub } from "../../../../src/engine/rng.js";
import { OfficialsOutcomes } from "../../../../src/models/nexus/officials/fights.js";
import { officialsParams } from "../../../../src/models/nexus/officials/params.js";
import { protectionFee, shieldGain } from "../../../../src/models/nexus/officials/protection.js";
import { purgeChance, splitPurgeDeaths, visible } from "../../../../src/models/nexus/officials/purge.js";
import { setupStrongmen } from "../../../../src/models/nexus/officials/strongmen.js";
import { nexusOutcomes } from "../../../../src/models/nexus/outcomes.js";
import { applySwitches, nexusModelParams } from "../../../../src/models/nexus/params.js";
import { nexusRun } from "../../../../src/models/nexus/schedule.js";
import { corridorWorld } from "../../../../src/worlds/corridor.js";

const world = corridorWorld();
const P = officialsParams.parse({});

function strongmen() {
  const r = setupStrongmen(world, P);
  if (!r.ok) throw new Error("corridor strongmen");
  return r.strongmen;
}

const gbao = world.provinces.findIndex((q) => q.name === "GBAO");
const gbaoCell = world.cellsOf[gbao]![0]!;

describe("strongmen and protection", () => {
  it("reports a turf the world lacks, located", () => {
    const r = setupStrongmen(
      world,
      officialsParams.parse({ strongmen: [{ name: "x", province: "Nowhere", men: 5 }] }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.path).toBe("officials.strongmen[0].province");
  });

  it("takes fee × kg on a turf cell, never more than the organisation has, and nothing elsewhere or when purged", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        (kg, capital) => {
          const s = strongmen();
          const out = new OfficialsOutcomes();
          const usd = protectionFee(s, gbaoCell, 0, kg, capital, 25, out);
          return (
            usd >= 0 && usd <= capital + 1e-9 && usd <= 25 * kg + 1e-9 && s.cash[s.turfOf[gbaoCell]!] === usd
          );
        },
      ),
    );
    const s = strongmen();
    const out = new OfficialsOutcomes();
    const off = world.cellsOf[world.provinces.findIndex((q) => q.name === "Kazakhstan")]![0]!;
    expect(protectionFee(s, off, 0, 10, 1e6, 25, out)).toBe(0);
    s.disruptedUntil[s.turfOf[gbaoCell]!] = 100;
    expect(protectionFee(s, gbaoCell, 50, 10, 1e6, 25, out)).toBe(0);
    expect(protectionFee(s, gbaoCell, 101, 10, 1e6, 25, out)).toBe(250);
  });

  it("cuts detection by the shield on active turf cells only", () => {
    const s = strongmen();
    const base = new Float64Array(world.grid.size).fill(2);
    const gain = new Float64Array(world.grid.size);
    shieldGain(s, base, 0.7, 0, gain);
    for (let c = 0; c < gain.length; c++) expect(gain[c]).toBeCloseTo(s.turfOf[c]! >= 0 ? 0.6 : 2, 12);
  });
});

describe("the purge rule", () => {
  it("sees a strongman by his revenue or a recent clash, and purges with the yearly hazard", () => {
    const s = strongmen();
    const p = P.purge;
    expect(visible(s, 0, 10, p)).toBe(false);
    s.revenuePerDay[0] = p.revenueThresholdUsd / 365;
    s.revenueWeight[0] = 1; // a full year's memory
    expect(visible(s, 0, 10, p)).toBe(true);
    s.revenuePerDay[0] = 0;
    s.lastClash[0] = 10;
    expect(visible(s, 0, 10 + p.visibleDays, p)).toBe(true);
    expect(visible(s, 0, 11 + p.visibleDays, p)).toBe(false);
    expect(1 - (1 - purgeChance(0.15)) ** 365).toBeCloseTo(1 - Math.exp(-0.15), 12);
  });

  it("reads a turf's revenue as the mean over the days it has seen, not as a year's memory filling from 0", () => {
    const s = strongmen();
    const k = Math.exp(-1 / P.protection.revenueMemoryDays);
    // 30 days of 5 000 USD a day: 1.8 M a year, past the 1 M threshold from the first day on.
    for (let day = 0; day < 30; day++) {
      s.revenuePerDay[0] = s.revenuePerDay[0]! * k + 5_000 * (1 - k);
      s.revenueWeight[0] = s.revenueWeight[0]! * k + (1 - k);
      expect(s.revenuePerYear(0)).toBeCloseTo(5_000 * 365, 6);
      expect(visible(s, 0, day, P.purge)).toBe(true);
    }
    // The raw decayed sum would read 8 % of that after 30 days, and the centre would see nothing.
    expect(365 * s.revenuePerDay[0]!).toBeLessThan(0.1 * 5_000 * 365);
    expect(s.revenuePerYear(1)).toBe(0); // nothing seen yet
  });

  it("splits a purge's deaths into state, civilians and his men that add up", () => {
    const rng = createRngHub(7).stream("t");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), (d) => {
        const x = splitPurgeDeaths(d, P.purge, rng);
        return x.state >= 0 && x.civilians >= 0 && x.men >= 0 && x.state + x.civilians + x.men === d;
      }),
    );
  });
});

/** Outcomes of `seeds` corridor runs of `days` with `officials` overrides. */
function arm(officials: object, days = 180, seeds = 20) {
  return Array.from({ length: seeds }, (_, i) => {
    const p = applySwitches(nexusModelParams.parse({ officials }));
    const { nexus: n, simulation } = nexusRun(p, i + 1);
    simulation.run(days);
    return nexusOutcomes(n, days);
  });
}

/** Mean of a − b for outcome k and the half-width of its 95 % interval (Welch, t ≈ 2.03). */
function diff(a: Record<string, number>[], b: Record<string, number>[], k: string) {
  const m = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const s2 = (v: number[]) => v.reduce((s, x) => s + (x - m(v)) ** 2, 0) / (v.length - 1);
  const xs = a.map((o) => o[k]!);
  const ys = b.map((o) => o[k]!);
  return { d: m(xs) - m(ys), hw: 2.03 * Math.sqrt(s2(xs) / xs.length + s2(ys) / ys.length) };
}

describe("the switches' mechanisms in the full model (corridor, 20 seeds per arm, 180 days)", () => {
  const noPurge = { purge: { enabled: false }, traffickerFights: { chance: 0 } };
  const on = arm(noPurge);
  const off = arm({ ...noPurge, protection: { enabled: false } });

  it("protection: strongmen take fees and fewer kg are seized on their turf", () => {
    const fees = diff(on, off, "protection_fees_usd");
    expect(fees.d - fees.hw).toBeGreaterThan(0);
    expect(off.every((o) => o.protection_fees_usd === 0)).toBe(true);
    const seized = diff(on, off, "province.GBAO.seized_kg");
    expect(seized.d + seized.hw).toBeLessThan(0);
  });

  it("purges: operations that kill, leave the turf unprotected for a while and cost the province legitimacy", () => {
    const purging = arm({ ...noPurge, purge: { hazardPerYear: 5 } });
    const deaths = diff(purging, on, "purge_deaths");
    expect(deaths.d - deaths.hw).toBeGreaterThan(0);
    const fees = diff(purging, on, "protection_fees_usd");
    expect(fees.d + fees.hw).toBeLessThan(0);
    const legitimacy = diff(purging, on, "province.GBAO.legitimacy");
    expect(legitimacy.d + legitimacy.hw).toBeLessThan(0);
    expect(on.every((o) => o.purges === 0)).toBe(true);
  });

  it("trafficker fights: refused stops turn into shoot-outs that count as violent events", () => {
    const fighting = arm({ ...noPurge, traffickerFights: { chance: 0.2 } });
    const clashes = diff(fighting, on, "trafficker_clashes");
    expect(clashes.d - clashes.hw).toBeGreaterThan(0);
    const events = diff(fighting, on, "violent_events");
    expect(events.d - events.hw).toBeGreaterThan(0);
  });
});
