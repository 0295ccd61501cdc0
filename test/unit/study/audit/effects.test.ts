/** The audit's paired effects on synthetic runs: what moves is flagged, what does not is not. */
import { describe, expect, it } from "vitest";
import { createRngHub } from "../../../../src/engine/rng.js";
import {
  contrastEffects,
  movesFamilywise,
  outcomeEffect,
  type RunOutcomes,
} from "../../../../src/study/audit/effects.js";

/** Seeds' base runs: outcome `y` with seed noise shared by both arms, `z` independent noise. */
function arms(seeds: number, shift: number, seed = 1): { a: RunOutcomes[]; b: RunOutcomes[] } {
  const rng = createRngHub(seed).stream("test");
  const a: RunOutcomes[] = [];
  const b: RunOutcomes[] = [];
  for (let s = 0; s < seeds; s++) {
    const common = rng.normal(100, 20);
    b.push({ y: common + rng.normal(0, 1), z: rng.normal(0, 1), same: 7 });
    a.push({ y: common + shift + rng.normal(0, 1), z: rng.normal(0, 1), same: 7 });
  }
  return { a, b };
}

describe("audit effects", () => {
  it("flags an outcome a switch moves, with an interval around the true shift, ranked first", () => {
    const { a, b } = arms(20, 2);
    const effects = contrastEffects(a, b);
    expect(effects[0]!.outcome).toBe("y");
    const y = effects[0]!;
    expect(y.moved).toBe(true);
    expect(y.n).toBe(20);
    expect(y.ciLow).toBeLessThan(2);
    expect(y.ciHigh).toBeGreaterThan(2);
    expect(y.ciLow).toBeGreaterThan(0);
    // Pairing cancels the seed noise (sd 20): the interval is about ±0.7 wide, not ±13.
    expect(y.ciHigh - y.ciLow).toBeLessThan(2);
    expect(y.effect).toBeGreaterThan(1);
  });

  it("does not flag a switch that changes nothing: identical runs give a zero difference and a point interval", () => {
    const { b } = arms(20, 0);
    const effects = contrastEffects(b, b);
    expect(effects.every((e) => !e.moved && e.diff === 0 && e.effect === 0)).toBe(true);
    expect(effects.map((e) => [e.ciLow, e.ciHigh])).toEqual(effects.map(() => [0, 0]));
  });

  it("covers a zero effect in about 95 % of noise-only contrasts", () => {
    let covered = 0;
    const trials = 1000;
    for (let t = 0; t < trials; t++) {
      const { a, b } = arms(20, 0, t + 1);
      if (!outcomeEffect(a, b, "y").moved) covered++;
    }
    // Binomial(1000, 0.95): sd 6.9, so ±3 sd is 930..970.
    expect(covered).toBeGreaterThanOrEqual(930);
    expect(covered).toBeLessThanOrEqual(970);
  });

  it("treats a difference equal in every seed as moved with an infinite d_z", () => {
    const b: RunOutcomes[] = [{ y: 1 }, { y: 5 }, { y: 2 }];
    const a: RunOutcomes[] = b.map((r) => ({ y: r!.y! + 0.5 }));
    const e = outcomeEffect(a, b, "y");
    expect(e.moved).toBe(true);
    expect(e.ciLow).toBe(e.ciHigh);
    expect(e.effect).toBe(Number.POSITIVE_INFINITY);
    expect(e.relative).toBeCloseTo(0.5 / (8 / 3), 12);
  });

  it("leaves out seeds whose run failed or lacks the outcome, in either arm", () => {
    const b: RunOutcomes[] = [{ y: 1 }, undefined, { y: 3 }, { y: 4 }, { x: 1 }];
    const a: RunOutcomes[] = [{ y: 2 }, { y: 9 }, undefined, { y: 6 }, { y: 1 }];
    const e = outcomeEffect(a, b, "y");
    expect(e.n).toBe(2);
    expect(e.diff).toBe(1.5);
    expect([e.meanA, e.meanB]).toEqual([4, 2.5]);
  });

  it("cannot flag anything from a single pair", () => {
    const e = outcomeEffect([{ y: 10 }], [{ y: 1 }], "y");
    expect(e.n).toBe(1);
    expect(e.moved).toBe(false);
    expect(Number.isNaN(e.ciLow)).toBe(true);
  });

  it("gives p below 0.05 exactly when the 95 % interval excludes 0", () => {
    for (let t = 1; t <= 200; t++) {
      const { a, b } = arms(8, t % 4 === 0 ? 1 : 0, t);
      const e = outcomeEffect(a, b, "y");
      expect(e.p < 0.05, `trial ${t}`).toBe(e.moved);
    }
  });

  it("tells a switch that changes only the noise from one that moves something, over many outcomes", () => {
    // 60 outcomes of independent noise: about 3 are flagged at 95 % by chance, none after Bonferroni.
    let chance = 0;
    let familywise = 0;
    for (let t = 1; t <= 20; t++) {
      const rng = createRngHub(t).stream("noise");
      const run = () => Object.fromEntries(Array.from({ length: 60 }, (_, k) => [`o${k}`, rng.normal(0, 1)]));
      const a = Array.from({ length: 20 }, run);
      const b = Array.from({ length: 20 }, run);
      const effects = contrastEffects(a, b);
      chance += effects.filter((e) => e.moved).length;
      if (movesFamilywise(effects)) familywise++;
    }
    // 1 200 null outcomes: 60 ± 7.5 flagged at 95 %; P(a familywise flag) ≤ 0.05 per contrast.
    expect(chance).toBeGreaterThan(35);
    expect(chance).toBeLessThan(85);
    expect(familywise).toBeLessThanOrEqual(4);
    const { a, b } = arms(20, 2);
    expect(movesFamilywise(contrastEffects(a, b))).toBe(true);
  });
});
