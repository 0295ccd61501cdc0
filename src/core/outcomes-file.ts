/**
 * outcomes.csv: the outcome catalogue of the model(s) a study ran, written into its results folder
 * so the folder says what its columns mean without pamir's source (the report, `compare` and
 * `summarize` read it; pandas and R read it as any CSV). One row per outcome or series pattern:
 * name, unit, direction, dimensions (";"-separated), meaning, label, values (fixed dimension
 * values as `dim=a|b`, ";"-separated), kind (outcome or series), model, version.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { OutcomeCatalogue, OutcomeDirection, OutcomeSpec } from "./outcomes.js";
import { failure, inFile, problem, type Result } from "./problems.js";
import { unreadable } from "./read-file.js";

/** The file's name in a results folder. */
export const OUTCOMES_FILE = "outcomes.csv";

const HEADER = [
  "name",
  "unit",
  "direction",
  "dimensions",
  "meaning",
  "label",
  "values",
  "kind",
  "model",
  "version",
] as const;

const DIRECTIONS: readonly OutcomeDirection[] = ["lower", "higher", "none"];

/** One CSV cell, RFC 4180 quoting when needed. */
function cell(s: string): string {
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The row of one spec. */
function specRow(s: OutcomeSpec, kind: "outcome" | "series", c: OutcomeCatalogue): string[] {
  const values = Object.entries(s.values ?? {}).map(([d, v]) => `${d}=${v.join("|")}`);
  return [
    s.name,
    s.unit,
    s.direction,
    s.dimensions.join(";"),
    s.meaning,
    s.label ?? "",
    values.join(";"),
    kind,
    c.model,
    c.version,
  ];
}

/** The text of outcomes.csv for `catalogues` (each model once, in the order given). */
export function outcomesCsv(catalogues: readonly OutcomeCatalogue[]): string {
  const rows = [
    [...HEADER],
    ...catalogues.flatMap((c) => [
      ...c.outcomes.map((s) => specRow(s, "outcome", c)),
      ...c.series.map((s) => specRow(s, "series", c)),
    ]),
  ];
  return rows.map((r) => `${r.map(cell).join(",")}\n`).join("");
}

/** Split CSV text into rows of cells (RFC 4180: quoted cells may hold commas, quotes and newlines). */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cur);
      cur = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cur);
      rows.push(row);
      row = [];
      cur = "";
    } else cur += ch;
  }
  if (cur !== "" || row.length > 0) rows.push([...row, cur]);
  return rows;
}

/** The fixed values column back as a record (`agency=border|police` → { agency: [...] }). */
function parseValues(text: string): Record<string, string[]> | undefined {
  if (text === "") return undefined;
  const out: Record<string, string[]> = {};
  for (const part of text.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) out[part.slice(0, eq)] = part.slice(eq + 1).split("|");
  }
  return out;
}

/** The catalogues an outcomes.csv holds, or the first row that is not one of its rows. */
export function parseOutcomesCsv(text: string, file = OUTCOMES_FILE): Result<OutcomeCatalogue[]> {
  const rows = csvRows(text);
  if (rows[0]?.join(",") !== HEADER.join(","))
    return failure(inFile(problem("results", "(header)", `the header is not ${HEADER.join(",")}`), file, 1));
  const byModel = new Map<
    string,
    { model: string; version: string; outcomes: OutcomeSpec[]; series: OutcomeSpec[] }
  >();
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.length === 1 && r[0] === "") continue;
    const [name, unit, direction, dims, meaning, label, values, kind, model, version] = r;
    const ok =
      r.length === HEADER.length &&
      DIRECTIONS.includes(direction as OutcomeDirection) &&
      (kind === "outcome" || kind === "series");
    if (!ok)
      return failure(
        inFile(problem("results", `(row ${i})`, `not a row of ${HEADER.join(",")}`), file, i + 1),
      );
    const key = `${model}\u0000${version}`;
    const c = byModel.get(key) ?? { model: model!, version: version!, outcomes: [], series: [] };
    byModel.set(key, c);
    const spec: OutcomeSpec = {
      name: name!,
      unit: unit!,
      meaning: meaning!,
      direction: direction as OutcomeDirection,
      dimensions: dims === "" ? [] : dims!.split(";"),
    };
    if (label !== "") spec.label = label;
    const fixed = parseValues(values!);
    if (fixed) spec.values = fixed;
    (kind === "outcome" ? c.outcomes : c.series).push(spec);
  }
  return { ok: true, value: [...byModel.values()] };
}

/** The catalogues of the results folder `dir`: undefined when it has no outcomes.csv (an older folder). */
export function readOutcomesFile(dir: string): Result<OutcomeCatalogue[]> | undefined {
  const path = join(dir, OUTCOMES_FILE);
  if (!existsSync(path)) return undefined;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    return failure(unreadable(path, err));
  }
  return parseOutcomesCsv(text, path);
}
