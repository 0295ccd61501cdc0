/**
 * docs/model.md's parameter tables: every parameter row has a unit and a default, and where the
 * table has a source column the row names its source — a row of the targets sheet, a publication
 * or dataset (a year), the essay, a calibration or fit, a NetLogo original, or the word
 * "assumption". A row added without one fails here.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const MODEL_MD = new URL("../../docs/model.md", import.meta.url);
const SOURCED =
  /targets\.md|§\d|\bP\d+\b|assumption|fitted|calibrat|derived|NetLogo|essay|UNODC|Epstein|\b(19|20)\d{2}\b/i;

interface ParamRow {
  line: number;
  cells: Record<string, string>;
}

const cellsOf = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((c) => c.trim());

/** Every row of every table whose header starts with "parameter". */
function parameterRows(text: string): { header: string[]; rows: ParamRow[] }[] {
  const lines = text.split("\n");
  const tables: { header: string[]; rows: ParamRow[] }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\|\s*parameter\s*\|/i.test(lines[i]!)) continue;
    const header = cellsOf(lines[i]!).map((h) => h.toLowerCase());
    const rows: ParamRow[] = [];
    for (i += 2; i < lines.length && lines[i]!.startsWith("|"); i++) {
      const cells = cellsOf(lines[i]!);
      rows.push({ line: i + 1, cells: Object.fromEntries(header.map((h, k) => [h, cells[k] ?? ""])) });
    }
    tables.push({ header, rows });
  }
  return tables;
}

describe("docs/model.md parameter tables", () => {
  const tables = parameterRows(readFileSync(MODEL_MD, "utf8"));

  it("are there, with unit and default columns", () => {
    expect(tables.length).toBeGreaterThanOrEqual(8);
    for (const t of tables) {
      expect(t.header).toContain("unit");
      expect(t.header.some((h) => h.startsWith("default"))).toBe(true);
    }
  });

  it("give every parameter a unit, a default and, where the table has sources, its source", () => {
    const missing: string[] = [];
    for (const t of tables) {
      const def = t.header.find((h) => h.startsWith("default"))!;
      for (const r of t.rows) {
        const at = `docs/model.md:${r.line} ${r.cells.parameter}`;
        if (!r.cells.unit) missing.push(`${at}: no unit`);
        if (!r.cells[def]) missing.push(`${at}: no default`);
        if (t.header.includes("source") && !SOURCED.test(r.cells.source ?? ""))
          missing.push(`${at}: no source row or "assumption" (${r.cells.source})`);
      }
    }
    expect(missing).toEqual([]);
  });
});
