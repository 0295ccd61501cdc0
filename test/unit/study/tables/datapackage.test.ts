/**
 * datapackage.json: a Frictionless validator accepts it (a JSON Schema of the Tabular Data
 * Package, Tabular Data Resource and Table Schema specs, test/support/, run by ajv), its fields
 * are the Parquet files' columns with the types DuckDB reads them as, and outcome fields carry
 * the catalogue's unit and meaning.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { problemLine } from "../../../../src/cli/problems.js";
import { matchOutcome } from "../../../../src/core/outcomes.js";
import { loadStudyFile } from "../../../../src/study/load.js";
import { inlineExecutor } from "../../../../src/study/run/executor.js";
import { runStudy } from "../../../../src/study/run/runner.js";

const schema = JSON.parse(readFileSync("test/support/tabular-data-package.schema.json", "utf8"));
const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schema);

interface Resource {
  name: string;
  path: string;
  bytes: number;
  hash: string;
  schema: { fields: { name: string; type: string; unit?: string; description: string }[] };
}

/** DuckDB's column names and types of a Parquet file. */
async function describeParquet(path: string): Promise<[string, string][]> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  try {
    const r = await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path.replaceAll("'", "''")}')`);
    return r.getRows().map((row) => [String(row[0]), String(row[1])]);
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

const DUCK_TYPE: Record<string, string> = {
  VARCHAR: "string",
  INTEGER: "integer",
  BIGINT: "integer",
  DOUBLE: "number",
  BOOLEAN: "boolean",
};

describe("datapackage.json", () => {
  const loaded = loadStudyFile("test/fixtures/studies/economy-tables.yaml");
  if (!loaded.ok) throw new Error(loaded.problems.map(problemLine).join("\n"));
  const study = loaded.study;
  let dir = "";
  let pkg: { resources: Resource[] } & Record<string, unknown>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "pamir-datapackage-"));
    const opts = { out: dir, workers: 1, mode: "auto" as const, version: "test" };
    const r = await runStudy(study, { ...opts, executor: (ctx) => inlineExecutor(ctx) });
    expect(r).toMatchObject({ ok: true, status: "finished" });
    pkg = JSON.parse(readFileSync(join(dir, "datapackage.json"), "utf8"));
  }, 120_000);

  it("is a valid Tabular Data Package", () => {
    const ok = validate(pkg);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(pkg.resources.map((r) => r.name)).toEqual(["runs", "outcomes", "series"]);
  });

  it("is refused by the schema when broken (the check can fail)", () => {
    const broken = (f: (p: typeof pkg) => void) => {
      const copy = structuredClone(pkg);
      f(copy);
      return validate(copy);
    };
    expect(broken((p) => delete (p.resources[0] as Partial<Resource>).schema)).toBe(false);
    expect(broken((p) => (p.resources[0]!.schema.fields[0]!.type = "float"))).toBe(false);
    expect(broken((p) => (p.resources[1]!.name = "Outcomes"))).toBe(false);
    expect(broken((p) => (p.resources[2]!.path = "../series.parquet"))).toBe(false);
    expect(broken((p) => (p.resources = []))).toBe(false);
  });

  it("names each Parquet file's columns in order, with the types DuckDB reads, its size and hash", async () => {
    for (const r of pkg.resources) {
      const cols = await describeParquet(join(dir, r.path));
      expect(r.schema.fields.map((f) => [f.name, f.type])).toEqual(cols.map(([n, t]) => [n, DUCK_TYPE[t]]));
      const bytes = readFileSync(join(dir, r.path));
      expect(r.bytes).toBe(bytes.length);
      expect(r.hash).toBe(`sha256:${createHash("sha256").update(bytes).digest("hex")}`);
    }
  });

  it("gives each outcome column the unit and meaning of the model's catalogue", () => {
    const catalogue = study.scenarios[0]!.scenario.model.outcomes;
    const runs = pkg.resources[0]!.schema.fields;
    const outcomeFields = runs.filter((f) => matchOutcome(catalogue, f.name));
    expect(outcomeFields.length).toBeGreaterThan(10);
    for (const f of outcomeFields) {
      const spec = matchOutcome(catalogue, f.name)!.spec;
      expect(f.unit, f.name).toBe(spec.unit);
      expect(f.description, f.name).toContain(spec.meaning);
    }
  });
});
