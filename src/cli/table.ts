/** Plain-text tables for the terminal. */

/** Numbers in tables: the one format of every table (grouped digits, fixed significant figures, units). */
export { formatNumber } from "../core/number-format.js";

/** A cell that reads as a number (grouped digits, exponent, unit after a space, "—", "∞"): right-aligned. */
const NUMERIC = /^(-?[\d,]+(\.\d+)?(e[-+]\d+)?|-?∞|—)( \S+)?$/;

/** Render rows as an aligned table with a header rule; numeric-looking cells align right. */
export function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => NUMERIC.test(r[i] ?? "")));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
