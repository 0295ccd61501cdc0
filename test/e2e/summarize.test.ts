import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pamir, ROOT } from "./cli.js";

const copyFixture = (name: string): string => {
  const dir = join(mkdtempSync(join(tmpdir(), "pamir-summarize-")), name);
  cpSync(join(ROOT, "test/fixtures/results", name), dir, { recursive: true });
  return dir;
};

/** summary.csv as records keyed by header name. */
function readCsv(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(file, "utf8").trimEnd().split("\n");
  const cells = (l: string) => [...l.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1]!).slice(0, -1);
  const unquote = (c: string) => (c.startsWith('"') ? c.slice(1, -1).replaceAll('""', '"') : c);
  const names = cells(head!).map(unquote);
  return lines.map((l) => Object.fromEntries(cells(l).map((c, i) => [names[i]!, unquote(c)])));
}

const find = (rows: Record<string, string>[], point: string, outcome: string) => {
  const r = rows.find((x) => x.point === point && x.outcome === outcome);
  if (!r) throw new Error(`no row for point ${point}, ${outcome}`);
  return r;
};

describe("pamir summarize", () => {
  it("recomputes the summary of a results folder with hand-checkable numbers", () => {
    const dir = copyFixture("drill-route");
    const r = pamir("summarize", dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("16 runs (15 ok, 1 failed) in 5 design points");
    expect(r.stdout).toMatch(
      /^nexus\/p2\s+motive=criminal posture=incursion-drill\s+revenue\s+3\s+1\s+54\s.*\sn<10$/m,
    );
    // Every interval here rests on 2–6 runs: marked in the table, footnoted, and warned on stderr.
    // Casualties 1, 1, 4 (point 1) and 1, 2, 3 (point 4) have mean 2 and 2 − 4.303·se < 0: counts
    // that never go negative, so those two intervals are marked <0 as well.
    const lines = r.stdout.split("\n");
    const few = lines.filter((l) => / n<10( <0)?$/.test(l));
    const below = lines.filter((l) => / <0$/.test(l)).map((l) => l.split(/\s+/).slice(0, 1)[0]);
    expect(few.length).toBeGreaterThan(0);
    expect(below).toEqual(["nexus/p1", "nexus/p4"]);
    expect(r.stdout).toContain("n<10: the interval rests on fewer than 10 runs");
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      `pamir: warning: ${few.length} intervals rest on fewer than 10 runs (marked n<10)`,
      "pamir: warning: 2 intervals reach below 0 for values never negative (marked <0)",
    ]);
    const rows = readCsv(join(dir, "summary.csv"));
    expect(rows).toHaveLength(10); // 5 points × 2 outcomes
    // Point 2: revenue 50, 54, 58 and one failed run.
    const p2 = find(rows, "2", "revenue");
    expect(p2).toMatchObject({ scenario: "nexus", motive: "criminal", posture: "incursion-drill" });
    expect([p2.runs, p2.failed, p2.n, p2.missing]).toEqual(["4", "1", "3", "0"]);
    expect(Number(p2.mean)).toBe(54);
    expect(Number(p2.sd)).toBe(4);
    expect(Number(p2.se)).toBeCloseTo(4 / Math.sqrt(3), 12);
    // t(0.975, 2) = 4.303 (table): 54 ± 4.303·4/√3.
    expect(Number(p2.ci95_low)).toBeCloseTo(54 - (4.303 * 4) / Math.sqrt(3), 2);
    expect(Number(p2.ci95_high)).toBeCloseTo(54 + (4.303 * 4) / Math.sqrt(3), 2);
    expect(Number(p2.median)).toBe(54);
    // type 7: h = 2·0.05 = 0.1 → 50 + 0.1·4; h = 1.9 → 54 + 0.9·4.
    expect(Number(p2.p5)).toBeCloseTo(50.4, 12);
    expect(Number(p2.p95)).toBeCloseTo(57.6, 12);
    // Constant casualties 6, 6, 6: no spread, the interval is a point.
    const c2 = find(rows, "2", "casualties");
    expect([c2.mean, c2.sd, c2.ci95_low, c2.ci95_high]).toEqual(["6", "0", "6", "6"]);
    // Point 1: revenue 30, 31, 35 → mean 32, median 31, sd √7.
    const p1 = find(rows, "1", "revenue");
    expect(Number(p1.mean)).toBe(32);
    expect(Number(p1.median)).toBe(31);
    expect(Number(p1.sd)).toBeCloseTo(Math.sqrt(7), 12);
    const json = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    expect(json.runs).toEqual({ total: 16, ok: 15, failed: 1 });
    expect(json.points[2].outcomes.revenue.mean).toBe(54);
  });

  it("gives byte-identical files on a re-run and whatever order the lines are in", () => {
    const a = copyFixture("drill-route");
    const b = copyFixture("drill-route");
    const lines = readFileSync(join(b, "runs.ndjson"), "utf8").trimEnd().split("\n");
    const shuffled = lines.map((l, i) => [(i * 7) % lines.length, l] as const).sort((x, y) => x[0] - y[0]);
    writeFileSync(join(b, "runs.ndjson"), `${shuffled.map((x) => x[1]).join("\n")}\n`);
    expect(pamir("summarize", a).code).toBe(0);
    const first = readFileSync(join(a, "summary.csv"), "utf8");
    const firstJson = readFileSync(join(a, "summary.json"), "utf8");
    expect(pamir("summarize", a).code).toBe(0);
    expect(pamir("summarize", b).code).toBe(0);
    expect(readFileSync(join(a, "summary.csv"), "utf8")).toBe(first);
    expect(readFileSync(join(b, "summary.csv"), "utf8")).toBe(first);
    expect(readFileSync(join(b, "summary.json"), "utf8")).toBe(firstJson);
  });

  it("labels points without arms by their factor values and counts missing outcomes", () => {
    const dir = copyFixture("by-value");
    const r = pamir("summarize", dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('params.density=0.9 params.mix={"a":1,"b":2}');
    const rows = readCsv(join(dir, "summary.csv"));
    const moves = find(rows, "1", "moves");
    // moves: null, 20, 30 → one missing, mean 25.
    expect(moves).toMatchObject({
      "params.density": "0.9",
      "params.mix": '{"a":1,"b":2}',
      n: "2",
      missing: "1",
    });
    expect(Number(moves.mean)).toBe(25);
    expect(readFileSync(join(dir, "summary.csv"), "utf8")).toContain('"{""a"":1,""b"":2}"');
  });

  it("skips a torn last line and says so", () => {
    const dir = copyFixture("torn");
    const r = pamir("summarize", dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("3 runs (3 ok, 0 failed) in 2 design points");
    expect(r.stdout).toMatch(/torn last line/);
  });

  it("refuses a missing folder or one without runs.ndjson with exit code 2 and one line", () => {
    const missing = pamir("summarize", "results/no-such-study");
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toMatch(/no results directory results\/no-such-study/);
    const empty = pamir("summarize", mkdtempSync(join(tmpdir(), "pamir-empty-")));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/has no runs\.ndjson/);
  });
});
