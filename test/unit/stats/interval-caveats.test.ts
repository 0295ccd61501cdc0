/** Intervals to read with care: fewer than 10 runs, or below 0 for values never negative. */
import { describe, expect, it } from "vitest";
import { describeSample } from "../../../src/stats/describe.js";
import {
  CAVEAT_MARKS,
  CaveatTally,
  intervalCaveats,
  MIN_INTERVAL_RUNS,
} from "../../../src/stats/interval-caveats.js";

describe("intervalCaveats", () => {
  it("flags a price from 3 runs whose t interval goes negative, on both counts", () => {
    const price = describeSample([0.5, 0.7, 9]);
    expect(price.ciLow).toBeLessThan(0); // t(0.975, 2) = 4.3 stretches it below zero
    expect(price.min).toBe(0.5);
    expect(intervalCaveats(price)).toEqual(["few-runs", "below-zero"]);
  });

  it("does not flag 10 runs, a quantity that was negative, or a sample without an interval", () => {
    const ten = describeSample(Array.from({ length: MIN_INTERVAL_RUNS }, (_, i) => 100 + i));
    expect(intervalCaveats(ten)).toEqual([]);
    const signed = describeSample([-3, 1, 2, 40, 0, 1, 2, 3, 4, 5, 6, 7]);
    expect(signed.ciLow).toBeLessThan(0);
    expect(intervalCaveats(signed)).toEqual([]);
    expect(intervalCaveats(describeSample([5]))).toEqual([]);
    expect(intervalCaveats(describeSample([]))).toEqual([]);
  });

  it("flags below zero at any n when every value is ≥ 0 and the interval is not", () => {
    const skewed = describeSample([...Array.from({ length: 11 }, () => 0), 1000]);
    expect(skewed.n).toBeGreaterThanOrEqual(MIN_INTERVAL_RUNS);
    expect(intervalCaveats(skewed)).toEqual(skewed.ciLow < 0 ? ["below-zero"] : []);
    expect(skewed.ciLow).toBeLessThan(0);
  });
});

describe("CaveatTally", () => {
  it("marks cells, counts caveats over tables and words the footnotes and warnings", () => {
    const a = new CaveatTally();
    expect(a.add(["few-runs", "below-zero"])).toBe(
      `${CAVEAT_MARKS["few-runs"]} ${CAVEAT_MARKS["below-zero"]}`,
    );
    expect(a.add([])).toBe("");
    const b = new CaveatTally();
    b.add(["few-runs"]);
    b.addAll(a);
    expect(b.warnings()).toEqual([
      "2 intervals rest on fewer than 10 runs (marked n<10)",
      "1 interval reaches below 0 for values never negative (marked <0)",
    ]);
    expect(b.notes().map((n) => n.split(":")[0])).toEqual(["n<10", "<0"]);
    expect(new CaveatTally().warnings()).toEqual([]);
  });
});
