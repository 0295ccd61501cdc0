/**
 * One line of a study's runs.ndjson as statistics see it. The study runner writes more (duration,
 * ticks, error details); only what the statistics use is kept, so unknown keys are dropped.
 */
import { z } from "zod";

/** The fields of a run record the statistics read. */
export const runRowSchema = z.object({
  id: z.string().describe("run id, <scenario>/p<point>/r<replicate>"),
  scenario: z.string().describe("scenario key"),
  point: z.number().int().min(0).describe("design point index within the scenario"),
  replicate: z.number().int().min(0).describe("replicate index within the design point"),
  factors: z
    .record(z.string(), z.unknown())
    .default({})
    .describe("factor values of the design point, keyed by parameter path"),
  arm: z
    .record(z.string(), z.string())
    .optional()
    .describe("arm labels of the design point, keyed by factor name"),
  status: z.enum(["ok", "failed"]).describe("whether the run finished"),
  outcomes: z
    .record(z.string(), z.number().nullable())
    .default({})
    .describe("end-of-run scalar outcomes; null where the value was not finite"),
});

/** A parsed run record. */
export type RunRow = z.infer<typeof runRowSchema>;

/** Parse one JSON line into a run record, or say which field is wrong. */
export function parseRunLine(line: string): { ok: true; row: RunRow } | { ok: false; error: Error } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (err) {
    return { ok: false, error: new Error(`not JSON (${(err as Error).message})`) };
  }
  const r = runRowSchema.safeParse(raw);
  if (r.success) return { ok: true, row: r.data };
  const issue = r.error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.join(".") : "(record)";
  return { ok: false, error: new Error(`${path}: ${issue?.message ?? "invalid run record"}`) };
}

/** Order rows by scenario, point, replicate — so every statistic sees values in one fixed order. */
export function compareRows(a: RunRow, b: RunRow): number {
  if (a.scenario !== b.scenario) return a.scenario < b.scenario ? -1 : 1;
  if (a.point !== b.point) return a.point - b.point;
  return a.replicate - b.replicate;
}
