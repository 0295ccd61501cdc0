/** Run records for the stats tests, built field by field. */
import type { RunRow } from "../../../src/core/run-row.js";

/** A finished (or failed) run record with the given labels and outcomes. */
export function row(
  scenario: string,
  point: number,
  replicate: number,
  opts: {
    factors?: Record<string, unknown>;
    arm?: Record<string, string>;
    status?: "ok" | "failed";
    outcomes?: Record<string, number | null>;
  } = {},
): RunRow {
  return {
    id: `${scenario}/p${point}/r${replicate}`,
    scenario,
    point,
    replicate,
    factors: opts.factors ?? {},
    ...(opts.arm ? { arm: opts.arm } : {}),
    status: opts.status ?? "ok",
    outcomes: opts.outcomes ?? {},
  };
}
