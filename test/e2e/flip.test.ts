/** `pamir flip` end to end: where the better arm changes along a range factor of an LHS study of the Ishigami function. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { pamir, ROOT } from "./cli.js";

const SCENARIO = join(ROOT, "scenarios/test-functions/ishigami.yaml");

function runStudy(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), "pamir-e2e-flip-"));
  const file = join(dir, "study.yaml");
  writeFileSync(file, `name: e2e\nscenario: ${SCENARIO}\ndesign: lhs\nsamples: 120\n${body}`);
  const out = join(dir, "out");
  const r = pamir("study", file, "--out", out, "--quiet");
  expect(r.stderr).toBe("");
  return out;
}

// Ishigami: y = sin x1 + a sin² x2 + b x3⁴ sin x1. With b = 1 against b = 0 the difference is
// x3⁴ sin x1: below 0 for x1 < 0, above for x1 > 0. With a = 7 against a = 2 it is 5 sin² x2 ≥ 0.
describe("pamir flip", () => {
  let out = "";
  beforeAll(() => {
    out = runStudy(
      "factors:\n  params.b: { name: strength, values: [1, 0], labels: [strong, none] }\n" +
        "  params.a: { name: weight, values: [7, 2], labels: [heavy, light] }\n" +
        "  params.x1: { name: x1, min: -1.5, max: 1.5 }\n  params.x2: { name: x2, min: -3, max: 3 }\n" +
        "  params.x3: { name: x3, min: 1, max: 2 }\n",
    );
  });

  it("finds the flip at x1 = 0 with the strong arm better below it, and writes flip.json", () => {
    const r = pamir("flip", out, "--outcome", "y", "--by", "strength", "--along", "x1", "--lower-is-better");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^y \(1\), strong − none, along x1 \(.+\): 240 paired cases\./);
    expect(r.stdout).toMatch(/strong is better below, none above/);
    const doc = JSON.parse(readFileSync(join(out, "flip.json"), "utf8"));
    expect(doc.inRange).toBe(true);
    expect(doc.bootstrap.low).toBeLessThan(0);
    expect(doc.bootstrap.high).toBeGreaterThan(0);
    expect(doc.bootstrap.high - doc.bootstrap.low).toBeLessThan(0.5);
    expect(doc.bins).toHaveLength(5);
  });

  it("puts the flip point after the answer in the report, every number equal to flip.json's", () => {
    expect(
      pamir("flip", out, "--outcome", "y", "--by", "strength", "--along", "x1", "--lower-is-better").code,
    ).toBe(0);
    const r = pamir("report", out);
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, "report.html"), "utf8");
    const doc = JSON.parse(readFileSync(join(out, "flip.json"), "utf8"));
    const flip = /<section id="flip">[\s\S]*?<\/section>/.exec(html)![0];
    expect(html.indexOf('<section id="flip">')).toBeGreaterThan(html.indexOf('<section id="answer">'));
    expect(html.indexOf('<section id="flip">')).toBeLessThan(html.indexOf('<section id="maps">'));
    expect(flip).toContain(
      `data-flip="${doc.flipAt}" data-low="${doc.bootstrap.low}" data-high="${doc.bootstrap.high}" data-cross-share="${doc.bootstrap.crossShare}" data-better-below="strong" data-better-above="none"`,
    );
    const shown = [...flip.matchAll(/<td data-value="([^"]*)"/g)].map((m) => Number(m[1]));
    const bins = doc.bins.flatMap((b: Record<string, number>) => [b.from, b.to, b.mean, b.ciLow, b.ciHigh]);
    expect(shown).toEqual(bins);
  });

  it("says the light arm is better throughout when the difference never changes sign", () => {
    const r = pamir(
      "flip",
      out,
      "--outcome",
      "y",
      "--by",
      "weight",
      "--along",
      "x1",
      "--lower-is-better",
      "--json",
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.inRange).toBe(false);
    expect([doc.betterBelow, doc.betterAbove]).toEqual(["light", "light"]);
  });

  it("refuses a value factor as --along, an outcome without a direction and a 3-arm factor without --arms, exit 2", () => {
    const base = ["flip", out, "--outcome", "y", "--by", "strength"];
    const along = pamir(...base, "--along", "weight", "--lower-is-better");
    expect(along.code).toBe(2);
    expect(along.stderr).toBe("pamir: --along weight: not a range factor of this study (x1, x2, x3)\n");
    const way = pamir(...base, "--along", "x1");
    expect(way.code).toBe(2);
    expect(way.stderr).toMatch(/^pamir: --outcome y: .*--lower-is-better or --higher-is-better\n$/);
    const three = runStudy(
      "factors:\n  params.b: { name: b, values: [0, 1, 2] }\n  params.x1: { min: -1, max: 1 }\n",
    );
    const threeArms = (...more: string[]) =>
      pamir(
        "flip",
        three,
        "--outcome",
        "y",
        "--by",
        "b",
        "--along",
        "params.x1",
        "--lower-is-better",
        ...more,
      );
    const r = threeArms();
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("pamir: --by b has 3 arms (0, 1, 2): name two with --arms A,B\n");
    const two = threeArms("--arms", "0,2");
    expect(two.code).toBe(0);
  });

  it("gives the arm effect's indices with --effect: x3⁴·sin x1 depends on x1 alone at first order", () => {
    const r = pamir("sensitivity", out, "--effect", "strength", "--outcome", "y", "--bootstrap", "300");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(readFileSync(join(out, "effect-sensitivity.json"), "utf8"));
    expect(doc.arms).toEqual(["strong", "none"]);
    // One result per weight arm; the difference does not involve a, so both agree.
    expect(doc.results.map((x: { cell: Record<string, string> }) => x.cell.weight)).toEqual([
      "heavy",
      "light",
    ]);
    for (const res of doc.results) {
      const s1 = Object.fromEntries(
        res.indices.map((x: { factor: string; s1: { value: number } }) => [x.factor, x.s1.value]),
      );
      // E[x3⁴]² / E[x3⁸] = 6.2² / 56.8 ≈ 0.68 for x1; x3 acts only with x1, x2 not at all.
      expect(s1.x1).toBeGreaterThan(0.5);
      expect(s1.x2).toBeLessThan(0.1);
      expect(s1.x3).toBeLessThan(0.1);
    }
    expect(r.stdout).toMatch(/^Sensitivity of strong − none: /);
  });

  it("refuses --effect without one outcome or with a range factor, exit 2", () => {
    const none = pamir("sensitivity", out, "--effect", "strength");
    expect(none.code).toBe(2);
    expect(none.stderr).toBe("pamir: --effect needs exactly one --outcome\n");
    const range = pamir("sensitivity", out, "--effect", "x1", "--outcome", "y");
    expect(range.code).toBe(2);
    expect(range.stderr).toBe("pamir: --effect x1: not a value factor of this study (strength, weight)\n");
    const unknown = pamir("sensitivity", out, "--effect", "strength", "--outcome", "nope");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("pamir: --outcome nope: no finished run has it\n");
  });
});
