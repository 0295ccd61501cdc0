/** `pamir query`: SQL over a study's tables through DuckDB; located errors with exit 2. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { pamir } from "./cli.js";

describe("pamir query", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "pamir-query-"));
    expect(pamir("study", "test/fixtures/studies/tiny.yaml", "--out", dir, "--quiet").code).toBe(0);
  }, 120_000);

  it("answers over the runs and series views with the values of runs.ndjson", () => {
    const lines = readFileSync(join(dir, "runs.ndjson"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const r = pamir(
      "query",
      dir,
      "SELECT id, seed, segregation FROM runs ORDER BY point, replicate",
      "--format",
      "json",
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const got = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(got).toEqual(lines.map((l) => ({ id: l.id, seed: l.seed, segregation: l.outcomes.segregation })));
    const s = pamir(
      "query",
      dir,
      "SELECT count(DISTINCT id) AS runs, min(tick) AS first FROM series",
      "--format",
      "csv",
    );
    expect(s.stdout.trim()).toBe("runs,first\n24,2");
  });

  it("prints an aligned table by default", () => {
    const r = pamir("query", dir, "SELECT reach, count(*) AS n FROM runs GROUP BY reach ORDER BY reach");
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split("\n")).toEqual(["reach   n", "-----  --", "far    12", "near   12"]);
  });

  it("says what is wrong with bad SQL or a folder without tables, exit 2", () => {
    const bad = pamir("query", dir, "SELEC 1");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^pamir: query: Parser Error: syntax error at or near "SELEC"/m);
    const empty = pamir("query", mkdtempSync(join(tmpdir(), "pamir-query-empty-")), "SELECT 1");
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/holds no Parquet tables/);
  });
});
