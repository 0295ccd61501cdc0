import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pamir } from "./cli.js";

describe("pamir run", () => {
  it("runs the default scenario and prints an outcome table (what npm start does)", () => {
    const r = pamir("run", "scenarios/schelling-small.yaml");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/model schelling, seed 1, 20 ticks/);
    expect(r.stdout).toMatch(/^outcome\s+value\s+unit$/m);
    expect(r.stdout).toMatch(/^happy_share\s+0\.\d+\s+share 0–1$/m);
    expect(r.stdout).toMatch(/^segregation\s+0\.\d+\s+share 0–1$/m);
    expect(r.stdout).toMatch(/^moves_total\s+[\d,]+\s+moves$/m);
  });

  it("gives byte-identical result JSON for the same seed in two processes", () => {
    for (const sc of ["scenarios/schelling-small.yaml", "scenarios/wolf-sheep-small.yaml"]) {
      const a = pamir("run", sc, "--seed", "17", "--json");
      const b = pamir("run", sc, "--seed", "17", "--json");
      expect(a.code).toBe(0);
      expect(a.stdout.length).toBeGreaterThan(100);
      expect(b.stdout).toBe(a.stdout);
      const doc = JSON.parse(a.stdout);
      expect(doc.seed).toBe(17);
      expect(Object.keys(doc.outcomes).length).toBeGreaterThan(3);
    }
  });

  it("gives different results for different seeds", () => {
    const a = JSON.parse(pamir("run", "scenarios/wolf-sheep-small.yaml", "--seed", "1", "--json").stdout);
    const b = JSON.parse(pamir("run", "scenarios/wolf-sheep-small.yaml", "--seed", "2", "--json").stdout);
    expect(a.series.sheep).not.toEqual(b.series.sheep);
  });

  it("writes the same document to --out as it prints with --json", () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-run-"));
    const printed = pamir("run", "scenarios/schelling-valley.yaml", "--json", "--out", dir);
    expect(printed.code).toBe(0);
    const written = readFileSync(join(dir, "schelling-valley-seed7.json"), "utf8");
    expect(written.trimEnd()).toBe(printed.stdout.trimEnd());
  });

  it("honours --ticks", () => {
    const doc = JSON.parse(pamir("run", "scenarios/wolf-sheep-small.yaml", "--ticks", "7", "--json").stdout);
    expect(doc.ticks).toBe(7);
    expect(doc.series.sheep).toHaveLength(7);
  });

  it("rejects a bad --seed with exit code 2 and one line", () => {
    const r = pamir("run", "scenarios/schelling-small.yaml", "--seed", "-3");
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/--seed must be an integer ≥ 0/);
  });

  it("reports a missing scenario file with exit code 2", () => {
    const r = pamir("run", "scenarios/does-not-exist.yaml");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does-not-exist\.yaml/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
