/**
 * SQL over a results folder with DuckDB: views `runs`, `outcomes` and `series` over its Parquet
 * tables — the compacted files of a finished study, or the parts of one still running or
 * interrupted (those whose write has finished; a series part may then repeat a run that was
 * done again after a crash). DuckDB is a large native module: it is imported here, when a query
 * is asked for, never at start.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { TABLES } from "./compact.js";
import { readableParts } from "./parts.js";

/** A query's answer: column names and rows of plain values (integers beyond 2⁵³ as strings). */
export interface QueryResult {
  columns: string[];
  rows: unknown[][];
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The view statements for the tables `dir` holds (none when it holds no Parquet table). */
export function viewStatements(dir: string): string[] {
  const out: string[] = [];
  const view = (name: string, file: string, kind?: "runs" | "series") => {
    if (existsSync(join(dir, file)))
      out.push(`CREATE VIEW ${name} AS SELECT * FROM read_parquet(${quote(join(dir, file))})`);
    else if (kind) {
      // Named one by one, not globbed: a part being written, or cut short by a crash, is left out.
      const parts = readableParts(dir, kind);
      if (parts.length > 0)
        out.push(
          `CREATE VIEW ${name} AS SELECT * FROM read_parquet([${parts.map(quote).join(", ")}], union_by_name = true)`,
        );
    }
  };
  view("runs", TABLES.runs, "runs");
  view("outcomes", TABLES.outcomes);
  view("series", TABLES.series, "series");
  return out;
}

/** A DuckDB value as a plain one: bigints as numbers when exact, other non-JSON values as text. */
function plain(v: unknown): unknown {
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : String(v);
  if (v === null || typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** Run `sql` over the tables of `dir` in an in-memory database. */
export async function queryResults(dir: string, sql: string): Promise<QueryResult> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  try {
    for (const s of viewStatements(dir)) await con.run(s);
    const reader = await con.runAndReadAll(sql);
    return { columns: reader.columnNames(), rows: reader.getRows().map((r) => r.map(plain)) };
  } finally {
    con.closeSync();
    db.closeSync();
  }
}
