/**
 * runs.csv: the rows of runs.ndjson as one flat table that R (`read.csv`) and pandas
 * (`read_csv`) read directly. Columns: id, scenario, point, replicate, seed, status, error, one
 * per factor (by path), one per labelled factor (by name: its arm label), one per outcome (in
 * order of first appearance). Missing and non-finite numbers are empty cells (NA / NaN). A
 * failed run's `error` cell lists its problems as `kind path: message`, separated by "; ".
 */
import type { Problem } from "../../core/problems.js";
import type { RunRow } from "../../core/run-row.js";

const FIXED = ["id", "scenario", "point", "replicate", "seed", "status", "error"] as const;

/** The CSV columns of a study: fixed ones, factor paths, arm names, outcomes; a repeated name gets a prefix. */
export interface CsvColumns {
  header: string[];
  factors: string[];
  arms: string[];
  outcomes: string[];
}

/** Columns for the given factor paths, arm names and outcome names. */
export function csvColumns(factors: string[], arms: string[], outcomes: string[]): CsvColumns {
  const used = new Set<string>(FIXED);
  const name = (n: string, group: string) => {
    const out = used.has(n) ? `${group}.${n}` : n;
    used.add(out);
    return out;
  };
  const header = [
    ...FIXED,
    ...factors.map((f) => name(f, "factor")),
    ...arms.map((a) => name(a, "arm")),
    ...outcomes.map((o) => name(o, "outcome")),
  ];
  return { header, factors, arms, outcomes };
}

/** One CSV cell: RFC 4180 quoting when needed; objects as JSON; null, undefined and NaN empty. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  const s = typeof v === "string" ? v : typeof v === "boolean" ? String(v) : JSON.stringify(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The header line. */
export function csvHeader(cols: CsvColumns): string {
  return `${cols.header.map(csvCell).join(",")}\n`;
}

/** A failed run's problems in one cell (also runs.parquet's `error`). */
export function errorCell(problems: readonly Problem[] | undefined): string | undefined {
  if (!problems || problems.length === 0) return undefined;
  return problems.map((p) => `${p.kind}${p.path === "" ? "" : ` ${p.path}`}: ${p.message}`).join("; ");
}

/** One row as a CSV line. */
export function csvLine(cols: CsvColumns, row: RunRow): string {
  const cells: unknown[] = [
    row.id,
    row.scenario,
    row.point,
    row.replicate,
    row.seed,
    row.status,
    errorCell(row.problems),
    ...cols.factors.map((f) => row.factors[f]),
    ...cols.arms.map((a) => row.arm?.[a]),
    ...cols.outcomes.map((o) => row.outcomes[o]),
  ];
  return `${cells.map(csvCell).join(",")}\n`;
}
