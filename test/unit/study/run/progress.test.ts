/** The progress line: counts, rate of this session, ETA, failures, optional bar. */
import { describe, expect, it } from "vitest";
import { formatDuration, progressLine } from "../../../../src/study/run/progress.js";

describe("progressLine", () => {
  it("shows done/total, runs/s of this session (resumed runs excluded), ETA and failures", () => {
    const p = { planned: 100, done: 40, failed: 2, resumed: 20, elapsedMs: 4000 };
    expect(progressLine(p)).toBe("40/100 runs  5.00 runs/s  ETA 12 s  2 failed");
    expect(progressLine(p, 10)).toBe("[####------] 40/100 runs  5.00 runs/s  ETA 12 s  2 failed");
  });

  it("gives no ETA during the first second (warm-up), and none before any run", () => {
    expect(progressLine({ planned: 100, done: 1, failed: 0, resumed: 0, elapsedMs: 500 })).toMatch(/ETA —/);
    expect(progressLine({ planned: 10, done: 0, failed: 0, resumed: 0, elapsedMs: 0 })).toBe(
      "0/10 runs  — runs/s  ETA —  0 failed",
    );
  });

  it("formats durations for people", () => {
    expect([0, 42_400, 187_000, 3_900_000].map(formatDuration)).toEqual([
      "0 s",
      "42 s",
      "3 min 07 s",
      "1 h 05 min",
    ]);
  });
});
