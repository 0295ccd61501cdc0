/** `pamir query <results-dir> "<SQL>"`: SQL over a study's Parquet tables (views runs, outcomes, series). */
import { existsSync, statSync } from "node:fs";
import { csvCell } from "../../study/results/csv.js";
import type { QueryResult } from "../../study/tables/sql.js";
import { CliError, EXIT } from "../errors.js";
import { renderTable } from "../table.js";

/** Output formats of `pamir query`. */
const FORMATS = ["table", "csv", "json"] as const;

/** Execute `pamir query`. */
export async function queryCommand(
  dir: string,
  sql: string,
  format: (typeof FORMATS)[number],
  print: (s: string) => void,
): Promise<void> {
  // Loaded here: the Parquet and DuckDB modules are for this command only.
  const { queryResults, viewStatements } = await import("../../study/tables/sql.js");
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new CliError(`${dir}: no such results folder`, EXIT.badInput);
  if (viewStatements(dir).length === 0)
    throw new CliError(
      `${dir} holds no Parquet tables (runs.parquet, series.parquet or parts/): is it a study's results folder?`,
      EXIT.badInput,
    );
  let r: QueryResult;
  try {
    r = await queryResults(dir, sql);
  } catch (err) {
    // DuckDB's message names the error and where in the SQL it is.
    const msg = (err instanceof Error ? err.message : String(err)).split("\n")[0];
    throw new CliError(`query: ${msg}`, EXIT.badInput);
  }
  if (format === "json") {
    for (const row of r.rows) print(JSON.stringify(Object.fromEntries(r.columns.map((c, i) => [c, row[i]]))));
  } else if (format === "csv") {
    print([r.columns.map(csvCell).join(","), ...r.rows.map((row) => row.map(csvCell).join(","))].join("\n"));
  } else {
    print(
      renderTable(
        r.columns,
        r.rows.map((row) => row.map((v) => (v === null ? "" : String(v)))),
      ),
    );
  }
}
