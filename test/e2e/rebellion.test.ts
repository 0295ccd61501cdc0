import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pamir, ROOT } from "./cli.js";

const SCENARIO = "scenarios/validation/rebellion.yaml";

/** The outcome table (name, value, unit) as name → number ("—" becomes NaN). */
function table(stdout: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of stdout.matchAll(/^(\w+)\s+(-?[\d.e+-]+|—)\s+\S.*$/gm))
    out[m[1]!] = m[2] === "—" ? Number.NaN : Number(m[2]);
  return out;
}

describe("pamir run scenarios/validation/rebellion.yaml", () => {
  it("prints the rebellion outcome table with NetLogo's population and a bursty active series", () => {
    const r = pamir("run", SCENARIO);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/model rebellion, seed 1, 500 ticks/);
    const t = table(r.stdout);
    expect(t.citizens).toBe(1120); // 70 % of 40 × 40
    expect(t.cops).toBe(64); // 4 %
    expect(t.quiet! + t.active! + t.jailed!).toBe(t.citizens);
    expect(t.arrests).toBeGreaterThan(0);
    expect(t.active_peak).toBeGreaterThan(5 * t.active_mean!);
    expect(t.active_kurtosis).toBeGreaterThan(3);
  });

  it("validates, and gives byte-identical JSON for a seed in two processes", () => {
    expect(pamir("validate", SCENARIO).code).toBe(0);
    const a = pamir("run", SCENARIO, "--seed", "3", "--ticks", "200", "--json");
    const b = pamir("run", SCENARIO, "--seed", "3", "--ticks", "200", "--json");
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const doc = JSON.parse(a.stdout);
    expect(doc.scenario.model).toBe("rebellion");
    for (const k of ["active", "jailed", "quiet", "arrests"]) expect(doc.series[k]).toHaveLength(200);
  });

  it("refuses an out-of-range legitimacy with a located error and exit code 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-rebellion-"));
    const file = join(dir, "bad.yaml");
    const text = readFileSync(join(ROOT, SCENARIO), "utf8").replace("legitimacy: 0.82", "legitimacy: 1.5");
    writeFileSync(file, text);
    const r = pamir("run", file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+\s+params\.legitimacy\s+/);
  });
});
