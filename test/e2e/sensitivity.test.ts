/** `pamir sensitivity` end to end: a small Saltelli study of the Ishigami function, a Morris one of G, PRCC of an LHS one, and refusals. */
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

  it("gives PRCC of an LHS study, with signs and ranking right, and the report draws them", () => {
    // Ishigami on ranges where it is monotone: sin(x1) rises, 7·sin²(x2) rises (and dominates),
    // x3 enters only as 0.1·x3⁴·sin(x1), symmetric about 0.
    const out = join(tmp(), "out");
    const h = Math.PI / 2;
    const file = study(
      tmp(),
      "ishigami.yaml",
      `design: lhs\nsamples: 120\nfactors:\n  params.x1: { name: x1, min: ${-h}, max: ${h} }\n` +
        `  params.x2: { name: x2, min: 0, max: ${h} }\n  params.x3: { name: x3, min: -1, max: 1 }\n`,
    );
    expect(pamir("study", file, "--out", out, "--quiet").code).toBe(0);
    const r = pamir("sensitivity", out, "--bootstrap", "300");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Partial rank correlation coefficients \(PRCC/);
    expect(r.stdout).toMatch(/y \(ishigami\): 120 design points used/);
    expect(r.stdout).toMatch(/factor\s+PRCC\s+PRCC 95 % interval\s+p/);
    const doc = JSON.parse(readFileSync(join(out, "sensitivity.json"), "utf8"));
    expect(doc.method).toBe("prcc");
    expect(doc.design).toBe("lhs");
    const [x1, x2, x3] = doc.results[0].prcc as {
      prcc: { value: number; low: number; high: number };
      p: number;
    }[];
    expect(x1!.prcc.value).toBeGreaterThan(0.5);
    expect(x2!.prcc.value).toBeGreaterThan(x1!.prcc.value);
    expect(Math.abs(x3!.prcc.value)).toBeLessThan(x1!.prcc.value);
    expect(x1!.p).toBeLessThan(1e-6);
    expect(x1!.prcc.low).toBeLessThan(x1!.prcc.value);
    expect(x1!.prcc.high).toBeGreaterThan(x1!.prcc.value);
    const csv = readFileSync(join(out, "sensitivity.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe("scenario,cell,outcome,factor,PRCC,PRCC_low,PRCC_high,p,used,dropped");
    expect(pamir("report", out).code).toBe(0);
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain('<section id="sensitivity">');
    expect(html).toContain("Partial rank correlation coefficients (PRCC");
    expect(html).toMatch(/<tr data-outcome="y" data-factor="x2"><th scope="row">x2<\/th>/);
  });

  it("refuses an unknown outcome, a study without a sensitivity design and a missing folder in one line, exit 2", () => {
    const unknown = pamir("sensitivity", saltelli, "--outcome", "nope");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(`pamir: ${saltelli}: no outcome "nope" in the runs; outcomes: y\n`);
    const valuesOut = join(tmp(), "out");
    const file = study(tmp(), "ishigami.yaml", "factors:\n  params.x1: { values: [-1, 1] }\n");
    expect(pamir("study", file, "--out", valuesOut, "--quiet").code).toBe(0);
    const values = pamir("sensitivity", valuesOut);
    expect(values.code).toBe(2);
    expect(values.stderr).toBe(
      `pamir: ${valuesOut}: the study has no range factor; sensitivity needs range factors under design: saltelli, morris, lhs or sobol\n`,
    );
    const lhsOut = join(tmp(), "out");
    const few = study(
      tmp(),
      "ishigami.yaml",
      "design: lhs\nsamples: 4\nfactors:\n  params.x1: { min: -3, max: 3 }\n  params.x2: { min: -3, max: 3 }\n",
    );
    expect(pamir("study", few, "--out", lhsOut, "--quiet").code).toBe(0);
    const lhs = pamir("sensitivity", lhsOut);
    expect(lhs.code).toBe(2);
    expect(lhs.stderr).toBe(
      `pamir: ${lhsOut}: 4 design points for 2 range factors; PRCC needs more than k + 2 = 4\n`,
    );
    const missing = pamir("sensitivity", join(lhsOut, "nothing"));
    expect(missing.code).toBe(2);
    expect(missing.stderr.split("\n")).toHaveLength(2);
  });
});
