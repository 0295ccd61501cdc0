/**
 * The Parquet tables of a finished study, read back with hyparquet and with DuckDB (an
 * independent implementation), hold exactly what runs.ndjson
 * holds: every row rebuilt from runs.parquet and outcomes.parquet equals its line (run time
 * aside), and the statistics of the rebuilt rows are summary.csv byte for byte; series.parquet
 * holds each run's thinned series as a fresh run of the same task gives them.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { problemLine } from "../../../../src/cli/problems.js";
import { describeColumn } from "../../../../src/core/outcomes.js";
import { readOutcomesFile } from "../../../../src/core/outcomes-file.js";
import type { RunRow } from "../../../../src/core/run-row.js";
import { summarizeRuns } from "../../../../src/stats/points.js";
import { summaryCsv } from "../../../../src/stats/summary-csv.js";
import { pointValues } from "../../../../src/study/designs/design.js";
import { type LoadedStudy, loadStudyFile } from "../../../../src/study/load.js";
import { coordsOf, runSeed } from "../../../../src/study/plan.js";
import type { Manifest } from "../../../../src/study/results/manifest.js";
import { runBatch } from "../../../../src/study/run/batch.js";
import { inlineExecutor } from "../../../../src/study/run/executor.js";
import { runStudy } from "../../../../src/study/run/runner.js";
import { readTable } from "../../../../src/study/tables/parquet.js";

function load(file: string): LoadedStudy {
  const r = loadStudyFile(file);
  if (!r.ok) throw new Error(r.problems.map(problemLine).join("\n"));
  return r.study;
}

async function runInto(study: LoadedStudy): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "pamir-tables-"));
  const opts = { out, workers: 1, mode: "auto" as const, version: "test" };
  const r = await runStudy(study, { ...opts, executor: (ctx) => inlineExecutor(ctx) });
  if (!r.ok || r.status !== "finished") throw new Error(`study did not finish: ${JSON.stringify(r)}`);
  return out;
}

/** runs.ndjson's rows without their run time. */
function ndjsonRows(dir: string): RunRow[] {
  return readFileSync(join(dir, "runs.ndjson"), "utf8")
    .trim()
    .split("\n")
    .map((l) => {
      const { durationMs: _, ...row } = JSON.parse(l);
      return row as RunRow;
    });
}

