import { describe, expect, it } from "vitest";
import { hedgesCorrection, hedgesG } from "../../../src/stats/effect-size.js";

describe("hedgesG", () => {
  it("computes a hand example: [50, 54, 58] against [40, 42, 44, 38, 40, 42]", () => {
    // means 54 and 41; SS 32 and 22; pooled variance 54/7; ν = 7;
    // J(7) = Γ(3.5)/(√3.5·Γ(3)) with Γ(3.5) = 15√π/8 and Γ(3) = 2.
    const j = (15 * Math.sqrt(Math.PI)) / 8 / (Math.sqrt(3.5) * 2);
    const g = (j * 13) / Math.sqrt(54 / 7);
    expect(hedgesG([50, 54, 58], [40, 42, 44, 38, 40, 42])).toBeCloseTo(g, 10);
    expect(hedgesG([40, 42, 44, 38, 40, 42], [50, 54, 58])).toBeCloseTo(-g, 10);
  });

  it("has a correction close to the 1 − 3/(4ν − 1) approximation and tending to 1", () => {
    // J(2) = Γ(1)/(1·Γ(½)) = 1/√π exactly.
    expect(hedgesCorrection(2)).toBeCloseTo(1 / Math.sqrt(Math.PI), 10);
    for (const df of [5, 10, 40, 200]) {
      expect(Math.abs(hedgesCorrection(df) - (1 - 3 / (4 * df - 1)))).toBeLessThan(0.002);
    }
    expect(hedgesCorrection(1e6)).toBeCloseTo(1, 5);
  });

  it("is undefined without spread or with too few runs", () => {
    expect(hedgesG([2, 2, 2], [1, 1, 1])).toBeNaN();
    expect(hedgesG([1], [2, 3])).toBeNaN();
    expect(hedgesG([], [1, 2, 3])).toBeNaN();
  });
});
