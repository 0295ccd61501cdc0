/**
 * Tables bench: what the Parquet tables cost and weigh. A tiny-model study of 10 000 runs (the
 * 10 × 10 Schelling of bench/study.ts, with every tick's series kept) and a small study of the
 * nexus on the real map, each run on 2 workers: wall time, the time the session spent writing
 * parts and compacting (`execution.tablesMs` in the manifest) and its share of the wall time,
 * the most files the folder held while the study ran and at the end, and the size of
 * runs.ndjson, runs.csv, each table, and of the per-run series files the older folder format
 * would have written (computed from series.parquet: the JSON each run's file would hold).
 * `--quick` shrinks both; `--nexus-runs=N` sets the nexus study's size (default 16).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { problemLine } from "../src/cli/problems.js";
import { loadStudyFile } from "../src/study/load.js";
import { readManifest } from "../src/study/results/manifest.js";
import { runStudy } from "../src/study/run/runner.js";
import { forEachRow } from "../src/study/tables/parquet.js";
import { tinyStudy } from "./study.js";

/** Figures of one study. */
export interface TablesFigures {
  name: string;
  runs: number;
  wallMs: number;
  tablesMs: number;
  /** Most files in the folder (recursively) seen while it ran, and at the end. */
  maxFiles: number;
  endFiles: number;
  bytes: Record<string, number>;
}

/** Files under `dir`, recursively. */
function countFiles(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true }))
    n += e.isDirectory() ? countFiles(join(dir, e.name)) : 1;
  return n;
}

/** Bytes the older format's series/<run id>.json files would take: each run's `{ id, every, ticks, series }` line. */
async function legacySeriesBytes(file: string, every: number): Promise<number> {
  const docs = new Map<string, { ticks: number[]; series: Record<string, (number | null)[]> }>();
  await forEachRow(file, ["id", "tick", "series", "value"], (r) => {
    let d = docs.get(r.id as string);
    if (!d) {
      d = { ticks: [], series: {} };
      docs.set(r.id as string, d);
    }
    let s = d.series[r.series as string];
    if (!s) {
      s = [];
      d.series[r.series as string] = s;
    }
    if (Object.keys(d.series).length === 1) d.ticks.push(r.tick as number);
    s.push(r.value as number | null);
  });
  let bytes = 0;
  for (const [id, d] of docs) bytes += Buffer.byteLength(`${JSON.stringify({ id, every, ...d })}\n`);
  return bytes;
}

/** Run the study file `file` on 2 workers into a fresh folder and measure it. */
export async function measureTables(name: string, file: string): Promise<TablesFigures> {
  const loaded = loadStudyFile(file);
  if (!loaded.ok) throw new Error(loaded.problems.map(problemLine).join("\n"));
  const out = mkdtempSync(join(tmpdir(), "pamir-bench-tables-"));
  try {
    let maxFiles = 0;
    let lastCount = 0;
    const onProgress = () => {
      // Counting is itself I/O: at most every 250 ms.
      if (performance.now() - lastCount < 250) return;
      lastCount = performance.now();
      maxFiles = Math.max(maxFiles, countFiles(out));
    };
    const t0 = performance.now();
    const r = await runStudy(loaded.study, { out, workers: 2, mode: "force", version: "bench", onProgress });
    const wallMs = performance.now() - t0;
    if (!r.ok || r.status !== "finished") throw new Error(`study did not finish: ${JSON.stringify(r)}`);
    const endFiles = countFiles(out);
    const bytes: Record<string, number> = {};
    for (const f of ["runs.ndjson", "runs.csv", "runs.parquet", "outcomes.parquet", "series.parquet"])
      if (existsSync(join(out, f))) bytes[f] = statSync(join(out, f)).size;
    const every = loaded.study.input.series?.every;
    if (every !== undefined)
      bytes["series/*.json (older format)"] = await legacySeriesBytes(join(out, "series.parquet"), every);
    const tablesMs = readManifest(out)?.execution?.tablesMs ?? Number.NaN;
    return {
      name,
      runs: r.counts.done,
      wallMs,
      tablesMs,
      maxFiles: Math.max(maxFiles, endFiles),
      endFiles,
      bytes,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const mb = (b: number) => `${(b / 1e6).toFixed(b < 1e6 ? 3 : 1)} MB`;

/** The figures as lines. */
export function tablesLines(f: TablesFigures): string[] {
  const share = (100 * f.tablesMs) / f.wallMs;
  return [
    `${f.name}: ${f.runs} runs in ${(f.wallMs / 1000).toFixed(1)} s; tables ${(f.tablesMs / 1000).toFixed(2)} s (${share.toFixed(1)} %)`,
    `  files: at most ${f.maxFiles} while running, ${f.endFiles} at the end`,
    `  sizes: ${Object.entries(f.bytes)
      .map(([k, b]) => `${k} ${mb(b)} (${Math.round(b / f.runs)} B/run)`)
      .join(", ")}`,
  ];
}

/** The study files the bench runs: the tiny study with series, and a nexus study on the real map. */
function studies(dir: string, quick: boolean, nexusRuns: number): [string, string][] {
  const tiny = tinyStudy(dir, quick ? 400 : 10_000);
  writeFileSync(tiny, `${readFileSync(tiny)}series: { every: 1 }\n`);
  const nexus = join(dir, "nexus.yaml");
  const base = resolve("scenarios/central-asia-route-control.yaml");
  writeFileSync(
    nexus,
    `name: bench nexus\nscenario: ${base}\nreplicates: ${quick ? 2 : nexusRuns}\n${quick ? "ticks: 30\n" : ""}` +
      "series: { every: 10 }\n",
  );
  return [
    [`tiny Schelling study (10 × 10, 5 ticks, series every tick)`, tiny],
    [
      `nexus on the real map (central-asia-route-control${quick ? ", 30 days" : ", 360 days"}, series every 10)`,
      nexus,
    ],
  ];
}

/** Every figure, as lines. */
export async function benchTables(quick: boolean, nexusRuns = 16): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "pamir-bench-tables-in-"));
  try {
    const lines: string[] = [];
    for (const [name, file] of studies(dir, quick, nexusRuns))
      lines.push(...tablesLines(await measureTables(name, file)));
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = process.argv.find((a) => a.startsWith("--nexus-runs="));
  for (const l of await benchTables(process.argv.includes("--quick"), n ? Number(n.slice(13)) : 16))
    console.log(l);
}
