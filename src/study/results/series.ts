/**
 * Thinned per-tick series of one run (`every` k-th tick and the last), as a worker returns them
 * with the run's record; the results folder keeps them in series.parquet (study/tables/).
 */

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
