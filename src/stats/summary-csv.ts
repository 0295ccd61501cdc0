/**
 * summary.csv: one row per design point × outcome, a flat table R (read.csv) and pandas read as is.
 * Columns: scenario, point, one per factor path (its value: a string as is, others as JSON), one
 * per arm name (its label), outcome, unit (from the folder's outcome catalogue; empty when it has
 * none or names no unit), runs, failed, then the statistics — the same factor and arm columns as
 * runs.csv. Numbers are in JavaScript's shortest round-trip form; undefined statistics
 * are empty cells.
 */
import { valueLabel } from "./labels.js";
import type { StudySummary } from "./points.js";

const STAT_COLUMNS = ["n", "missing", "mean", "sd", "se", "ciLow", "ciHigh", "median", "p5", "p95"] as const;
const STAT_HEADERS = ["n", "missing", "mean", "sd", "se", "ci95_low", "ci95_high", "median", "p5", "p95"];
const FIXED = ["scenario", "point", "outcome", "unit", "runs", "failed", ...STAT_HEADERS];

/** Quote a CSV cell when it needs it (RFC 4180; also cells with leading or trailing space). */
export function csvCell(s: string): string {
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function num(v: number): string {
  return Number.isFinite(v) ? String(v) : "";
}

/** Names in order of first appearance over the (sorted) points: stable for the same rows. */
function firstSeen(lists: Iterable<string[]>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const l of lists) {
    for (const k of l) {
      if (!seen.has(k)) {
        seen.add(k);
        out.push(k);
      }
    }
  }
  return out;
}

/**
 * Render a study summary as CSV text (header, then points in summary order, outcomes sorted);
 * `unitOf` gives each outcome's unit ("" when unknown).
 */
export function summaryCsv(summary: StudySummary, unitOf: (outcome: string) => string = () => ""): string {
  const factorCols = firstSeen(summary.points.map((p) => Object.keys(p.factors)));
  const armCols = firstSeen(summary.points.map((p) => Object.keys(p.arm ?? {})));
  // A name used twice gets its group as prefix, as in runs.csv.
  const used = new Set<string>(FIXED);
  const headerName = (n: string, group: string) => {
    const out = used.has(n) ? `${group}.${n}` : n;
    used.add(out);
    return out;
  };
  const header = [
    "scenario",
    "point",
    ...factorCols.map((f) => headerName(f, "factor")),
    ...armCols.map((a) => headerName(a, "arm")),
    "outcome",
    "unit",
    "runs",
    "failed",
    ...STAT_HEADERS,
  ];
  const lines = [header.map(csvCell).join(",")];
  for (const p of summary.points) {
    for (const name of summary.outcomes) {
      const s = p.outcomes[name];
      if (!s) continue;
      const cells = [
        p.scenario,
        String(p.point),
        ...factorCols.map((f) => (Object.hasOwn(p.factors, f) ? valueLabel(p.factors[f]) : "")),
        ...armCols.map((a) => p.arm?.[a] ?? ""),
        name,
        unitOf(name),
        String(p.runs),
        String(p.failed),
        ...STAT_COLUMNS.map((c) => num(s[c])),
      ];
      lines.push(cells.map(csvCell).join(","));
    }
  }
  return `${lines.join("\n")}\n`;
}
