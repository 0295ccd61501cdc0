/** `pamir sensitivity` end to end: a small Saltelli study of the Ishigami function, a Morris one of G, and refusals. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { pamir, ROOT } from "./cli.js";

const tmp = () => mkdtempSync(join(tmpdir(), "pamir-e2e-sensitivity-"));

/** Write a study over `scenario` (a shipped test function) with `extra` YAML lines into a temp folder. */
function study(dir: string, scenario: string, extra: string): string {
  const file = join(dir, "study.yaml");
  writeFileSync(file, `name: e2e\nscenario: ${join(ROOT, "scenarios/test-functions", scenario)}\n${extra}`);
  return file;
}

describe("pamir sensitivity", () => {
  const saltelli = join(tmp(), "out");
  beforeAll(() => {
    const pi = Math.PI;
    const factors = [1, 2, 3]
      .map((i) => `  params.x${i}: { name: x${i}, min: ${-pi}, max: ${pi} }\n`)
      .join("");
    const file = study(
      tmp(),
      "ishigami.yaml",
      `design: saltelli\nsamples: 256\nsecondOrder: true\nfactors:\n${factors}`,
    );
    const r = pamir("study", file, "--out", saltelli, "--quiet");
    expect(r.stderr).toBe("");
  });

  it("prints and writes Sobol indices close to Ishigami's exact ones", () => {
    const r = pamir("sensitivity", saltelli, "--bootstrap", "200");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/y \(ishigami\): 256 base rows used/);
    expect(r.stdout).toMatch(/x1 × x3/);
    const doc = JSON.parse(readFileSync(join(saltelli, "sensitivity.json"), "utf8"));
    const [res] = doc.results;
    expect(res.sobol.map((s: { s1: { value: number } }) => s.s1.value)).toEqual([
      expect.closeTo(0.314, 1),
      expect.closeTo(0.442, 1),
      expect.closeTo(0, 1),
    ]);
    expect(res.sobol[2].st.value).toBeCloseTo(0.244, 1);
    const csv = readFileSync(join(saltelli, "sensitivity.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe(
      "scenario,cell,outcome,factor,S1,S1_low,S1_high,ST,ST_low,ST_high,S2,S2_low,S2_high,used,dropped",
    );
    expect(csv).toHaveLength(1 + 3 + 3);
    expect(JSON.parse(pamir("sensitivity", saltelli, "--bootstrap", "200", "--json").stdout)).toEqual(doc);
  });

  it("gives Morris measures that rank the G function's inputs", () => {
    const out = join(tmp(), "out");
    const factors = [0, 1, 2, 3, 4, 5]
      .map((i) => `  params.x.${i}: { name: x${i + 1}, min: 0, max: 1 }\n`)
      .join("");
    const file = study(
      tmp(),
      "sobol-g.yaml",
      `design: morris\nsamples: 12\ncandidates: 60\nfactors:\n${factors}`,
    );
    expect(pamir("study", file, "--out", out, "--quiet").code).toBe(0);
    const r = pamir("sensitivity", out, "--json");
    expect(r.code).toBe(0);
    const m = JSON.parse(r.stdout).results[0].morris.map(
      (f: { muStar: { value: number } }) => f.muStar.value,
    );
    expect(m[0]).toBeGreaterThan(m[1]);
    expect(m[1]).toBeGreaterThan(m[2]);
    expect(m[3]).toBeGreaterThan(Math.max(m[4], m[5]));
  });

  it("refuses an unknown outcome, a study without a sensitivity design and a missing folder in one line, exit 2", () => {
    const unknown = pamir("sensitivity", saltelli, "--outcome", "nope");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(`pamir: ${saltelli}: no outcome "nope" in the runs; outcomes: y\n`);
    const lhsOut = join(tmp(), "out");
    const file = study(
      tmp(),
      "ishigami.yaml",
      "design: lhs\nsamples: 8\nfactors:\n  params.x1: { min: -3, max: 3 }\n",
    );
    expect(pamir("study", file, "--out", lhsOut, "--quiet").code).toBe(0);
    const lhs = pamir("sensitivity", lhsOut);
    expect(lhs.code).toBe(2);
    expect(lhs.stderr).toBe(
      `pamir: ${lhsOut}: the study has design: lhs; sensitivity needs design: saltelli or design: morris (no design.json)\n`,
    );
    const missing = pamir("sensitivity", join(lhsOut, "nothing"));
    expect(missing.code).toBe(2);
    expect(missing.stderr.split("\n")).toHaveLength(2);
  });
});
