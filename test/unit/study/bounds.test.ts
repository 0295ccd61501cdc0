/** Study files within bounds: scenario keys that stay inside the results folder, horizons and seeds. */
import { describe, expect, it } from "vitest";
import { problemLine } from "../../../src/cli/problems.js";
import { loadStudyText } from "../../../src/study/load.js";
import { pointCheckProgress } from "../../../src/study/run/progress.js";

const FILE = "test/fixtures/studies/s.yaml"; // scenario paths resolve against test/fixtures/studies/

function problems(text: string): string[] {
  const r = loadStudyText(text, FILE);
  return r.ok ? [] : r.problems.map(problemLine);
}

describe("study bounds", () => {
  it('refuses a scenario key "..", which would write series outside the results folder, at the key', () => {
    for (const key of ["..", "."]) {
      const text = `name: t\nscenarios:\n  - { key: "${key}", file: tiny-scenario.yaml }\n`;
      const found = problems(text);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^test\/fixtures\/studies\/s\.yaml:3:\d+ {2}scenarios\[0\]\.key {2}/);
      expect(found[0]).toContain("must not be");
    }
  });

  it("refuses a horizon over the cap and a seed beyond the safe integers, located", () => {
    const found = problems("name: t\nscenario: tiny-scenario.yaml\nticks: 1000000000\nseed: 1e20\n");
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/s\.yaml:3:8 {2}ticks {2}/);
    expect(found[1]).toMatch(/s\.yaml:4:7 {2}seed {2}/);
  });

  it("tells how far checking the points of a large design has got (a 20 000-point Sobol design)", () => {
    const seen: [number, number][] = [];
    const text =
      "name: t\nscenario: ../../../scenarios/test-functions/ishigami.yaml\ndesign: sobol\nsamples: 20000\n" +
      "factors:\n  params.x1: { min: -3, max: 3 }\n  params.x2: { min: -3, max: 3 }\n";
    const r = loadStudyText(text, FILE, { onProgress: (done, total) => seen.push([done, total]) });
    expect(r.ok).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.every(([, total]) => total === 20_004)).toBe(true);
    expect(seen.map(([d]) => d)).toEqual([...seen.map(([d]) => d)].sort((a, b) => a - b));
    const lines: string[] = [];
    const progress = pointCheckProgress("s.yaml", (l) => lines.push(l), 0);
    progress(4096, 20_004);
    expect(lines).toEqual(["s.yaml: checking design points, 4096 of 20004 (20 %), 0 s"]);
  });

  it("checks a design over 100 000 points by every k-th point and every factor value, still located", () => {
    const seen: number[] = [];
    const text =
      "name: t\nscenario: ../../../scenarios/test-functions/ishigami.yaml\ndesign: sobol\nsamples: 40000\n" +
      "factors:\n  params.x1: { min: -3, max: 3 }\n  params.a:\n    values: [7, 8, nine]\n";
    const r = loadStudyText(text, FILE, { onProgress: (_, total) => seen.push(total) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(problemLine)).toEqual([
      `${FILE}:8:20  factors["params.a"].values[2]  params.a must be a number`,
    ]);
    // 120 000 points, every 2nd: 60 000, plus the two other values and the range's two ends.
    expect(seen[0]).toBe(60_004);
  });

  it("refuses a design that would hold more sampled numbers than the cap, at samples", () => {
    const text =
      "name: t\nscenario: ../../../scenarios/test-functions/ishigami.yaml\ndesign: saltelli\nsecondOrder: true\n" +
      "samples: 1000000\nfactors:\n  params.x1: { min: -3, max: 3 }\n  params.x2: { min: -3, max: 3 }\n" +
      "  params.x3: { min: -3, max: 3 }\n";
    expect(problems(text)).toEqual([
      `${FILE}:5:10  samples  the design would hold 8000000 points × 3 range factors = 24000000 numbers; at most 16777216 are allowed`,
    ]);
  });
});
