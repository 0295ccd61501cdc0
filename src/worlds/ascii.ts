/**
 * ASCII-art maps: one text line per row, one character per cell, each character explained by a
 * legend entry. Parsing is independent of YAML; problems come back as (row, offset) so the loader
 * can place them at the exact character in the scenario file.
 */
import { type ProblemOf, problem } from "../core/problems.js";
import type { RegionInfo, RegionMap } from "../core/region-map.js";

/** A legend entry as the schema delivers it: a region's description without its character. */
export type LegendEntry = Omit<RegionInfo, "char">;

/** A problem in the map text: its data's `row` is 0-based (−1: the map as a whole), `index` a UTF-16 offset in the row. */
export type MapProblem = ProblemOf<"map">;

const at = (row: number, index: number, message: string): MapProblem =>
  problem("map", "", message, { row, index });

/** The cell grid (region = index into the legend characters), or every problem found in the text. */
export type AsciiCellsResult =
  | { ok: true; width: number; height: number; region: Int32Array }
  | { ok: false; problems: MapProblem[] };

/** A character as it reads inside quotes in a message (tabs and other controls escaped). */
function showChar(ch: string): string {
  return /^[\p{L}\p{N}\p{P}\p{S} ]$/u.test(ch) ? ch : JSON.stringify(ch).slice(1, -1);
}

/** The rows of `ascii`: its lines, with one trailing newline (the end of the last row) ignored. */
export function asciiRows(ascii: string): string[] {
  return (ascii.endsWith("\n") ? ascii.slice(0, -1) : ascii).split("\n");
}

/**
 * Read the cells of `ascii` against the legend characters `chars` (in legend order, which fixes
 * region numbering). Cells are code points, so a non-BMP character is one cell; spaces are
 * ordinary cells. Rows must all be as wide as row 1 and every character must be in the legend;
 * legend characters no cell uses are fine (one legend can serve several maps). Only the legend's
 * keys are needed, so the text is checked even while the legend entries themselves have problems.
 */
export function parseAsciiCells(ascii: string, chars: readonly string[]): AsciiCellsResult {
  const rows = asciiRows(ascii).map((line) => Array.from(line));
  const width = rows[0]?.length ?? 0;
  if (rows.every((r) => r.length === 0)) return { ok: false, problems: [at(-1, 0, "map is empty")] };

  const index = new Map(chars.map((ch, i) => [ch, i] as const));
  const problems: MapProblem[] = [];
  // One problem per unknown character (at its first cell), not one per cell: a wrong character
  // used all over a large map would otherwise bury everything else.
  const unknown = new Map<string, { row: number; index: number; count: number }>();
  const region = new Int32Array(rows.length * width);
  rows.forEach((cells, r) => {
    let offset = 0;
    cells.forEach((ch, c) => {
      const k = index.get(ch);
      if (k === undefined) {
        const seen = unknown.get(ch);
        if (seen) seen.count++;
        else unknown.set(ch, { row: r, index: offset, count: 1 });
      } else if (c < width) {
        region[r * width + c] = k;
      }
      if (c === width) {
        // A long row is located at its first cell too many.
        problems.push(at(r, offset, `row ${r + 1} has ${cells.length} cells, row 1 has ${width}`));
      }
      offset += ch.length;
    });
    if (cells.length < width) {
      // A short row is located just past its last cell, where the missing cells would be.
      problems.push(at(r, offset, `row ${r + 1} has ${cells.length} cells, row 1 has ${width}`));
    }
  });
  for (const [ch, first] of unknown) {
    const more = first.count > 1 ? ` (first of ${first.count} cells)` : "";
    problems.push(at(first.row, first.index, `'${showChar(ch)}' is not in the legend${more}`));
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, width, height: rows.length, region };
}

/** The RegionMap of a valid ASCII map; `legend` in legend order; `torus` if it wraps. Problems as for `parseAsciiCells`. */
export function parseAsciiMap(
  ascii: string,
  legend: readonly [string, LegendEntry][],
  torus = false,
): { ok: true; map: RegionMap } | { ok: false; problems: MapProblem[] } {
  const cells = parseAsciiCells(
    ascii,
    legend.map(([ch]) => ch),
  );
  if (!cells.ok) return cells;
  const regions: RegionInfo[] = legend.map(([char, e]) => ({
    char,
    province: e.province,
    ...(e.country === undefined ? {} : { country: e.country }),
    blocked: e.blocked,
    // Optional attributes appear only when set, so maps that do not use them read as before.
    ...(e.road ? { road: true } : {}),
    ...(e.crossing === undefined ? {} : { crossing: e.crossing }),
    ...(e.ruggedness === undefined ? {} : { ruggedness: e.ruggedness }),
  }));
  return {
    ok: true,
    map: { width: cells.width, height: cells.height, torus, region: cells.region, regions },
  };
}
