/**
 * Thinned per-tick series of one run, written to `series/<run id>.json` (`every` k-th tick and the
 * last). Written to a temporary name and renamed, so a crash never leaves half a file behind.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The series document of one run. */
export interface SeriesDocument {
  id: string;
  every: number;
  /** Tick numbers kept (1-based: the state after that tick). */
  ticks: number[];
  /** Series name → value after each kept tick. */
  series: Record<string, number[]>;
}

/** Keep ticks every, 2·every, … and always the last one, of series that `keep` accepts. */
export function thinSeries(
  id: string,
  series: Record<string, number[]>,
  ticks: number,
  every: number,
  keep: (name: string) => boolean,
): SeriesDocument {
  const kept: number[] = [];
  for (let t = every; t <= ticks; t += every) kept.push(t);
  if (ticks > 0 && kept[kept.length - 1] !== ticks) kept.push(ticks);
  const out: Record<string, number[]> = {};
  for (const [name, values] of Object.entries(series)) {
    if (keep(name)) out[name] = kept.map((t) => values[t - 1] ?? Number.NaN);
  }
  return { id, every, ticks: kept, series: out };
}

/** Write `doc` to `<dir>/<id>.json` (ids contain slashes, so this makes sub-folders per scenario and point). */
export function writeSeries(dir: string, doc: SeriesDocument): void {
  const path = join(dir, `${doc.id}.json`);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(doc)}\n`);
  renameSync(tmp, path);
}
