/** The CLI surface: help, usage errors, schema and validation of the shipped scenarios. */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pamir } from "./cli.js";

describe("pamir commands", () => {
  it("prints the version from package.json", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8"));
    const r = pamir("--version");
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it("has --help on every command", () => {
    for (const args of [["--help"], ["run", "--help"], ["validate", "--help"], ["schema", "--help"]]) {
      const r = pamir(...args);
      expect(r.code, args.join(" ")).toBe(0);
      expect(r.stdout).toMatch(/pamir/);
    }
  });

  it("treats an unknown command or option as a usage error (exit 2)", () => {
    const a = pamir("fly");
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^pamir: /);
    const b = pamir("run", "scenarios/schelling-small.yaml", "--sede", "3");
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/sede/);
    const c = pamir();
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/^pamir: name a command: run, validate, .* or \w+/);
    for (const name of [
      "study",
      "summarize",
      "compare",
      "report",
      "sensitivity",
      "discover",
      "flip",
      "audit",
      "calibrate",
    ])
      expect(c.stderr).toContain(name);
  });

  it("stops at a failed option check without running the command", () => {
    const out = mkdtempSync(join(tmpdir(), "pamir-check-"));
    const r = pamir("run", "scenarios/schelling-small.yaml", "--seed", "-3", "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/seed/);
    expect(r.stdout).toBe("");
    expect(readdirSync(out)).toEqual([]);
  });

  it("prints a JSON Schema with one branch per model", () => {
    const r = pamir("schema");
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    const text = JSON.stringify(schema);
    expect(text).toContain('"schelling"');
    expect(text).toContain('"wolf-sheep"');
  });

  it("validates the shipped scenarios", () => {
    const r = pamir(
      "validate",
      "scenarios/schelling-small.yaml",
      "scenarios/schelling-large.yaml",
      "scenarios/wolf-sheep-small.yaml",
      "scenarios/wolf-sheep-large.yaml",
      "scenarios/schelling-valley.yaml",
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(5);
  });
});
