/**
 * Per-tick series of a study, aggregated per cell: the mean and the 5th/95th percentiles (type 7)
 * over runs at each kept tick. Files are read one at a time and only the wanted series are kept,
 * so memory grows with cells × ticks × runs of those series, not with the files.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { quantiles } from "../../stats/describe.js";
import type { Cell } from "../arms.js";
import type { BandRow } from "./specs.js";

/** Aggregated series: band rows per series name, and how many runs had no series file. */
export interface SeriesBands {
  /** Series name → rows over cells and ticks. */
  bands: Map<string, BandRow[]>;
  /** Series names present in at least one file. */
  present: string[];
  /** Finished runs whose series file was missing or unreadable. */
  missingFiles: number;
  /** The first few of those files, relative to the results folder (to name them). */
  missingNames: string[];
  /** Finished runs whose series file was read: what the bands rest on. */
  usedRuns: number;
}

/** Read series/<run id>.json of every finished run in `cells`, keeping `names`. */
export function loadSeriesBands(dir: string, cells: Cell[], names: readonly string[]): SeriesBands {
  const present = new Set<string>();
  let missingFiles = 0;
  let usedRuns = 0;
  const missingNames: string[] = [];
  const bands = new Map<string, BandRow[]>();
  for (const cell of cells) {
    // tick → series → values over runs
    const byTick = new Map<number, Map<string, number[]>>();
    for (const r of cell.rows) {
      if (r.status !== "ok") continue;
      let doc: { ticks?: unknown; series?: Record<string, unknown> };
      try {
        doc = JSON.parse(readFileSync(join(dir, "series", `${r.id}.json`), "utf8"));
      } catch {
        missingFiles++;
        if (missingNames.length < 5) missingNames.push(`series/${r.id}.json`);
        continue;
      }
      usedRuns++;
      const ticks = Array.isArray(doc.ticks) ? (doc.ticks as number[]) : [];
      for (const name of names) {
        const values = doc.series?.[name];
        if (!Array.isArray(values)) continue;
        present.add(name);
        ticks.forEach((t, i) => {
          const v = values[i];
          if (typeof v !== "number" || !Number.isFinite(v)) return;
          let s = byTick.get(t);
          if (!s) {
            s = new Map();
            byTick.set(t, s);
          }
          let vs = s.get(name);
          if (!vs) {
            vs = [];
            s.set(name, vs);
          }
          vs.push(v);
        });
      }
    }
    for (const t of [...byTick.keys()].sort((a, b) => a - b)) {
      for (const [name, vs] of byTick.get(t)!) {
        const [lo, hi] = quantiles(vs, [0.05, 0.95]) as [number, number];
        let mean = 0;
        for (const v of vs) mean += v;
        mean /= vs.length;
        let rows = bands.get(name);
        if (!rows) {
          rows = [];
          bands.set(name, rows);
        }
        rows.push({ tick: t, level: cell.level, arm: cell.label, mean, lo, hi });
      }
    }
  }
  return { bands, present: names.filter((n) => present.has(n)), missingFiles, missingNames, usedRuns };
}