/** The value at a dotted leaf path set into `obj`. */
function setLeaf(obj: Record<string, unknown>, leaf: string[], v: unknown): void {
  let o = obj;
  for (const k of leaf.slice(0, -1)) {
    if (o[k] === undefined) o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  o[leaf[leaf.length - 1]!] = v;
}

/** Reads every row of a Parquet file as objects keyed by column name. */
type Reader = (path: string) => Promise<Record<string, unknown>[]>;

/** DuckDB as the reader: a different Parquet implementation (C++) from the one that wrote the files. */
const duckdb: Reader = async (path) => {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  try {
    const r = await con.runAndReadAll(`SELECT * FROM read_parquet('${path.replaceAll("'", "''")}')`);
    return r.getRowObjects() as Record<string, unknown>[];
  } finally {
    con.closeSync();
    db.closeSync();
  }
};
const READERS: [string, Reader][] = [
  ["hyparquet", (path) => readTable(path)],
  ["DuckDB", duckdb],
];

/** Rows rebuilt from runs.parquet and outcomes.parquet alone (and the manifest's factor paths). */
async function tableRows(dir: string, read: Reader): Promise<RunRow[]> {
  const m = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
  const runs = await read(join(dir, "runs.parquet"));
  const long = await read(join(dir, "outcomes.parquet"));
  const fixed = ["id", "scenario", "point", "replicate", "seed", "status", "error", "ticks"];
  const arms = Object.keys(m.arms);
  const byId = new Map<string, RunRow>();
  const rows = runs.map((r) => {
    const factors: Record<string, unknown> = {};
    const used = new Set([...fixed, ...arms]);
    for (const f of m.factors) {
      if (f.path in r) {
        factors[f.path] = r[f.path];
        used.add(f.path);
        continue;
      }
      const obj: Record<string, unknown> = {};
      for (const k of Object.keys(r).filter((c) => c.startsWith(`${f.path}.`))) {
        setLeaf(obj, k.slice(f.path.length + 1).split("."), r[k]);
        used.add(k);
      }
      factors[f.path] = obj;
    }
    const outcomes: Record<string, number | null> = {};
    // A failed run has no outcomes: its columns are empty.
    // An outcome named like a fixed column has the `outcome.` prefix (as in runs.csv).
    const outcomeName = (k: string) =>
      k.startsWith("outcome.") && fixed.includes(k.slice(8)) ? k.slice(8) : k;
    for (const k of Object.keys(r))
      if (!used.has(k) && r.status === "ok") outcomes[outcomeName(k)] = r[k] as number | null;
    const row = {
      id: r.id,
      scenario: r.scenario,
      point: r.point,
      replicate: r.replicate,
      seed: Number(r.seed),
      factors,
      ...(arms.length > 0 ? { arm: Object.fromEntries(arms.map((a) => [a, r[a]])) } : {}),
      status: r.status,
      ...(r.error !== null ? { error: r.error } : {}),
      ticks: r.ticks,
      outcomes,
    } as unknown as RunRow;
    byId.set(row.id, row);
    return row;
  });
  for (const o of long) {
    const name = (o.outcome as string).replace(
      /\{([A-Za-z_][A-Za-z0-9_]*)\}/g,
      (_, d: string) => o[d] as string,
    );
    byId.get(o.id as string)!.outcomes[name] = o.value as number | null;
  }
  return rows;
}

/** A run row as runs.parquet can hold it: problems as the one `error` text. */
function comparable(r: RunRow): unknown {
  const { problems, outcomes, ...rest } = r;
  const error = problems
    ?.map((p) => `${p.kind}${p.path === "" ? "" : ` ${p.path}`}: ${p.message}`)
    .join("; ");
  return {
    ...rest,
    ...(error ? { error } : {}),
    outcomes: Object.fromEntries(Object.entries(outcomes).sort()),
  };
}
const sortedOutcomes = (r: RunRow) => ({
  ...r,
  outcomes: Object.fromEntries(Object.entries(r.outcomes).sort()),
});

describe("the Parquet tables of a study", () => {
  for (const [reader, read] of READERS)
    for (const file of ["test/fixtures/studies/economy-tables.yaml", "test/fixtures/studies/failing.yaml"]) {
      it(`hold exactly the rows of runs.ndjson and give summary.csv byte for byte (${file}, read by ${reader})`, async () => {
        const dir = await runInto(load(file));
        const lines = ndjsonRows(dir);
        const rebuilt = await tableRows(dir, read);
        expect(rebuilt.map(sortedOutcomes)).toEqual(lines.map(comparable));
        // The statistics module's own summary of the rebuilt rows is the file it wrote from runs.ndjson.
        // In the lines' key order, which the summary's outcome order follows.
        const ordered = rebuilt.map((r, i) => ({
          ...r,
          outcomes: Object.fromEntries(
            Object.keys(lines[i]!.outcomes).map((k) => [k, r.outcomes[k] ?? null]),
          ),
        }));
        const catalogues = readOutcomesFile(dir);
        if (!catalogues?.ok) throw new Error("the study wrote no readable outcomes.csv");
        const unitOf = (o: string) => describeColumn(catalogues.value, o)?.spec.unit ?? "";
        expect(summaryCsv(summarizeRuns(ordered), unitOf)).toBe(
          readFileSync(join(dir, "summary.csv"), "utf8"),
        );
        // One file per table, no parts left, no file per run.
        expect(
          readdirSync(dir)
            .filter((f) => f.endsWith(".parquet"))
            .sort(),
        ).toEqual(
          file.includes("failing")
            ? ["outcomes.parquet", "runs.parquet"]
            : ["outcomes.parquet", "runs.parquet", "series.parquet"],
        );
        expect(readdirSync(dir)).not.toContain("parts");
        expect(readdirSync(dir)).not.toContain("series");
      }, 120_000);
    }

  it("split an object-valued factor into typed leaf columns and dimensioned outcomes into long rows", async () => {
    const dir = await runInto(load("test/fixtures/studies/economy-tables.yaml"));
    const runs = await readTable(join(dir, "runs.parquet"));
    expect(Object.keys(runs[0]!)).toEqual(
      expect.arrayContaining([
        "params.security.TJ.doctrine.border",
        "params.security.TJ.doctrine.corridor",
        "params.security.TJ.doctrine.capital",
        "params.security.TJ.corruption",
        "doctrine",
      ]),
    );
    expect(Object.keys(runs[0]!).some((k) => k.startsWith("price."))).toBe(false);
    const long = await readTable(join(dir, "outcomes.parquet"));
    const prices = long.filter((o) => o.outcome === "price.{market}");
    expect(prices.length).toBeGreaterThan(0);
    expect(prices.every((o) => typeof o.market === "string" && o.market !== "")).toBe(true);
  }, 120_000);

  it("hold each run's thinned series as a fresh run of the same task gives them", async () => {
    const study = load("test/fixtures/studies/economy-tables.yaml");
    const dir = await runInto(study);
    const series = await readTable(join(dir, "series.parquet"));
    // DuckDB reads the same rows.
    expect(await duckdb(join(dir, "series.parquet"))).toEqual(series);
    const shape = { keys: ["baseline"], points: study.design.points, replicates: study.input.replicates };
    const ctx = {
      hash: `${study.hash}-fresh`,
      scenarios: study.scenarios.map((s) => ({ key: s.key, file: s.file, text: s.text })),
      paths: study.design.factors.map((f) => f.path),
      ticks: study.input.ticks,
      keep: study.input.keep,
      series: study.input.series,
    };
    for (const index of [0, 3, 7]) {
      const c = coordsOf(shape, index);
      const id = `baseline/p${c.point}/r${c.replicate}`;
      const task = {
        index,
        id,
        scenario: 0,
        point: c.point,
        seed: runSeed(study.input.seed, id),
        values: pointValues(study.design, c.point),
      };
      const doc = runBatch(ctx, [task]).records[0]!.series!;
      const want = Object.entries(doc.series).flatMap(([name, vs]) =>
        doc.ticks.map((t, i) => ({
          id,
          tick: t,
          series: name,
          value: Number.isFinite(vs[i]) ? vs[i] : null,
        })),
      );
      expect(series.filter((r) => r.id === id)).toEqual(want);
    }
  }, 120_000);
});
