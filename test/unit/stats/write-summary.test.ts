import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { OutcomeCatalogue, OutcomeSpec } from "../../../src/core/outcomes.js";
import { outcomesCsv } from "../../../src/core/outcomes-file.js";
import { summarizeRuns } from "../../../src/stats/points.js";
import { writeSummary } from "../../../src/stats/write-summary.js";
import { row } from "./rows.js";

const FIXTURES = new URL("../../fixtures/results/", import.meta.url).pathname;
const copyFixture = (name: string): string => {
  const dir = join(mkdtempSync(join(tmpdir(), "pamir-summary-")), name);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
};

describe("summarizeRuns", () => {
  it("leaves failed runs out of the statistics and counts them per point and overall", () => {
    const s = summarizeRuns([
      row("s", 0, 0, { outcomes: { y: 1 } }),
      row("s", 0, 1, { status: "failed" }),
      row("s", 0, 2, { outcomes: { y: 3 } }),
      row("s", 1, 0, { status: "failed" }),
    ]);
    expect(s.runs).toEqual({ total: 4, ok: 2, failed: 2 });
    expect(s.points.map((p) => [p.point, p.runs, p.failed])).toEqual([
      [0, 3, 1],
      [1, 1, 1],
    ]);
    expect(s.points[0]!.outcomes.y!.n).toBe(2);
    expect(s.points[0]!.outcomes.y!.mean).toBe(2);
    // A point whose runs all failed still lists the outcome, with n = 0.
    expect(s.points[1]!.outcomes.y!.n).toBe(0);
    expect(s.points[1]!.outcomes.y!.mean).toBeNaN();
  });

  it("counts finished runs without a finite value as missing", () => {
    const s = summarizeRuns([
      row("s", 0, 0, { outcomes: { y: 1, z: 5 } }),
      row("s", 0, 1, { outcomes: { y: null, z: 7 } }),
      row("s", 0, 2, { outcomes: { z: 9 } }),
    ]);
    expect(s.outcomes).toEqual(["y", "z"]);
    expect(s.points[0]!.outcomes.y).toMatchObject({ n: 1, missing: 2, mean: 1 });
    expect(s.points[0]!.outcomes.z).toMatchObject({ n: 3, missing: 0, mean: 7, median: 7 });
  });
});

describe("writeSummary", () => {
  it("writes summary.json and summary.csv that do not depend on line order", async () => {
    const a = copyFixture("drill-route");
    const b = copyFixture("drill-route");
    const lines = readFileSync(join(b, "runs.ndjson"), "utf8").trimEnd().split("\n");
    writeFileSync(join(b, "runs.ndjson"), `${lines.reverse().join("\n")}\n`);
    expect(await writeSummary(a)).toEqual({ ok: true });
    expect(await writeSummary(b)).toEqual({ ok: true });
    for (const f of ["summary.json", "summary.csv"]) {
      const text = readFileSync(join(a, f), "utf8");
      expect(text.length).toBeGreaterThan(200);
      expect(readFileSync(join(b, f), "utf8")).toBe(text);
    }
  });

  it("gives each outcome the unit of the folder's outcomes.csv, empty where it names none", async () => {
    const dir = copyFixture("drill-route");
    const revenue: OutcomeSpec = {
      name: "revenue",
      unit: "USD",
      meaning: "Tax raised.",
      direction: "higher",
      dimensions: [],
    };
    const catalogue: OutcomeCatalogue = { model: "nexus", version: "t", outcomes: [revenue], series: [] };
    writeFileSync(join(dir, "outcomes.csv"), outcomesCsv([catalogue]));
    expect(await writeSummary(dir)).toEqual({ ok: true });
    const [header, ...rows] = readFileSync(join(dir, "summary.csv"), "utf8").trimEnd().split("\n");
    const cols = header!.split(",");
    const unitAt = cols.indexOf("unit");
    expect(cols[unitAt - 1]).toBe("outcome");
    const units = new Map(rows.map((r) => [r.split(",")[unitAt - 1], r.split(",")[unitAt]]));
    expect(Object.fromEntries(units)).toEqual({ revenue: "USD", casualties: "" });
  });

  it("refuses a broken outcomes.csv with its location", async () => {
    const dir = copyFixture("drill-route");
    writeFileSync(join(dir, "outcomes.csv"), "name,unit\nrevenue\n");
    const r = await writeSummary(dir);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.file).toContain("outcomes.csv");
  });

  it("ignores a torn last line", async () => {
    const dir = copyFixture("torn");
    expect(await writeSummary(dir)).toEqual({ ok: true });
    const s = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    expect(s.runs.total).toBe(3);
    expect(s.points.map((p: { runs: number }) => p.runs)).toEqual([2, 1]);
  });

  it("returns an error value for a directory without runs.ndjson", async () => {
    const r = await writeSummary(mkdtempSync(join(tmpdir(), "pamir-empty-")));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/has no runs\.ndjson/);
    const missing = await writeSummary("/nonexistent/study");
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problems[0]!.message).toBe("no results directory /nonexistent/study");
  });
});
