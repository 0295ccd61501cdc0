/**
 * Run-length coding of integer layers for the map file: `[value, count, value, count, ...]` in
 * row-major order. Province layers are long runs of one value, so a 3,840-cell layer is a few
 * hundred numbers instead of one entry per cell.
 */

/** The runs of `layer` as flat [value, count] pairs. */
export function encodeRuns(layer: ArrayLike<number>): number[] {
  const runs: number[] = [];
  let i = 0;
  while (i < layer.length) {
    const v = layer[i]!;
    let j = i + 1;
    while (j < layer.length && layer[j] === v) j++;
    runs.push(v, j - i);
    i = j;
  }
  return runs;
}

/** Expand runs into `out`; returns a problem message when they do not fill it exactly, else undefined. */
export function decodeRuns(runs: readonly number[], out: Int32Array | Uint8Array): string | undefined {
  if (runs.length % 2 !== 0) return "must hold [value, count] pairs (an even number of entries)";
  let at = 0;
  for (let k = 0; k < runs.length; k += 2) {
    const v = runs[k]!;
    const n = runs[k + 1]!;
    if (!Number.isInteger(n) || n < 1) return `run ${k / 2} has count ${n}, not an integer ≥ 1`;
    if (at + n > out.length) return `runs cover more than the ${out.length} cells of the grid`;
    out.fill(v, at, at + n);
    at += n;
  }
  if (at !== out.length) return `runs cover ${at} cells, the grid has ${out.length}`;
  return undefined;
}
