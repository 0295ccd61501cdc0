/**
 * `npm start` end to end on a small version of its study: the start script's own commands (read
 * from package.json) run on the default study with few samples and a short horizon, and every
 * number on the report's first screen ("The answer in short") equals the value at the JSON path
 * of the results file it names.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fmt } from "../../src/report/html.js";
import { at, taggedNumbers, untaggedText } from "../support/headline.js";
import { ROOT } from "./cli.js";

const STUDY = "scenarios/studies/posture-answer.yaml";
const RESULTS = "results/posture-answer";

/** The default study with 12 samples, 2 seeds and 60 days, its scenario path made absolute. */
function smallStudy(dir: string): string {
  const text = readFileSync(join(ROOT, STUDY), "utf8")
    .replace(/^name: .*$/m, "name: answer e2e")
    .replace(/^samples: \d+$/m, "samples: 12")
    .replace(/^replicates: \d+$/m, "replicates: 2")
    .replace(
      /^scenario: \.\.\/(.*)$/m,
      (_, f: string) => `scenario: ${join(ROOT, "scenarios", f)}\nticks: 60`,
    );
  const file = join(dir, "study.yaml");
  writeFileSync(file, text);
  return file;
}

/** package.json's start script, pointed at the small study and a temporary results folder. */
function startScript(study: string, out: string): string {
  const start: string = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts.start;
  expect(start).toContain(STUDY);
  return start.replace(STUDY, `${study} --out ${out}`).replaceAll(RESULTS, out);
}

describe("npm start (a small version of its study)", () => {
  let out = "";
  let html = "";
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-e2e-answer-"));
    out = join(dir, "out");
    const r = spawnSync("sh", ["-c", startScript(smallStudy(dir), out)], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    html = readFileSync(join(out, "report.html"), "utf8");
  }, 120_000);

  it("leads the report with the robust posture, the flip, the PRIM box and the effect's indices", () => {
    const head = /<section id="headline"[\s\S]*?<\/section>/.exec(html);
    expect(head).not.toBeNull();
    // The first screen: before the study's facts and every other section.
    expect(html.indexOf('id="headline"')).toBeLessThan(html.indexOf('<dl class="facts">'));
    expect(html.indexOf('id="headline"')).toBeLessThan(html.indexOf('<section id="answer">'));
    for (const id of ["headline-robust", "headline-flip", "headline-box", "headline-sensitivity"])
      expect(head![0]).toContain(`id="${id}"`);
    const flip = JSON.parse(readFileSync(join(out, "flip.json"), "utf8"));
    expect(head![0]).toContain(`“${flip.regret.robust}”`);
  });

  it("shows every first-screen number exactly as the results file it names holds it", () => {
    const head = /<section id="headline"[\s\S]*?<\/section>/.exec(html)![0];
    const nums = taggedNumbers(head);
    const files = new Set(nums.map((m) => m[1]));
    expect([...files].sort()).toEqual(["discover.json", "effect-sensitivity.json", "flip.json"]);
    // Robust posture's regret, flip interval and crossing share, coverage, density, mass, ≥ 1 index with its interval.
    expect(nums.length).toBeGreaterThanOrEqual(12);
    // No other number on it: what is left once the tagged numbers, the condition's code, the
    // confidence level and the index's name are taken out holds no digit.
    expect(untaggedText(head)).not.toMatch(/\d/);
    for (const [, file, path, value, text] of nums) {
      const doc = JSON.parse(readFileSync(join(out, file!), "utf8"));
      const v = at(doc, path!);
      if (v === null) {
        // JSON's null is an unbounded end (a flat resampled line) or an undefined index.
        expect(value).toBe("");
        continue;
      }
      expect(typeof v).toBe("number");
      expect(Number(value)).toBe(v);
      expect(text).toBe(fmt(v as number));
    }
  });
});
