/**
 * Face validity of the postures, on the real map, at equal troop-days: the drill-vs-route study
 * (130 seeded runs per arm, a number set by a power calculation in the study file) run end to end, then `pamir compare` (bootstrap 95 % intervals of the
 * difference of means). Each posture must do what it is built for, by its mechanisms: against a
 * purely ideological threat the drill's screens (on the avenues of approach, with reserves massed
 * against a column) turn columns back and let fewer fighters cross than route-control; against a
 * purely criminal threat route-control seizes more heroin and leaves the bands less drug revenue
 * (docs/model.md, "The nexus run", "Measured").
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { pamir } from "./cli.js";

let out = "";

/** drill − route-control for `outcome` within the motive arm `level`: the difference and its interval. */
function drillMinusRoute(outcome: string, level: string, better: string) {
  const r = pamir(
    "compare",
    out,
    "--outcome",
    outcome,
    "--by",
    "posture",
    "--within",
    "motive",
    better,
    "--json",
  );
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const report = JSON.parse(r.stdout) as {
    levels: {
      level: string;
      pairs: { a: string; b: string; diff: number; ciLow: number; ciHigh: number }[];
    }[];
  };
  const pair = report.levels.find((l) => l.level === level)!.pairs[0]!;
  expect([pair.a, pair.b]).toEqual(["incursion-drill", "route-control"]);
  return pair;
}

describe("postures do what they are built for (real map, 130 seeds per arm)", () => {
  beforeAll(() => {
    out = join(mkdtempSync(join(tmpdir(), "pamir-directions-")), "results");
    const r = pamir("study", "scenarios/studies/drill-vs-route.yaml", "--out", out, "--quiet");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  }, 600_000);

  it("spends the same troop-days under both postures", () => {
    const rows = readFileSync(join(out, "runs.ndjson"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { outcomes: Record<string, number> });
    expect(rows.length).toBe(520);
    const spent = new Set(rows.map((r) => r.outcomes.alliance_troop_days));
    expect(spent.size).toBe(1);
  });

  // Fighters turned back are not asserted: a force's drill share follows what it believes the threat
  // is (alliance/belief.ts), so under an ideological threat route-control's forces shift toward
  // screens too and turn back columns themselves (at the calibrated defaults 238 fighters a year
  // against the drill's 367: +129 [+39, +222] at 130 seeds, but +165 [−24, +359] at 30 seeds before
  // the calibration; docs/model.md, "The nexus run", "Measured").

  it("ideological threat: the drill lets fewer fighters cross than route-control", () => {
    const d = drillMinusRoute("fighters_crossed", "ideological", "--lower-is-better");
    expect(d.ciHigh).toBeLessThan(0);
  });

  it("criminal threat: route-control seizes more heroin than the drill", () => {
    const d = drillMinusRoute("seized_kg", "criminal", "--higher-is-better");
    expect(d.ciHigh).toBeLessThan(0);
  });

  it("criminal threat: route-control leaves the bands less drug revenue than the drill", () => {
    const d = drillMinusRoute("insurgent_revenue_usd", "criminal", "--lower-is-better");
    expect(d.ciLow).toBeGreaterThan(0);
  });
});
