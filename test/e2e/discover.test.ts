/** `pamir discover` end to end: a box over an LHS study of the Ishigami function, across arms, and refusals. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { pamir, ROOT } from "./cli.js";

const tmp = () => mkdtempSync(join(tmpdir(), "pamir-e2e-discover-"));
const SCENARIO = join(ROOT, "scenarios/test-functions/ishigami.yaml");

function runStudy(body: string): string {
  const dir = tmp();
  const file = join(dir, "study.yaml");
  writeFileSync(file, `name: e2e\nscenario: ${SCENARIO}\n${body}`);
  const out = join(dir, "out");
  const r = pamir("study", file, "--out", out, "--quiet");
  expect(r.stderr).toBe("");
  return out;
}

describe("pamir discover", () => {
  let out = "";
  beforeAll(() => {
    const x = [1, 2, 3].map((i) => `  params.x${i}: { name: x${i}, min: -3.14, max: 3.14 }\n`).join("");
    out = runStudy(
      `design: lhs\nsamples: 300\nfactors:\n  params.a: { name: weight, values: [7, 2], labels: [heavy, light] }\n${x}`,
    );
  });

  it("finds where the heavy arm beats the light one by 3, which only x2 decides", () => {
    // y(heavy) − y(light) = 5·sin²(x2): more than 3 where |sin x2| > 0.775, i.e. |x2| in (0.89, 2.25).
    const r = pamir("discover", out, "--where", "y[weight=heavy] > y[weight=light] + 3");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^where y\[weight=heavy\] > y\[weight=light\] \+ 3: 300 cases/);
    const doc = JSON.parse(readFileSync(join(out, "discover.json"), "utf8"));
    expect(doc.chosen.restrictions.map((x: { factor: string }) => x.factor)).toEqual(["x2"]);
    expect(doc.chosen.unrestricted).toEqual(["x1", "x3"]);
    const [lo, hi] = [doc.chosen.restrictions[0].min, doc.chosen.restrictions[0].max];
    expect(lo).toBeGreaterThan(-2.6);
    expect(lo).toBeLessThan(-1.9);
    expect(hi).toBeGreaterThan(1.9);
    expect(hi).toBeLessThan(2.6);
    const csv = readFileSync(join(out, "discover.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe(
      "step,phase,coverage,density,mass,n,k,restricted,chosen,x1_min,x1_max,x2_min,x2_max,x3_min,x3_max",
    );
    expect(csv).toHaveLength(1 + doc.trajectory.length);
  });

  it("refuses an unparsable condition, an unknown outcome and a study without ranges in one line, exit 2", () => {
    const syntax = pamir("discover", out, "--where", "y > ");
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toBe(`pamir: ${out}: --where: syntax: Unexpected end of expression (at ">")\n`);
    const unknown = pamir("discover", out, "--where", "z > 1");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(`pamir: ${out}: --where: unknown outcome "z" (outcomes: y)\n`);
    const flat = runStudy("factors:\n  params.x1: { values: [0, 1] }\n");
    const none = pamir("discover", flat, "--where", "y > 0");
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(`pamir: ${flat}: the study has no range factors (min/max) to find a box over\n`);
  });

  it("takes regret(…) of an arm, finding the box of the bracket form it stands for", () => {
    const read = () => JSON.parse(readFileSync(join(out, "discover.json"), "utf8"));
    const r = pamir("discover", out, "--where", "regret(y, weight=light, higher-is-better) > 3");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const regret = read();
    expect(
      pamir("discover", out, "--where", "max(y[weight=heavy], y[weight=light]) - y[weight=light] > 3").code,
    ).toBe(0);
    expect({ ...regret, where: "" }).toEqual({ ...read(), where: "" });
    expect(regret.chosen.restrictions.map((x: { factor: string }) => x.factor)).toEqual(["x2"]);
  });

  it("refuses a bad regret(…) form and an unknown factor in one line, exit 2", () => {
    const way = pamir("discover", out, "--where", "regret(y, weight=heavy) < 1");
    expect(way.code).toBe(2);
    expect(way.stderr).toBe(
      `pamir: ${out}: --where: regret(y, weight=heavy): say which way y is good: regret(y, weight=heavy, lower-is-better) or higher-is-better\n`,
    );
    const form = pamir("discover", out, "--where", "regret(y) < 1");
    expect(form.code).toBe(2);
    expect(form.stderr.split("\n")).toHaveLength(2);
    expect(form.stderr).toMatch(/^pamir: .*: --where: regret\(y\) must be regret\(outcome, factor=label/);
    const factor = pamir("discover", out, "--where", "y[wieght=heavy] > 0");
    expect(factor.code).toBe(2);
    expect(factor.stderr).toBe(
      `pamir: ${out}: --where: no value factor "wieght" (did you mean "weight"?) (value factors: weight)\n`,
    );
  });
});
