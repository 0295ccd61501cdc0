/**
 * Report bench: `pamir report` on a synthetic 10 000-run drill-vs-route results folder (4 arms ×
 * 2 500 runs, about 190 outcomes a run including per-province columns, per-tick series files, and
 * summary.json/csv as a finished study leaves them), end to end in a fresh process as a user runs
 * it (Node start, module loading, reading, statistics, charts, maps, writing), median of 3; once
 * more without summary.json (the report then computes every statistic itself); and the build
 * alone in this process. Target: < 10 s. `--quick` times 400 runs once, with summary.json only.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PAMIR_VERSION } from "../src/cli/version.js";
import { buildReport } from "../src/report/build.js";
import { writeSummary } from "../src/stats/write-summary.js";
import { median } from "./measure.js";
import { writeSyntheticResults } from "./synthetic-results.js";

const MAIN = fileURLToPath(new URL("../src/cli/main.js", import.meta.url));

/** One line per figure. */
export async function benchReport(quick: boolean): Promise<string[]> {
  const runs = quick ? 400 : 10_000;
  const repeats = quick ? 1 : 3;
  const dir = mkdtempSync(join(tmpdir(), "pamir-bench-report-"));
  try {
    const t0 = performance.now();
    writeSyntheticResults(dir, { replicates: runs / 4 });
    const genMs = performance.now() - t0;
    const runsMb = statSync(join(dir, "runs.ndjson")).size / 1e6;
    const out = join(dir, "report.html");
    const summarized = await writeSummary(dir);
    if (!summarized.ok) throw new Error(summarized.problems[0]!.message);
    const fresh = () => {
      const t = performance.now();
      const r = spawnSync(process.execPath, [MAIN, "report", dir, "--out", out], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`pamir report failed: ${r.stderr}`);
      return performance.now() - t;
    };
    const cli: number[] = [];
    for (let k = 0; k < repeats; k++) cli.push(fresh());
    const inProcess: number[] = [];
    for (let k = 0; k < repeats; k++) {
      const t = performance.now();
      const r = await buildReport(dir, { version: PAMIR_VERSION });
      inProcess.push(performance.now() - t);
      if (!r.ok) throw new Error(r.problems[0]!.message);
    }
    const kb = statSync(out).size / 1024;
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const lines = [
      `${runs}-run synthetic study (runs.ndjson ${runsMb.toFixed(0)} MB, ${runs} series files; generated in ${s(genMs)})`,
      `pamir report, fresh process: median ${s(median(cli))} over ${repeats} (${cli.map(s).join(", ")}; target < 10 s), ${kb.toFixed(0)} kB HTML`,
      `buildReport in process (modules loaded): median ${s(median(inProcess))} over ${repeats}`,
    ];
    if (!quick) {
      rmSync(join(dir, "summary.json"));
      lines.splice(2, 0, `without summary.json (every statistic recomputed), fresh process: ${s(fresh())}`);
    }
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
