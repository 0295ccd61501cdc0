/**
 * design.json: the layout of a sensitivity design (Saltelli or Morris), written into the results
 * folder when the study starts (study/designs/design-file.ts), so `pamir sensitivity` finds each
 * sample's role without the study file. Rows of runs.ndjson name their design point p; its sample
 * is s = p mod `samples`, its factorial cell ⌊p / samples⌋, and `roles` (columns, see
 * study/designs/roles.ts) says what sample s is. Studies with other designs write no design.json.
 * The format lives here, like the run row, because the study writes it and the statistics read it.
 */
import { join } from "node:path";
import { z } from "zod";
import { failure, inFile, problem, type Result } from "./problems.js";
import { readText } from "./read-file.js";
/** File name inside a results folder. */
export const DESIGN_FILE = "design.json";

const rolesSchema = z.strictObject({
  role: z.array(z.enum(["A", "B", "AB", "BA", "start", "step"])),
  row: z.array(z.int().min(0)),
  factor: z.array(z.int().min(-1)),
  step: z.array(z.int().min(-1).max(1)),
});

const common = {
  /** Samples per factorial cell. */
  samples: z.int().min(1),
  /** Range factors in the order of the unit columns: names and scenario paths. */
  factors: z.array(z.strictObject({ name: z.string(), path: z.string() })).min(1),
  roles: rolesSchema,
};

/** The schema of design.json. */
export const designFileSchema = z.discriminatedUnion("design", [
  z.strictObject({
    design: z.literal("saltelli"),
    ...common,
    saltelli: z.strictObject({ base: z.int().min(1), secondOrder: z.boolean() }),
  }),
  z.strictObject({
    design: z.literal("morris"),
    ...common,
    morris: z.strictObject({
      trajectories: z.int().min(1),
      levels: z.int().min(2),
      delta: z.number().positive(),
      candidates: z.int().min(2).nullable(),
    }),
  }),
]);

/** A parsed design.json. */
export type DesignFile = z.output<typeof designFileSchema>;

/** The design.json of results folder `dir`, or why there is none to use (kind `file`: it is missing). */
export function readDesignFile(dir: string): Result<DesignFile> {
  const file = join(dir, DESIGN_FILE);
  const text = readText(file);
  if (!text.ok) return text;
  let raw: unknown;
  try {
    raw = JSON.parse(text.value);
  } catch (err) {
    return failure(inFile(problem("json", "(json)", `not JSON (${(err as Error).message})`), file));
  }
  const r = designFileSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const at = issue.path.length > 0 ? issue.path.join(".") : "(root)";
    return failure(inFile(problem("schema", at, issue.message), file));
  }
  const n = r.data.samples;
  const cols = r.data.roles;
  if ([cols.role, cols.row, cols.factor, cols.step].some((c) => c.length !== n))
    return failure(inFile(problem("schema", "roles", `must have ${n} entries each`), file));
  return { ok: true, value: r.data };
}
