/**
 * discover.json and discover.csv in a results folder. The JSON is the whole report (NaN as
 * null); the CSV is the trajectory, one row per step: step, phase, coverage, density, mass, n,
 * k, restricted dimensions, whether it is the chosen box, then each factor's lower and upper
 * limit. Both are written to a temporary name and renamed.
 */

import { rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Failure, failure, problem } from "../../core/problems.js";
import { csvCell } from "../summary-csv.js";
import type { DiscoverReport } from "./discover.js";

/** File names inside a results folder. */
export const DISCOVER_FILES = { json: "discover.json", csv: "discover.csv" } as const;

const num = (v: number) => (Number.isFinite(v) ? String(v) : "");

/** The trajectory as CSV text. */
export function discoverCsv(report: DiscoverReport): string {
  const names = report.factors.map((f) => f.name);
  const header = ["step", "phase", "coverage", "density", "mass", "n", "k", "restricted", "chosen"];
  const lines = [[...header, ...names.flatMap((n) => [`${n}_min`, `${n}_max`])].map(csvCell).join(",")];
  for (const s of report.trajectory) {
    const stats = [s.coverage, s.density, s.mass, s.n, s.k, s.restricted].map(num);
    const limits = names.flatMap((n) => s.limits[n]!.map(num));
    const chosen = s.step === report.chosen.step ? "1" : "0";
    lines.push([String(s.step), s.phase, ...stats, chosen, ...limits].join(","));
  }
  return `${lines.join("\n")}\n`;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  await writeFile(`${path}.tmp`, text);
  await rename(`${path}.tmp`, path);
}

/** Write both files into `dir`; returns their paths or why they could not be written. */
export async function writeDiscover(
  dir: string,
  report: DiscoverReport,
): Promise<{ ok: true; files: { json: string; csv: string } } | Failure> {
  const files = { json: join(dir, DISCOVER_FILES.json), csv: join(dir, DISCOVER_FILES.csv) };
  try {
    await writeAtomically(files.json, `${JSON.stringify(report, null, 2)}\n`);
    await writeAtomically(files.csv, discoverCsv(report));
  } catch (err) {
    return failure(problem("file", "", `cannot write ${files.json}: ${(err as Error).message}`));
  }
  return { ok: true, files };
}
