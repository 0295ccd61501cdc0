/**
 * `pamir schema` and `pamir schema --study`: the JSON Schemas of scenario and study files, the
 * copies the package ships in schemas/ (written by `npm run schemas`), and the `$schema` key a
 * file may carry for editors, which pamir accepts and ignores.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { pamir, ROOT } from "./cli.js";

const printed = (...args: string[]) => {
  const r = pamir("schema", ...args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
};

const compile = (schema: Record<string, unknown>) => new Ajv2020({ strict: false }).compile(schema);

describe("pamir schema --study", () => {
  it("prints a JSON Schema that every shipped study file satisfies", () => {
    const valid = compile(printed("--study"));
    const dir = join(ROOT, "scenarios/studies");
    const files = readdirSync(dir).filter((f) => f.endsWith(".yaml"));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const ok = valid(parse(readFileSync(join(dir, f), "utf8")));
      expect(ok, `${f}: ${JSON.stringify(valid.errors)}`).toBe(true);
    }
  });

  it("rejects what the study loader rejects: an unknown key, a replicate count below 1", () => {
    const valid = compile(printed("--study"));
    expect(valid({ name: "x", scenario: "a.yaml", replicate: 3 })).toBe(false);
    expect(valid({ name: "x", scenario: "a.yaml", replicates: 0 })).toBe(false);
    expect(valid({ name: "x", scenario: "a.yaml", replicates: 2 })).toBe(true);
  });

  it("differs from the scenario schema", () => {
    const study = printed("--study");
    const scenario = printed();
    expect(Object.keys(study.properties as object)).toContain("factors");
    expect(JSON.stringify(scenario)).toContain('"model"');
  });
});

describe("the schema files the package ships", () => {
  it("are what pamir schema prints (run npm run schemas after changing a schema)", () => {
    const files = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).files as string[];
    expect(files).toContain("schemas");
    for (const [file, args] of [
      ["schemas/scenario.schema.json", []],
      ["schemas/study.schema.json", ["--study"]],
    ] as const) {
      const shipped = JSON.parse(readFileSync(join(ROOT, file), "utf8"));
      expect(shipped, `${file} is stale: run npm run schemas`).toEqual(printed(...args));
    }
  });
});

describe("a $schema key", () => {
  const dir = mkdtempSync(join(tmpdir(), "pamir-schema-key-"));
  const base = readFileSync(join(ROOT, "scenarios/schelling-small.yaml"), "utf8");

  it("is accepted in a scenario and changes nothing of its run", () => {
    const plain = join(dir, "plain.yaml");
    const marked = join(dir, "marked.yaml");
    writeFileSync(plain, base);
    writeFileSync(marked, `$schema: ../schemas/scenario.schema.json\n${base}`);
    expect(pamir("validate", marked).code).toBe(0);
    const a = JSON.parse(pamir("run", plain, "--json", "--ticks", "3").stdout);
    const b = JSON.parse(pamir("run", marked, "--json", "--ticks", "3").stdout);
    // Provenance names the command line and the input files, which differ by design.
    expect({ ...b, scenario: { ...b.scenario, file: "" }, provenance: null }).toEqual({
      ...a,
      scenario: { ...a.scenario, file: "" },
      provenance: null,
    });
  });

  it("is accepted in a study", () => {
    const study = join(dir, "study.yaml");
    const scenario = resolve(ROOT, "scenarios/schelling-small.yaml");
    writeFileSync(
      study,
      `$schema: ../schemas/study.schema.json\nname: marked\nscenario: ${scenario}\nreplicates: 2\n`,
    );
    const r = pamir("validate", study);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("must be a string, said at its line", () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, `$schema: 3\n${base}`);
    const r = pamir("validate", bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:1:\d+ {2}\["\$schema"\] {2}must be a string/);
  });
});
