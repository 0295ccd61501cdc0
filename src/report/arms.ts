/**
 * Which factors the report compares and the cells it compares them in. The policy lever (`by`,
 * e.g. posture) is compared within the levels of the hypothesis (`within`, e.g. motive); every
 * other factor is pooled. Labels keep their order of first appearance in the sorted runs, which
 * is the study's own order (first factor slowest), not the alphabet.
 */

import { failure, problem, type Result } from "../core/problems.js";
import type { RunRow } from "../core/run-row.js";
import { labelOf } from "../stats/labels.js";
import type { Manifest } from "../study/results/manifest.js";

/** Level label used when there is no `within` factor. */
export const ALL_RUNS = "all runs";

/** The runs sharing one `by` label within one `within` level. */
export interface Cell {
  /** The `within` label (ALL_RUNS without one). */
  level: string;
  /** The `by` label (ALL_RUNS without one). */
  label: string;
  /** "label · level", or just the label when there is one level. */
  name: string;
  /** Its runs, failed ones included, in sorted order. */
  rows: RunRow[];
  /** Design points (scenario/point) pooled in the cell. */
  points: number;
}

/** The comparison design of a report. */
export interface Arms {
  /** Factor whose arms are compared, or undefined when the study has no categorical factor. */
  by: string | undefined;
  /** Factor whose levels the arms are compared within, if any. */
  within: string | undefined;
  /** `by` labels in study order. */
  labels: string[];
  /** `within` labels in study order ([ALL_RUNS] without one). */
  levels: string[];
  /** Cells, level-major. */
  cells: Cell[];
  /** Other categorical factors, pooled inside each cell. */
  pooled: string[];
  /** Factors sampled over a range (LHS, Sobol, Saltelli, Morris): path names, for scatter plots. */
  ranges: string[];
  /** Runs without a `by` or `within` label, left out. */
  unlabelled: number;
}

/** A factor of the study as the report sees it. */
interface FactorKind {
  name: string;
  range: boolean;
  /** One value only: nothing to compare or pool. */
  constant: boolean;
}

/** Whether the values at `path` only restate the labels of arm `name` (one label per value and back). */
function restates(rows: readonly RunRow[], path: string, name: string): boolean {
  const label = new Map<string, string>();
  const value = new Map<string, string>();
  for (const r of rows) {
    const v = JSON.stringify(r.factors[path]);
    const l = r.arm?.[name];
    if (l === undefined || (label.get(v) ?? l) !== l || (value.get(l) ?? v) !== v) return false;
    label.set(v, l);
    value.set(l, v);
  }
  return true;
}

/** Factors of the study: from the manifest when there is one, else read off the runs. */
function studyFactors(rows: readonly RunRow[], manifest: Manifest | undefined): FactorKind[] {
  if (manifest && Array.isArray(manifest.factors)) {
    // Runs carry labels only for labelled factors; any other factor is found by its path.
    return manifest.factors.map((f) => ({
      name: f.kind === "values" && f.labels ? f.name : f.path,
      range: f.kind === "range",
      constant: f.kind === "values" && f.levels.length <= 1,
    }));
  }
  const first = rows[0];
  if (!first) return [];
  const distinct = (key: (r: RunRow) => unknown) => new Set(rows.map((r) => JSON.stringify(key(r)))).size;
  const labelled = Object.keys(first.arm ?? {}).map((name) => ({
    name,
    range: false,
    constant: distinct((r) => r.arm?.[name]) <= 1,
  }));
  // Without a manifest, paths that restate an arm's labels are that arm, and a path with many
  // distinct numbers is taken for a sampled range.
  const paths = Object.keys(first.factors).filter((p) => !labelled.some((l) => restates(rows, p, l.name)));
  const unlabelled = paths.map((p) => {
    const n = distinct((r) => r.factors[p]);
    return { name: p, range: n > 12 && typeof first.factors[p] === "number", constant: n <= 1 };
  });
  return [...labelled, ...unlabelled];
}

/** Choose `by` and `within` (options win), then group the runs into cells. */
export function chooseArms(
  rows: readonly RunRow[],
  manifest: Manifest | undefined,
  want: { by?: string | undefined; within?: string | undefined },
): Result<Arms> {
  const factors = studyFactors(rows, manifest);
  const categorical = factors.filter((f) => !f.range && !f.constant).map((f) => f.name);
  const known = factors.map((f) => f.name);
  for (const [opt, name] of [
    ["--by", want.by],
    ["--within", want.within],
  ] as const) {
    if (name !== undefined && !known.includes(name)) {
      return failure(
        problem(
          "option",
          "",
          `${opt}: no factor "${name}" in the study; factors: ${known.join(", ") || "(none)"}`,
        ),
      );
    }
  }
  if (want.by !== undefined && want.by === want.within) {
    return failure(problem("option", "", `--by and --within name the same factor "${want.by}"`));
  }
  // The question compares postures under motive hypotheses; otherwise the last factor is
  // taken for the lever and the first for the hypothesis (study files list the setting first).
  const by = want.by ?? (categorical.includes("posture") ? "posture" : categorical[categorical.length - 1]);
  const others = categorical.filter((f) => f !== by);
  const within = want.within ?? (others.includes("motive") ? "motive" : others[0]);
  const levelOf = (r: RunRow) => (within === undefined ? ALL_RUNS : labelOf(r, within));
  const labelIn = (r: RunRow) => (by === undefined ? ALL_RUNS : labelOf(r, by));
  const labels: string[] = [];
  const levels: string[] = [];
  const byKey = new Map<string, Cell & { pointKeys: Set<string> }>();
  let unlabelled = 0;
  for (const r of rows) {
    const level = levelOf(r);
    const label = labelIn(r);
    if (level === undefined || label === undefined) {
      unlabelled++;
      continue;
    }
    if (!levels.includes(level)) levels.push(level);
    if (!labels.includes(label)) labels.push(label);
    const key = JSON.stringify([level, label]);
    let cell = byKey.get(key);
    if (!cell) {
      cell = { level, label, name: label, rows: [], points: 0, pointKeys: new Set() };
      byKey.set(key, cell);
    }
    cell.rows.push(r);
    cell.pointKeys.add(`${r.scenario}/${r.point}`);
  }
  const cells: Cell[] = [];
  for (const level of levels) {
    for (const label of labels) {
      const c = byKey.get(JSON.stringify([level, label]));
      if (!c) continue;
      const name = levels.length > 1 ? `${label} · ${level}` : label;
      cells.push({ level, label, name, rows: c.rows, points: c.pointKeys.size });
    }
  }
  return {
    ok: true,
    value: {
      by,
      within,
      labels,
      levels,
      cells,
      pooled: others.filter((f) => f !== within),
      ranges: factors.filter((f) => f.range).map((f) => f.name),
      unlabelled,
    },
  };
}

/** The cell of a level and label, if it has runs. */
export function cellOf(arms: Arms, level: string, label: string): Cell | undefined {
  return arms.cells.find((c) => c.level === level && c.label === label);
}
