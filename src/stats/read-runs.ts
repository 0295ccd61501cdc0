/**
 * Stream a runs.ndjson file into sorted run records. A crash can leave a half-written last line
 * (appends are line-atomic only up to the crash), so an unparseable final line without its newline
 * is dropped and reported; an unparseable line anywhere else is corruption and an error.
 */
import { createReadStream } from "node:fs";
import { failure, type Problem, problem, type Result } from "../core/problems.js";
import { parseRunLine, type RunRow } from "../core/run-row.js";

/** What was read from a runs file. */
export interface RunsRead {
  /** Records, one per run id, sorted by scenario, point, replicate. */
  rows: RunRow[];
  /** True when a torn last line was discarded. */
  tornLine: boolean;
  /** Lines whose id repeated an earlier line's (the later line is kept). */
  duplicates: number;
}

/** Result of reading a runs file: the records, or a problem naming file and line. */
export type ReadRunsResult = Result<RunsRead>;

/** Order rows by scenario, point, replicate — so every statistic sees values in one fixed order. */
export function compareRows(a: RunRow, b: RunRow): number {
  if (a.scenario !== b.scenario) return a.scenario < b.scenario ? -1 : 1;
  if (a.point !== b.point) return a.point - b.point;
  return a.replicate - b.replicate;
}

/**
 * Read runs.ndjson line by line. When an id occurs twice the later line wins — appends are in time
 * order, so a run recorded again (e.g. re-run on resume) counts once, with its latest record.
 */
export async function readRuns(file: string): Promise<ReadRunsResult> {
  const byId = new Map<string, RunRow>();
  let duplicates = 0;
  let lineNo = 0;
  let pending = "";
  let bad: Problem | undefined;
  const take = (line: string): void => {
    lineNo++;
    if (bad || line.trim() === "") return;
    const parsed = parseRunLine(line);
    if (!parsed.ok) {
      const p = parsed.problems[0]!;
      const why = p.kind === "schema" ? `${p.path}: ${p.message}` : p.message;
      bad = { ...problem(p.kind, "", `${file}:${lineNo}: not a run record: ${why}`), file, line: lineNo };
      return;
    }
    const row = parsed.value;
    if (byId.has(row.id)) {
      duplicates++;
      byId.delete(row.id); // re-insert so map order stays append order
    }
    byId.set(row.id, row);
  };
  try {
    for await (const chunk of createReadStream(file, { encoding: "utf8" })) {
      pending += chunk as string;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const l of lines) take(l);
      if (bad) return failure(bad);
    }
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const code = e.code === undefined ? undefined : { code: e.code };
    return failure({ ...problem("file", "", `cannot read ${file}: ${e.code ?? e.message}`, code), file });
  }
  let tornLine = false;
  if (pending.trim() !== "") {
    let complete = true;
    try {
      JSON.parse(pending);
    } catch {
      complete = false;
    }
    // A line cut short is never valid JSON (a record closes with its last brace), so only an
    // unparseable tail is torn; a complete record merely missing its newline is kept.
    if (complete) take(pending);
    else tornLine = true;
    if (bad) return failure(bad);
  }
  const rows = [...byId.values()].sort(compareRows);
  return { ok: true, value: { rows, tornLine, duplicates } };
}
