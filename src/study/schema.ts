/**
 * The shape of a study file (`scenarios/studies/*.yaml`), written once in zod so the TypeScript
 * type and the runtime validation cannot drift. Cross-field rules (one of scenario/scenarios,
 * ranges need a design, labels match values) are checked by the loader, which can locate them.
 */
import { z } from "zod";
import { MAX_TICKS } from "../scenario/limits.js";
import { schemaRefSchema } from "../scenario/schema-ref.js";

/** Scenario keys become the first segment of run ids and file paths, so they are kept plain. */
export const SCENARIO_KEY = /^[A-Za-z0-9_.-]+$/;

/** Keys that would name the results folder itself or its parent as a series folder. */
const DOT_KEYS = new Set([".", ".."]);

/** One factor: explicit values (crossed full-factorially) or a range sampled by the study's design. */
export const factorSchema = z.strictObject({
  name: z
    .string()
    .regex(SCENARIO_KEY)
    .optional()
    .describe("short name for tables and comparisons (default: the parameter path)"),
  values: z
    .array(z.unknown())
    .min(1)
    .optional()
    .describe(
      "explicit values (numbers, strings, booleans or whole mappings); crossed with other value factors",
    ),
  labels: z
    .array(z.string().min(1))
    .optional()
    .describe("one label per value: names the arms of a comparison (rows carry them in `arm`)"),
  min: z.number().optional().describe("lower end of a sampled range"),
  max: z.number().optional().describe("upper end of a sampled range"),
  integer: z.boolean().optional().describe("sample whole numbers in [min, max]"),
});

/** A factor as written. */
export type FactorInput = z.output<typeof factorSchema>;

/** Which outcomes and series a study keeps. */
const seriesSchema = z.strictObject({
  every: z.int().min(1).describe("keep every k-th tick (and the last one)"),
  keep: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe("series names or globs (* any text, ? one character); default all"),
});

/** The schema of a study file. */
export const studySchema = z
  .strictObject({
    $schema: schemaRefSchema,
    name: z.string().min(1).describe("study name; the default results folder is its slug"),
    description: z.string().optional().describe("what the study is for"),
    scenario: z.string().min(1).optional().describe("base scenario file, relative to the study file"),
    scenarios: z
      .array(
        z.strictObject({
          key: z
            .string()
            .regex(SCENARIO_KEY)
            .refine((k) => !DOT_KEYS.has(k), 'must not be "." or "..": a key names a folder of series/')
            .describe("short key: the first part of every run id"),
          file: z.string().min(1).describe("scenario file, relative to the study file"),
        }),
      )
      .min(1)
      .optional()
      .describe("several base scenarios, each crossed with the whole design"),
    seed: z.int().min(0).default(1).describe("master seed: every run's seed derives from it and the run id"),
    replicates: z.int().min(1).max(1_000_000).default(1).describe("seeded runs per design point"),
    ticks: z
      .int()
      .min(0)
      .max(MAX_TICKS)
      .optional()
      .describe("horizon for every run (default: each scenario's own)"),
    design: z
      .enum(["lhs", "sobol", "saltelli", "morris"])
      .optional()
      .describe(
        "how range factors are sampled: Latin hypercube, Sobol sequence, or for sensitivity indices (saltelli: Sobol indices; morris: elementary effects)",
      ),
    samples: z
      .int()
      .min(1)
      .max(1_000_000)
      .optional()
      .describe("points sampled over the range factors (saltelli: base size N; morris: trajectories r)"),
    secondOrder: z
      .boolean()
      .optional()
      .describe("saltelli only: also sample for second-order indices (N·(2k+2) points instead of N·(k+2))"),
    levels: z.int().min(2).max(64).optional().describe("morris only: grid levels p, even (default 4)"),
    candidates: z
      .int()
      .min(2)
      .max(1000)
      .optional()
      .describe(
        "morris only: choose the r trajectories from this many candidates, spread out (Campolongo 2007)",
      ),
    factors: z
      .record(z.string(), factorSchema)
      .default({})
      .describe("scenario parameter path (params.… or ticks) → values or range"),
    keep: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe("outcome names or globs (* any text, ? one character) to keep; default all"),
    series: seriesSchema.optional().describe("also keep thinned per-tick series, in series.parquet"),
  })
  .describe("a pamir study file");

/** A parsed study file, defaults filled. */
export type StudyInput = z.output<typeof studySchema>;

/** The JSON Schema (draft 2020-12) of study files, describing what a file may contain (defaults optional). */
export function studyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(studySchema, { target: "draft-2020-12", io: "input", unrepresentable: "any" });
}
