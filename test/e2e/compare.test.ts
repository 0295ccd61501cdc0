import { describe, expect, it } from "vitest";
import { pamir } from "./cli.js";

const DIR = "test/fixtures/results/drill-route";
const args = ["compare", DIR, "--outcome", "revenue", "--by", "posture", "--within", "motive"];

// The fixture by hand (insurgent revenue; one failed run left out):
//   ideological: incursion-drill 20, 22, 24 (mean 22)   route-control 30, 31, 35 (mean 32)
//   criminal:    incursion-drill 50, 54, 58 (mean 54)   route-control 40, 42, 44 and 38, 40, 42 (mean 41)
describe("pamir compare", () => {
  it("prints the comparison as JSON with differences, bootstrap intervals, effect sizes and regrets", () => {
    const r = pamir(...args, "--lower-is-better", "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.runs).toEqual({ total: 16, ok: 15, failed: 1, unlabelled: 0 });
    // Arms of 3–6 runs: the caveat the table prints on stderr is in the document instead.
    expect(doc.warnings).toEqual(["6 intervals rest on fewer than 10 runs (marked n<10)"]);
    expect(doc.levels.map((l: { level: string }) => l.level)).toEqual(["criminal", "ideological"]);
    const [criminal, ideological] = doc.levels;
    expect(
      criminal.arms.map((a: { label: string; n: number; failed: number; mean: number }) => [
        a.label,
        a.n,
        a.failed,
        a.mean,
      ]),
    ).toEqual([
      ["incursion-drill", 3, 1, 54],
      ["route-control", 6, 0, 41],
    ]);
    const pc = criminal.pairs[0];
    expect([pc.a, pc.b, pc.diff]).toEqual(["incursion-drill", "route-control", 13]);
    // A resampled difference lies between min(a) − max(b) and max(a) − min(b).
    expect(pc.ciLow).toBeGreaterThanOrEqual(50 - 44);
    expect(pc.ciHigh).toBeLessThanOrEqual(58 - 38);
    expect(pc.ciLow).toBeLessThan(13);
    expect(pc.ciHigh).toBeGreaterThan(13);
    // Hedges' g: SS 32 and 22 over ν = 7; J(7) = Γ(3.5)/(√3.5·Γ(3)), Γ(3.5) = 15√π/8.
    const j = (15 * Math.sqrt(Math.PI)) / 8 / (Math.sqrt(3.5) * 2);
    expect(pc.hedgesG).toBeCloseTo((j * 13) / Math.sqrt(54 / 7), 10);
    expect(ideological.pairs[0].diff).toBe(22 - 32);
    expect(doc.bootstrap).toMatchObject({ resamples: 2000, seed: 1 });
    // Lower is better: drill best under ideological (regret of route 10), route best under criminal
    // (regret of drill 13): route-control has the smaller worst case.
    expect(doc.regret.postures).toEqual(["incursion-drill", "route-control"]);
    expect(doc.regret.hypotheses).toEqual(["criminal", "ideological"]);
    expect(doc.regret.regret).toEqual([
      [13, 0],
      [0, 10],
    ]);
    expect(doc.regret.maxRegret).toEqual([13, 10]);
    expect(doc.regret.robust).toBe("route-control");
  });

  it("prints the tables and names the robust posture in a sentence", () => {
    const r = pamir(...args, "--lower-is-better");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^criminal\s+incursion-drill\s+route-control\s+13\s/m);
    expect(r.stdout).toMatch(/^ideological\s+incursion-drill\s+route-control\s+-10\s/m);
    expect(r.stdout).toMatch(/^posture\s+criminal\s+ideological\s+max regret$/m);
    expect(r.stdout).toMatch(/^incursion-drill\s+13\s+0\s+13$/m);
    expect(r.stdout).toMatch(/^route-control\s+0\s+10\s+10$/m);
    expect(r.stdout).toMatch(/Robust choice: posture "route-control" .*\(10 revenue\) is the smallest\./);
  });

  it("flips the robust posture when higher is better", () => {
    const doc = JSON.parse(pamir(...args, "--higher-is-better", "--json").stdout);
    // Higher is better: criminal best is drill (route regrets 13); ideological best is route (drill regrets 10).
    expect(doc.regret.maxRegret).toEqual([10, 13]);
    expect(doc.regret.robust).toBe("incursion-drill");
  });

  it("gives the same intervals for the same seed and others for another seed or B", () => {
    const a = pamir(...args, "--lower-is-better", "--json", "--seed", "5");
    const b = pamir(...args, "--lower-is-better", "--json", "--seed", "5");
    expect(b.stdout).toBe(a.stdout);
    const ci = (s: string) => JSON.parse(s).levels[0].pairs[0];
    const c = ci(pamir(...args, "--lower-is-better", "--json", "--seed", "6").stdout);
    const d = ci(pamir(...args, "--lower-is-better", "--json", "--seed", "5", "--bootstrap", "300").stdout);
    expect([c.ciLow, c.ciHigh]).not.toEqual([ci(a.stdout).ciLow, ci(a.stdout).ciHigh]);
    expect(d.diff).toBe(13);
    expect([d.ciLow, d.ciHigh]).not.toEqual([ci(a.stdout).ciLow, ci(a.stdout).ciHigh]);
  });

  it("compares by a factor path when runs carry no arm labels", () => {
    const r = pamir(
      "compare",
      "test/fixtures/results/by-value",
      "--outcome",
      "happy",
      "--by",
      "params.density",
      "--higher-is-better",
      "--json",
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.within).toBeNull();
    const pair = doc.levels[0].pairs[0];
    expect([pair.a, pair.b]).toEqual(["0.7", "0.9"]);
    // happy 0.5, 0.7 (mean 0.6) against 0.2, 0.4, 0.3 (mean 0.3).
    expect(pair.diff).toBeCloseTo(0.3, 12);
    expect(doc.regret.robust).toBe("0.7");
  });

  it.each([
    [
      ["--outcome", "revenu", "--by", "posture", "--lower-is-better"],
      /no outcome "revenu" in the runs \(did you mean "revenue"\?\)$/m,
    ],
    [
      ["--outcome", "revenue", "--by", "postur", "--lower-is-better"],
      /no factor "postur" in the runs; factors: .*motive, .*posture/,
    ],
    [
      ["--outcome", "revenue", "--by", "posture", "--within", "motiv", "--lower-is-better"],
      /no factor "motiv"/,
    ],
    [
      ["--outcome", "revenue", "--by", "posture"],
      /--outcome revenue: .* has no catalogue entry for it; say which way it is good: --lower-is-better or --higher-is-better/,
    ],
    [
      ["--outcome", "revenue", "--by", "posture", "--lower-is-better", "--higher-is-better"],
      /exclude each other/,
    ],
    [
      ["--outcome", "revenue", "--by", "posture", "--lower-is-better", "--bootstrap", "0"],
      /--bootstrap must be/,
    ],
  ])("rejects bad input with exit code 2 and one line: %j", (extra, message) => {
    const r = pamir("compare", DIR, ...extra);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it("leaves an arm missing under some level out of that level's pairs and of the robust choice", () => {
    const r = pamir(
      ...args.slice(0, 4),
      "--by",
      "params.patrols",
      "--within",
      "posture",
      "--lower-is-better",
      "--json",
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const [drill, route] = doc.levels;
    // Only patrols 2 ran under incursion-drill: nothing to pair there.
    expect(drill.arms.map((a: { label: string }) => a.label)).toEqual(["2"]);
    expect(drill.pairs).toEqual([]);
    // Under route-control: patrols 2 → 30, 31, 35, 40, 42, 44 (mean 37); patrols 4 → 38, 40, 42 (mean 40).
    expect(route.pairs[0].diff).toBe(37 - 40);
    expect(doc.regret.maxRegret).toEqual([0, null]);
    expect(doc.regret.robust).toBe("2");
  });

  it("refuses a folder that is not a study's results", () => {
    const r = pamir("compare", "results/no-such-study", "--outcome", "x", "--by", "y", "--lower-is-better");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no results directory results\/no-such-study/);
  });
});
