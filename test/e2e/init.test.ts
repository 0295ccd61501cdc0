/**
 * `pamir init [scenario|study] <file>`: the starting files are valid (pamir validate, and the
 * JSON Schema their modeline names), run, point at the schema the package ships, and an existing
 * file is kept unless --force.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { pamir, ROOT } from "./cli.js";

/** The schema file a written file's modeline names (a file URL, or a path relative to the file). */
function modelineSchema(file: string): string {
  const first = readFileSync(file, "utf8").split("\n")[0]!;
  const m = first.match(/^# yaml-language-server: \$schema=(\S+)$/);
  expect(m, first).not.toBeNull();
  const ref = m![1]!;
  return ref.startsWith("file:") ? fileURLToPath(ref) : resolve(dirname(file), ref);
}

/** Whether the YAML of `file` satisfies the JSON Schema at `schema`. */
function satisfies(file: string, schema: string): boolean {
  const valid = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(schema, "utf8")));
  const ok = valid(parse(readFileSync(file, "utf8")));
  if (!ok) console.error(valid.errors);
  return ok;
}

describe("pamir init", () => {
  const dir = mkdtempSync(join(tmpdir(), "pamir-init-"));
  const scenario = join(dir, "scenario.yaml");
  const study = join(dir, "study.yaml");

  it("writes a scenario that validates against pamir and its shipped schema, and runs", () => {
    const w = pamir("init", "scenario", scenario);
    expect(w.code, w.stderr).toBe(0);
    expect(w.stdout).toMatch(/wrote .*scenario\.yaml/);
    const schema = modelineSchema(scenario);
    expect(schema).toBe(join(ROOT, "schemas/scenario.schema.json"));
    expect(satisfies(scenario, schema)).toBe(true);
    const v = pamir("validate", scenario);
    expect(v.code, v.stderr).toBe(0);
    const r = pamir("run", scenario, "--ticks", "3", "--json");
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).ticks).toBe(3);
  });

  it("writes a scenario when given only the file", () => {
    const only = join(dir, "only.yaml");
    expect(pamir("init", only).code).toBe(0);
    expect(readFileSync(only, "utf8")).toBe(readFileSync(scenario, "utf8"));
  });

  it("writes a study on that scenario that validates, and runs once made small", () => {
    const w = pamir("init", "study", study, "--scenario", "scenario.yaml");
    expect(w.code, w.stderr).toBe(0);
    const schema = modelineSchema(study);
    expect(schema).toBe(join(ROOT, "schemas/study.schema.json"));
    expect(satisfies(study, schema)).toBe(true);
    const v = pamir("validate", study);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/2 point\(s\) × 10 replicate\(s\) = 20 runs/);
    // Run briefly: the same file with two replicates of five days.
    const small = join(dir, "small.yaml");
    const text = readFileSync(study, "utf8").replace(/^replicates: 10/m, "replicates: 2\nticks: 5");
    writeFileSync(small, text);
    const out = join(dir, "results");
    const r = pamir("study", small, "--workers", "1", "--out", out, "--quiet");
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, "runs.ndjson"), "utf8").trim().split("\n")).toHaveLength(4);
  });

  it("names the schema by a relative path when the file is inside the package", () => {
    const inside = join(ROOT, "results", `init-test-${process.pid}`);
    mkdirSync(inside, { recursive: true });
    try {
      const file = join(inside, "s.yaml");
      expect(pamir("init", file).code).toBe(0);
      expect(readFileSync(file, "utf8").split("\n")[0]).toBe(
        "# yaml-language-server: $schema=../../schemas/scenario.schema.json",
      );
      expect(existsSync(modelineSchema(file))).toBe(true);
    } finally {
      rmSync(inside, { recursive: true, force: true });
    }
  });

  it("keeps an existing file unless --force (exit 2)", () => {
    const file = join(dir, "kept.yaml");
    writeFileSync(file, "mine\n");
    const r = pamir("init", "scenario", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`pamir: ${file} exists; --force overwrites it\n`);
    expect(readFileSync(file, "utf8")).toBe("mine\n");
    expect(pamir("init", "scenario", file, "--force").code).toBe(0);
    expect(readFileSync(file, "utf8")).toMatch(/^# yaml-language-server/);
  });

  it("refuses a kind other than scenario or study (exit 2)", () => {
    const r = pamir("init", "calibration", join(dir, "c.yaml"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"calibration" is not scenario or study/);
    expect(existsSync(join(dir, "c.yaml"))).toBe(false);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));
});
