/** Motive models: presets and their classes, documented utilities, the softmax choice. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRngHub } from "../../../../src/engine/rng.js";
import {
  ACT_ATTACK,
  ACT_CROSS,
  ACT_ESCORT,
  ACT_HIDE,
  ACT_RECRUIT,
  ACT_TAX,
  ACTIONS,
  defaultUtility,
  emptyScope,
  ideologicalShare,
  MOTIVE_CLASSES,
  MOTIVE_PRESETS,
  moneyNeed,
  motiveClass,
  softmaxPick,
  UTILITY_INPUTS,
  type UtilityScales,
} from "../../../../src/models/nexus/motives.js";

const SCALES: UtilityScales = {
  ideologyScale: 3,
  distanceCost: 0.05,
  riskCost: 2,
  foreignPenalty: 1.5,
  recruitWeight: 1,
  hideWeight: 1,
  reserveDays: 30,
  needWeight: 1,
  moneyFloorUsd: 100,
};

/** A scope for a 300-fighter band with a month of cash and some of everything on offer. */
function scope() {
  const s = emptyScope();
  Object.assign(s, {
    fighters: 300,
    cash: 45_000,
    upkeep: 1500,
    taxRevenue: 16_000,
    taxDistance: 3,
    escortFee: 8_000,
    escortDistance: 2,
    targetValue: 0.5,
    targetDistance: 4,
    crossValue: 1,
    crossDistance: 8,
    expectedRecruits: 5,
    cover: 0.8,
    threat: 0.2,
  });
  return s;
}

describe("motive presets", () => {
  it("classify as their names say", () => {
    expect(MOTIVE_CLASSES[motiveClass(MOTIVE_PRESETS.ideological)]).toBe("ideological");
    expect(MOTIVE_CLASSES[motiveClass(MOTIVE_PRESETS.criminal)]).toBe("criminal");
    expect(MOTIVE_CLASSES[motiveClass(MOTIVE_PRESETS.mixed)]).toBe("mixed");
    expect(ideologicalShare(MOTIVE_PRESETS.ideological)).toBeGreaterThan(
      ideologicalShare(MOTIVE_PRESETS.mixed),
    );
    expect(ideologicalShare(MOTIVE_PRESETS.mixed)).toBeGreaterThan(ideologicalShare(MOTIVE_PRESETS.criminal));
  });

  it("give criminal bands the highest utility from taxing and ideological ones from crossing", () => {
    const util = (p: keyof typeof MOTIVE_PRESETS, a: number) => {
      const s = scope();
      const w = MOTIVE_PRESETS[p];
      Object.assign(s, {
        wStateTargets: w.stateTargets,
        wCrossBorder: w.crossBorder,
        wTax: w.tax,
        wEscort: w.escort,
        wHoldCrossings: w.holdCrossings,
      });
      return defaultUtility(a, s, SCALES);
    };
    const best = (p: keyof typeof MOTIVE_PRESETS) =>
      [ACT_TAX, ACT_ESCORT, ACT_ATTACK, ACT_CROSS, ACT_RECRUIT, ACT_HIDE].reduce((b, a) =>
        util(p, a) > util(p, b) ? a : b,
      );
    expect(best("criminal")).toBe(ACT_TAX);
    expect(best("ideological")).toBe(ACT_CROSS);
  });
});

describe("utility inputs", () => {
  it("are unique names, all present in an empty scope", () => {
    expect(new Set(UTILITY_INPUTS).size).toBe(UTILITY_INPUTS.length);
    expect(Object.keys(emptyScope()).sort()).toEqual([...UTILITY_INPUTS].sort());
  });

  it("move each utility the documented way", () => {
    const s = scope();
    s.wTax = 1;
    s.wEscort = 1;
    s.wStateTargets = 1;
    s.wCrossBorder = 1;
    const u = (a: number, patch: Partial<typeof s>) => defaultUtility(a, { ...s, ...patch }, SCALES);
    expect(u(ACT_TAX, { taxRevenue: 30_000 })).toBeGreaterThan(u(ACT_TAX, {}));
    expect(u(ACT_TAX, { taxDefence: 200 })).toBeLessThan(u(ACT_TAX, {}));
    expect(u(ACT_TAX, { taxForeign: 1 })).toBeLessThan(u(ACT_TAX, {}));
    expect(u(ACT_TAX, { atCrossing: 1, wHoldCrossings: 1 })).toBeGreaterThan(u(ACT_TAX, {}));
    expect(u(ACT_ESCORT, { escortDistance: 20 })).toBeLessThan(u(ACT_ESCORT, {}));
    expect(u(ACT_ATTACK, { targetDefence: 300 })).toBeLessThan(u(ACT_ATTACK, {}));
    expect(u(ACT_CROSS, { crossDefence: 300, fighters: 3000 })).toBeGreaterThan(
      u(ACT_CROSS, { crossDefence: 300 }),
    );
    expect(u(ACT_HIDE, { threat: 2 })).toBeGreaterThan(u(ACT_HIDE, {}));
    expect(u(ACT_RECRUIT, { fighters: 30 })).toBeGreaterThan(u(ACT_RECRUIT, {}));
  });

  it("make money weigh more as cash runs out", () => {
    expect(moneyNeed(0, 1500, 30)).toBe(1);
    expect(moneyNeed(45_000, 1500, 30)).toBe(0);
    const s = scope();
    s.wTax = 0.2;
    const rich = defaultUtility(ACT_TAX, { ...s, cash: 1e6 }, SCALES);
    const broke = defaultUtility(ACT_TAX, { ...s, cash: 0 }, SCALES);
    expect(broke).toBeGreaterThan(rich);
  });
});

describe("softmaxPick", () => {
  it("draws each available action with probability ∝ exp(u / T)", () => {
    const rng = createRngHub(7).stream("t");
    const u = Float64Array.from([1, 0, 2, -1, 0.5, 0]);
    const avail = Uint8Array.from([1, 1, 1, 1, 1, 0]);
    const T = 0.8;
    const counts = new Float64Array(ACTIONS.length);
    const N = 40_000;
    for (let i = 0; i < N; i++) counts[softmaxPick(u, avail, T, rng)]! += 1;
    const z = [0, 1, 2, 3, 4].reduce((s, a) => s + Math.exp(u[a]! / T), 0);
    for (let a = 0; a < 5; a++) expect(counts[a]! / N).toBeCloseTo(Math.exp(u[a]! / T) / z, 2);
    expect(counts[5]).toBe(0);
  });

  it("never picks an unavailable or non-finite action, and returns −1 when none is left", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.nat(),
        (us, av, T, seed) => {
          const u = Float64Array.from(us);
          u[0] = Number.NEGATIVE_INFINITY;
          const avail = Uint8Array.from(av, (b) => (b ? 1 : 0));
          const a = softmaxPick(u, avail, T, createRngHub(seed).stream("t"));
          const any = av.some((b, i) => b && i > 0);
          if (!any) return a === -1;
          return a > 0 && avail[a] === 1;
        },
      ),
    );
  });

  it("picks the best action at temperature 0", () => {
    const rng = createRngHub(1).stream("t");
    const u = Float64Array.from([0.1, 0.3, 0.2, 0, 0, 0]);
    const avail = new Uint8Array(6).fill(1);
    for (let i = 0; i < 100; i++) expect(softmaxPick(u, avail, 0, rng)).toBe(1);
  });
});
