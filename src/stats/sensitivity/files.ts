/**
 * sensitivity.json and sensitivity.csv in a results folder. The JSON is the whole report (NaN as
 * null); the CSV one row per scenario × cell × outcome × factor — Saltelli: S1, ST and their
 * interval ends, then one row per factor pair "a:b" with S2; Morris: μ, μ*, its interval, σ;
 * LHS / Sobol sequence: PRCC, its interval and p-value.
 * Numbers are in JavaScript's shortest round-trip form, undefined ones empty cells. Both are
 * written to a temporary name and renamed.
 */

import { rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Failure, failure, problem } from "../../core/problems.js";
import { csvCell } from "../summary-csv.js";
import type { SensitivityReport } from "./analyse.js";
import type { Interval } from "./intervals.js";
import { cellText } from "./sample-means.js";

/** File names inside a results folder. */
export const SENSITIVITY_FILES = { json: "sensitivity.json", csv: "sensitivity.csv" } as const;

const num = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? String(v) : "");
const iv = (i: Interval | undefined) => [num(i?.value), num(i?.low), num(i?.high)];

/** The report as CSV text. */
export function sensitivityCsv(report: SensitivityReport): string {
  const saltelli = report.design === "saltelli";
  let header = saltelli
    ? ["S1", "S1_low", "S1_high", "ST", "ST_low", "ST_high", "S2", "S2_low", "S2_high"]
    : ["mu", "mu_star", "mu_star_low", "mu_star_high", "sigma", "n"];
  if (report.method === "prcc") header = ["PRCC", "PRCC_low", "PRCC_high", "p"];
  const lines = [["scenario", "cell", "outcome", "factor", ...header, "used", "dropped"].join(",")];
  for (const r of report.results) {
    const lead = [r.scenario, cellText(r.cell), r.outcome];
    const tail = [String(r.used), String(r.dropped)];
    const rows: string[][] = [];
    for (const f of r.sobol ?? []) rows.push([f.factor, ...iv(f.s1), ...iv(f.st), "", "", ""]);
    for (const p of r.pairs ?? []) rows.push([`${p.a}:${p.b}`, "", "", "", "", "", "", ...iv(p.s2)]);
    for (const f of r.morris ?? [])
      rows.push([f.factor, num(f.mu), ...iv(f.muStar), num(f.sigma), String(f.n)]);
    for (const f of r.prcc ?? []) rows.push([f.factor, ...iv(f.prcc), num(f.p)]);
    for (const row of rows) lines.push([...lead, ...row, ...tail].map(csvCell).join(","));
  }
  return `${lines.join("\n")}\n`;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  await writeFile(`${path}.tmp`, text);
  await rename(`${path}.tmp`, path);
}

/** Write both files into `dir`; returns their paths or why they could not be written. */
export async function writeSensitivity(
  dir: string,
  report: SensitivityReport,
): Promise<{ ok: true; files: { json: string; csv: string } } | Failure> {
  const files = { json: join(dir, SENSITIVITY_FILES.json), csv: join(dir, SENSITIVITY_FILES.csv) };
  try {
    await writeAtomically(files.json, `${JSON.stringify(report, null, 2)}\n`);
    await writeAtomically(files.csv, sensitivityCsv(report));
  } catch (err) {
    return failure(problem("file", "", `cannot write ${files.json}: ${(err as Error).message}`));
  }
  return { ok: true, files };
}
