/**
 * One line of a study's runs.ndjson: what the study writes for every run and what statistics,
 * reports and resumes read back. The study writes every field below, keys in this order (people
 * and other tools read the file); readers need only the first ones, so the rest may be missing
 * from hand-made or older files. A failed run's `problems` are the catalogue's entries (kind,
 * path, message); files written before that hold `error: { name, message }` instead, which is
 * read as one problem.
 */
import { z } from "zod";
import { failure, PROBLEM_KINDS, type Problem, type ProblemKind, problem, type Result } from "./problems.js";

/** A problem as runs.ndjson and job replies hold it. */
export const problemSchema = z.strictObject({
  kind: z.enum(PROBLEM_KINDS as [ProblemKind, ...ProblemKind[]]),
  path: z.string(),
  message: z.string(),
  file: z.string().optional(),
  line: z.int().min(0).optional(),
  col: z.int().min(0).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

/** The fields of a run's line, as read. */
export const runRowSchema = z.object({
  id: z.string().describe("run id, <scenario>/p<point>/r<replicate>"),
  scenario: z.string().describe("scenario key"),
  point: z.number().int().min(0).describe("design point index within the scenario"),
  replicate: z.number().int().min(0).describe("replicate index within the design point"),
  seed: z.number().int().min(0).optional().describe("the run's seed"),
  factors: z
    .record(z.string(), z.unknown())
    .default({})
    .describe("factor values of the design point, keyed by parameter path"),
  arm: z
    .record(z.string(), z.string())
    .optional()
    .describe("arm labels of the design point, keyed by factor name"),
  status: z.enum(["ok", "failed"]).describe("whether the run finished"),
  problems: z.array(problemSchema).optional().describe("why a failed run failed"),
  durationMs: z.number().min(0).optional().describe("wall-clock time of check, setup and run, ms"),
  ticks: z.number().int().min(0).optional().describe("ticks run (0 for a failed run)"),
  outcomes: z
    .record(z.string(), z.number().nullable())
    .default({})
    .describe("end-of-run scalar outcomes; null where the value was not finite"),
});

/** One run's line of runs.ndjson. */
export type RunRow = Omit<z.output<typeof runRowSchema>, "problems"> & { problems?: Problem[] | undefined };

/** The kind an older file's error name stands for. */
function legacyProblem(name: string, message: string): Problem {
  if (name === "CheckFailed") return { kind: "check", path: "", message };
  if (name === "ParamsError" || name === "ScenarioError") return { kind: "schema", path: "", message };
  if (name === "BatchFailed") return { kind: "queue", path: "", message, data: { reason: "batch" } };
  return { kind: "run", path: "", message, data: { name } };
}

/** An older line's `error: { name, message }` as `problems`; any other value is returned as it is. */
export function upgradeRow(raw: unknown): unknown {
  if (raw === null || typeof raw !== "object" || !("error" in raw)) return raw;
  const { error, ...rest } = raw as Record<string, unknown>;
  const e = error as { name?: unknown; message?: unknown } | null | undefined;
  if (rest.problems !== undefined || typeof e?.name !== "string" || typeof e.message !== "string") return raw;
  return { ...rest, problems: [legacyProblem(e.name, e.message)] };
}

/** Parse one JSON line into a run's row, or say why it is not one (`json`, or `schema` at the field). */
export function parseRunLine(line: string): Result<RunRow> {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (err) {
    return failure(problem("json", "(json)", `not JSON (${(err as Error).message})`));
  }
  const r = runRowSchema.safeParse(upgradeRow(raw));
  if (r.success) return { ok: true, value: r.data as RunRow };
  const issue = r.error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.join(".") : "(record)";
  return failure(problem("schema", path, issue?.message ?? "invalid run record"));
}
