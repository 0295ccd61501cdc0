/**
 * Names and labels of design points. A run may carry `arm` labels (factor name → label, e.g.
 * posture → "route-control"); otherwise its factor values (parameter path → value) label it, a
 * string as itself and any other value by its JSON.
 */
import type { RunRow } from "../core/run-row.js";

/** Label of one factor value: a string as it is, anything else as its JSON. */
export function valueLabel(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** The label of a run under a factor name: its arm label, else its factor value's; undefined if neither. */
export function labelOf(row: RunRow, name: string): string | undefined {
  const arm = row.arm?.[name];
  if (arm !== undefined) return arm;
  return Object.hasOwn(row.factors, name) ? valueLabel(row.factors[name]) : undefined;
}

/** Every factor name a grouping can use (arm names and factor paths), sorted. */
export function factorNames(rows: readonly RunRow[]): string[] {
  const names = new Set<string>();
  for (const r of rows) {
    for (const k of Object.keys(r.arm ?? {})) names.add(k);
    for (const k of Object.keys(r.factors)) names.add(k);
  }
  return [...names].sort();
}

/** Every outcome name any run reports, sorted. */
export function outcomeNames(rows: readonly RunRow[]): string[] {
  const names = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r.outcomes)) names.add(k);
  return [...names].sort();
}

/** "k=v k=v" naming a design point: its arm labels, or its factor values when it has none ("—" for neither). */
export function pointLabelText(p: {
  arm?: Record<string, string> | undefined;
  factors: Record<string, unknown>;
}): string {
  const labels: [string, unknown][] = p.arm ? Object.entries(p.arm) : Object.entries(p.factors);
  const parts = labels.map(([k, v]) => `${k}=${valueLabel(v)}`);
  return parts.length > 0 ? parts.join(" ") : "—";
}
