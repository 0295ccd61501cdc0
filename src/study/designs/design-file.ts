/**
 * design.json: the layout of a sensitivity design (Saltelli or Morris), written into the results
 * folder when the study starts, so `pamir sensitivity` finds each sample's role without the study
 * file. Rows of runs.ndjson name their design point p; its sample is s = p mod `samples`, its
 * factorial cell ⌊p / samples⌋, and `roles` (columns, see ./roles.ts) says what sample s is.
 * Studies with other designs write no design.json.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Design } from "./design.js";

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

/** The design.json document of `design`, or undefined when it is not a sensitivity design. */
export function designDocument(design: Design): DesignFile | undefined {
  const layout = design.layout;
  if (!layout) return undefined;
  const factors = design.factors
    .filter((f) => f.kind === "range")
    .map((f) => ({ name: f.name, path: f.path }));
  const common = { samples: design.samples, factors, roles: layout.roles };
  if (layout.kind === "saltelli")
    return {
      design: "saltelli",
      ...common,
      saltelli: { base: layout.base, secondOrder: layout.secondOrder },
    };
  const { trajectories, levels, delta, candidates } = layout;
  return { design: "morris", ...common, morris: { trajectories, levels, delta, candidates } };
}

/** Write `<dir>/design.json` for a sensitivity design (temporary file + rename); nothing otherwise. */
export function writeDesignFile(dir: string, design: Design): void {
  const doc = designDocument(design);
  if (!doc) return;
  const path = join(dir, DESIGN_FILE);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(doc)}\n`);
  renameSync(`${path}.tmp`, path);
}

/** Why a design.json cannot be used. */
export type DesignFileProblem =
  | { kind: "missing"; file: string }
  | { kind: "invalid"; file: string; message: string };

/** The design.json of results folder `dir`, or why there is none to use. */
export function readDesignFile(
  dir: string,
): { ok: true; value: DesignFile } | { ok: false; problem: DesignFileProblem } {
  const file = join(dir, DESIGN_FILE);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return { ok: false, problem: { kind: "missing", file } };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, problem: { kind: "invalid", file, message: `not JSON (${(err as Error).message})` } };
  }
  const r = designFileSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const at = issue.path.length > 0 ? issue.path.join(".") : "(root)";
    return { ok: false, problem: { kind: "invalid", file, message: `${at}: ${issue.message}` } };
  }
  const n = r.data.samples;
  const cols = r.data.roles;
  if ([cols.role, cols.row, cols.factor, cols.step].some((c) => c.length !== n))
    return { ok: false, problem: { kind: "invalid", file, message: `roles must have ${n} entries each` } };
  return { ok: true, value: r.data };
}
