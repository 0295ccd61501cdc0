/**
 * The columns of runs.parquet and outcomes.parquet, fixed before any row is written so every part
 * and the compacted table agree. runs.parquet: one row per run — id, scenario, point, replicate,
 * seed, status, error, ticks, one typed column per factor (an object-valued factor split into
 * one column per leaf path, `params.a.b`), one per labelled factor (its arm label) and one per
 * scalar outcome. outcomes.parquet: the dimensioned outcomes (`price.<market>`…) in long form —
 * id, outcome, one column per dimension, value — so a per-market price is a filter, not a
 * column name to parse.
 */
import type { ManifestFactor } from "../results/manifest.js";
import type { ColumnType } from "./parquet.js";

/** A dimensioned outcome's name split into the catalogue's pattern and its dimension values. */
export interface OutcomeSplit {
  /** The outcome's pattern, e.g. `price.<market>`. */
  outcome: string;
  /** Dimension name → value, in the pattern's order. */
  dims: [string, string][];
}

/** Splits an outcome name when it is dimensioned, else undefined (a scalar outcome). */
export type SplitOutcome = (name: string) => OutcomeSplit | undefined;

/** No outcome is dimensioned: every outcome is a column of runs.parquet. */
export const NO_DIMENSIONS: SplitOutcome = () => undefined;

/** One factor leaf: its column, the factor path and the path inside an object value. */
export interface FactorColumn {
  name: string;
  path: string;
  leaf: string[];
  type: ColumnType;
}

/** The fixed columns of runs.parquet, in order. */
export const FIXED_COLUMNS: readonly { name: string; type: ColumnType }[] = [
  { name: "id", type: "STRING" },
  { name: "scenario", type: "STRING" },
  { name: "point", type: "INT32" },
  { name: "replicate", type: "INT32" },
  { name: "seed", type: "INT64" },
  { name: "status", type: "STRING" },
  { name: "error", type: "STRING" },
  { name: "ticks", type: "INT32" },
];

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** Leaf paths of a plain object (arrays and scalars are leaves), in key order. */
function leaves(v: Record<string, unknown>, prefix: string[] = [], out: string[][] = []): string[][] {
  for (const [k, x] of Object.entries(v)) {
    if (isPlainObject(x) && Object.keys(x).length > 0) leaves(x, [...prefix, k], out);
    else out.push([...prefix, k]);
  }
  return out;
}

/** The value at `leaf` inside `v` (undefined when absent). */
export function leafValue(v: unknown, leaf: readonly string[]): unknown {
  let x = v;
  for (const k of leaf) x = isPlainObject(x) ? x[k] : undefined;
  return x;
}

/** The narrowest column type holding every value (null and undefined are missing, not a type). */
export function typeOf(values: readonly unknown[], integer = false): ColumnType {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length > 0 && present.every((v) => typeof v === "boolean")) return "BOOLEAN";
  if (present.length > 0 && present.every((v) => typeof v === "number")) {
    const ints = (present as number[]).every((v) => Number.isInteger(v) && Math.abs(v) < 2 ** 31);
    return ints || (integer && present.length === 0) ? "INT32" : "DOUBLE";
  }
  return "STRING";
}

/** A value as its column holds it: strings of non-string values are JSON. */
export function cellOf(v: unknown, type: ColumnType): unknown {
  if (v === null || v === undefined) return null;
  if (type === "STRING") return typeof v === "string" ? v : JSON.stringify(v);
  if (type === "DOUBLE" || type === "INT32" || type === "INT64")
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  return v;
}

/** The factor columns of a study's factors, named by path; a name taken by an earlier column gets `factor.`. */
export function factorColumns(factors: readonly ManifestFactor[], used: Set<string>): FactorColumn[] {
  const out: FactorColumn[] = [];
  const take = (n: string) => {
    const name = used.has(n) ? `factor.${n}` : n;
    used.add(name);
    return name;
  };
  for (const f of factors) {
    if (f.kind === "range") {
      out.push({ name: take(f.path), path: f.path, leaf: [], type: f.integer ? "INT32" : "DOUBLE" });
      continue;
    }
    const objects = f.levels.length > 0 && f.levels.every(isPlainObject);
    if (!objects) {
      out.push({ name: take(f.path), path: f.path, leaf: [], type: typeOf(f.levels) });
      continue;
    }
    const paths = new Map<string, string[]>();
    for (const level of f.levels as Record<string, unknown>[])
      for (const l of leaves(level)) paths.set(l.join("."), l);
    for (const [dotted, leaf] of paths) {
      const type = typeOf(f.levels.map((level) => leafValue(level, leaf)));
      out.push({ name: take(`${f.path}.${dotted}`), path: f.path, leaf, type });
    }
  }
  return out;
}

/** The columns of runs.parquet beyond the fixed ones, and the dimension columns of outcomes.parquet. */
export interface RunsLayout {
  factors: FactorColumn[];
  /** Arm column name → labelled factor name. */
  arms: { name: string; factor: string }[];
  /** Scalar outcome column name → outcome name. */
  outcomes: { name: string; outcome: string }[];
  /** Dimension names of outcomes.parquet, in first-appearance order. */
  dims: string[];
  split: SplitOutcome;
}

/** The layout for `factors`, the labelled factors' names and the outcome names the rows carry. */
export function runsLayout(
  factors: readonly ManifestFactor[],
  armNames: readonly string[],
  outcomeNames: readonly string[],
  split: SplitOutcome,
): RunsLayout {
  const used = new Set(FIXED_COLUMNS.map((c) => c.name));
  const fcols = factorColumns(factors, used);
  const take = (n: string, group: string) => {
    const name = used.has(n) ? `${group}.${n}` : n;
    used.add(name);
    return name;
  };
  const arms = armNames.map((a) => ({ name: take(a, "arm"), factor: a }));
  const outcomes: RunsLayout["outcomes"] = [];
  const dims: string[] = [];
  for (const o of outcomeNames) {
    const s = split(o);
    if (!s) outcomes.push({ name: take(o, "outcome"), outcome: o });
    else for (const [d] of s.dims) if (!dims.includes(d)) dims.push(d);
  }
  return { factors: fcols, arms, outcomes, dims, split };
}
