import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  LEGITIMACY_DEFAULTS,
  type LegitimacyDrivers,
  legitimacyParams,
  nextLegitimacy,
} from "../../../../src/models/population/legitimacy.js";

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const driversArb: fc.Arbitrary<LegitimacyDrivers> = fc.record({
  repressed: fc.double({ min: 0, max: 0.2, noNaN: true }),
  misattributed: fc.integer({ min: 0, max: 50 }),
  corruption: unit,
  capacity: unit,
  baseline: unit,
});
const paramsArb = fc.record({
  repressionRate: fc.double({ min: 0.01, max: 100, noNaN: true }),
  misattributionRate: fc.double({ min: 0.001, max: 1, noNaN: true }),
  corruptionRate: fc.double({ min: 0.0001, max: 0.1, noNaN: true }),
  recoveryRate: fc.double({ min: 0, max: 2, noNaN: true }),
});

describe("legitimacy rule", () => {
  it("stays in [0, 1] for any inputs, even out of range or NaN (property)", () => {
    const anyNumber = fc.oneof(fc.double(), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY));
    fc.assert(
      fc.property(
        anyNumber,
        fc.record({
          repressed: anyNumber,
          misattributed: anyNumber,
          corruption: anyNumber,
          capacity: anyNumber,
          baseline: anyNumber,
        }),
        paramsArb,
        (L, d, p) => {
          const out = nextLegitimacy(L, d, p);
          expect(out).toBeGreaterThanOrEqual(0);
          expect(out).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it("falls with repression, with misattributed crackdowns and with corruption (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        driversArb,
        paramsArb,
        fc.constantFrom("repressed", "misattributed", "corruption") as fc.Arbitrary<
          "repressed" | "misattributed" | "corruption"
        >,
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        (L, d, p, key, extra) => {
          fc.pre(p.recoveryRate * d.capacity < 5); // recovery must not wipe out the difference entirely
          const more = { ...d, [key]: key === "corruption" ? Math.min(1, d[key] + extra) : d[key] + extra };
          fc.pre(more[key] - d[key] > 0.005);
          expect(nextLegitimacy(L, more, p)).toBeLessThan(nextLegitimacy(L, d, p));
        },
      ),
    );
  });

  it("recovers toward the baseline, faster with more state capacity (property)", () => {
    fc.assert(
      fc.property(
        unit,
        unit,
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.double({ min: 0.02, max: 0.1, noNaN: true }),
        paramsArb.map((p) => ({ ...p, recoveryRate: Math.max(p.recoveryRate, 0.01) })),
        (L, baseline, lo, gap, p) => {
          fc.pre(Math.abs(L - baseline) > 0.01);
          const calm = { repressed: 0, misattributed: 0, corruption: 0, baseline };
          const slow = nextLegitimacy(L, { ...calm, capacity: lo }, p);
          const fast = nextLegitimacy(L, { ...calm, capacity: lo + gap }, p);
          // Never overshoots: stays between L and the baseline.
          for (const v of [slow, fast]) {
            expect(v).toBeGreaterThanOrEqual(Math.min(L, baseline) - 1e-12);
            expect(v).toBeLessThanOrEqual(Math.max(L, baseline) + 1e-12);
          }
          expect(Math.abs(fast - baseline)).toBeLessThan(Math.abs(slow - baseline));
        },
      ),
    );
  });

  it("holds still with no drivers and no capacity, and relaxes to the baseline over time", () => {
    const calm = { repressed: 0, misattributed: 0, corruption: 0, capacity: 0, baseline: 0.8 };
    expect(nextLegitimacy(0.4, calm)).toBe(0.4);
    let L = 0.2;
    for (let day = 0; day < 5000; day++) L = nextLegitimacy(L, { ...calm, capacity: 0.5 });
    expect(L).toBeCloseTo(0.8, 6);
  });

  it("settles below the baseline under steady corruption, lower with more corruption", () => {
    const settle = (corruption: number) => {
      let L = 0.8;
      for (let day = 0; day < 5000; day++)
        L = nextLegitimacy(L, { repressed: 0, misattributed: 0, corruption, capacity: 0.3, baseline: 0.8 });
      return L;
    };
    expect(settle(0.3)).toBeLessThan(0.8);
    expect(settle(0.9)).toBeLessThan(settle(0.3));
  });

  it("has documented defaults and refuses negative rates", () => {
    expect(legitimacyParams.parse({})).toEqual(LEGITIMACY_DEFAULTS);
    expect(legitimacyParams.safeParse({ repressionRate: -1 }).success).toBe(false);
    expect(legitimacyParams.safeParse({ rate: 1 }).success).toBe(false);
  });
});
