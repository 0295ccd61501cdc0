/**
 * The shape of a scenario file, written once in zod: the TypeScript type, the runtime validation
 * and the published JSON Schema all come from `scenarioSchema`, so they cannot drift apart.
 * Options are built from the model registry, so a newly registered model is a valid `model:`
 * (with its own `params:` schema and default horizon) without touching this file.
 */
import { z } from "zod";
import type { ModelDefinition } from "../core/model.js";
import { MODELS } from "../models/registry.js";
import { MAX_TICKS } from "./limits.js";
import { schemaRefSchema } from "./schema-ref.js";

/** What the legend says about one map character. */
export const legendEntrySchema = z.strictObject({
  province: z.string().min(1).describe("province (or region) name"),
  country: z.string().optional().describe("country the province belongs to"),
  blocked: z.boolean().default(false).describe("cells no agent may occupy (water, ice, a wall)"),
  road: z.boolean().default(false).describe("cells on a main road (faster, cheaper transport)"),
  crossing: z
    .enum(["official", "informal"])
    .optional()
    .describe("a border crossing: an official post, or an informal ford or track"),
  ruggedness: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe("terrain ruggedness 0 (flat) to 1 (high mountain); the province's value when omitted"),
});

/** A scenario map: ASCII art, one character per cell, explained by a legend. */
export const mapSchema = z.strictObject({
  torus: z.boolean().optional().describe("whether the map wraps at its edges"),
  ascii: z.string().describe("one line per row, one character per cell; row 1 is the top"),
  legend: z
    .record(z.string().length(1), legendEntrySchema)
    .describe("what each map character stands for, keyed by that one character"),
});

/** A scenario map given as a map file (built by `npm run build:map`), relative to the scenario file. */
export const mapFileSchema = z
  .string()
  .endsWith(".json")
  .describe("path of a map file (e.g. maps/central-asia.json), relative to the scenario file");

/**
 * The `map:` key: inline ASCII art, or a map file. The inline form comes first so that problems
 * inside a mapping are explained against its keys (see describeIssues on unions).
 */
export const mapOrFileSchema = z.union([mapSchema, mapFileSchema]);

/** Keys every scenario has, whatever its model (model, params and map are per model). */
export const commonShape = {
  $schema: schemaRefSchema,
  name: z.string().optional().describe("human-readable scenario name"),
  description: z.string().optional().describe("what the scenario is for"),
  seed: z.int().min(0).default(1).describe("run seed; every random stream derives from it"),
};

/** The keys of a scenario for model `m`: its name as the discriminator, its params, its default horizon. */
function optionShape(m: ModelDefinition<never>) {
  // `prefault` (not `default`) so an absent `params:` is parsed as {} and gets the model's defaults.
  const params = (m.params as z.ZodType<unknown>).prefault({}).describe(`parameters of model "${m.name}"`);
  return {
    model: z.literal(m.name).describe(m.summary),
    ...commonShape,
    ticks: z
      .int()
      .min(0)
      .max(MAX_TICKS)
      .default(m.defaultTicks)
      .describe(`ticks to run (default ${m.defaultTicks})`),
    params,
  };
}

function optionWithMap(m: ModelDefinition<never>) {
  return z.strictObject({
    ...optionShape(m),
    map: mapOrFileSchema
      .optional()
      .describe("the map the model runs on: inline ASCII art with a legend, or a map file path"),
  });
}

function optionWithoutMap(m: ModelDefinition<never>) {
  return z.strictObject(optionShape(m));
}

/**
 * One option of the scenario union (the schema of a scenario for one model). Written as an
 * explicit union: an inferred one would be reduced to the map-less type, losing `map`.
 */
export type ScenarioOption = ReturnType<typeof optionWithMap> | ReturnType<typeof optionWithoutMap>;

/** Models without maps get no `map` key at all, so strictness rejects one (and the JSON Schema says so). */
function scenarioOption(m: ModelDefinition<never>): ScenarioOption {
  return m.usesMap ? optionWithMap(m) : optionWithoutMap(m);
}

/** The schema of a scenario file: a strict object discriminated on `model`, one option per registered model. */
export const scenarioSchema = z
  .discriminatedUnion("model", MODELS.map(scenarioOption) as [ScenarioOption, ...ScenarioOption[]])
  .describe("a pamir scenario file");

/** A parsed scenario, defaults filled. */
export type Scenario = z.output<typeof scenarioSchema>;

/** The union option for `model`, or undefined when no registered model has that name. */
export function scenarioOptionFor(model: string): ScenarioOption | undefined {
  return scenarioSchema.options.find((o) => o.shape.model.value === model);
}

/**
 * Validates everything but `model` and `params` when the model is unknown, so the other mistakes
 * in the file are still reported; it is assembled from the same pieces as the real options.
 */
export const unknownModelSchema = z.strictObject({
  model: z.unknown().optional(),
  ...commonShape,
  ticks: z.int().min(0).max(MAX_TICKS).optional(),
  params: z.unknown().optional(),
  map: mapOrFileSchema.optional(),
});

/** The registered model names, in registry order. */
export function modelNames(): string[] {
  return MODELS.map((m) => m.name);
}

/** The JSON Schema (draft 2020-12) of scenario files, describing what a file may contain (defaults optional). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { target: "draft-2020-12", io: "input", unrepresentable: "any" });
}
