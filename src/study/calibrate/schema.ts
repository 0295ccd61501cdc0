/**
 * The shape of a calibration file (`scenarios/calibration/*.yaml`), written once in zod like the
 * study file so the TypeScript type and the validation cannot drift. Cross-field rules (a prior's
 * bounds, a band around its observed value, param paths and outcome names) are checked by the
 * loader, which can locate them.
 */
import { z } from "zod";
import { SCENARIO_KEY } from "../schema.js";

/** One free parameter: a scenario parameter path and its prior. */
export const parameterSchema = z.strictObject({
  name: z
    .string()
    .regex(SCENARIO_KEY)
    .optional()
    .describe("short name for tables and charts (default: the parameter path)"),
  prior: z
    .enum(["uniform", "log-uniform"])
    .default("uniform")
    .describe("prior density: uniform in the value, or uniform in its logarithm (needs min > 0)"),
  min: z.number().describe("lower end of the prior's support"),
  max: z.number().describe("upper end of the prior's support (> min)"),
  apply: z
    .boolean()
    .default(true)
    .describe(
      "write the fitted value into the applyTo scenarios (false: fitted, but each scenario keeps its own, e.g. a hypothesis it states)",
    ),
});

/** A parameter as written. */
export type ParameterInput = z.output<typeof parameterSchema>;

/** One target: an outcome of the model, its observed value and how close a fit must come. */
export const targetSchema = z.strictObject({
  observed: z.number().describe("the observed value the outcome's mean over seeds should match"),
  band: z
    .tuple([z.number(), z.number()])
    .optional()
    .describe("[lo, hi]: the range a fit must land in (holds the observed value)"),
  tolerance: z.number().positive().optional().describe("the band as observed ± tolerance (instead of band)"),
  weight: z.number().positive().default(1).describe("weight of this target in the distance"),
  source: z.string().min(1).describe("where the observed value comes from (a source row, a run)"),
});

/** A target as written. */
export type TargetInput = z.output<typeof targetSchema>;

/** ABC-SMC settings (the one method; see docs/methods.md, "Calibration"). */
export const methodSchema = z.strictObject({
  name: z
    .literal("abc-smc")
    .default("abc-smc")
    .describe("approximate Bayesian computation, sequential Monte Carlo"),
  population: z.int().min(4).max(100_000).default(100).describe("accepted particles per generation"),
  generations: z.int().min(1).max(100).default(8).describe("most generations, the prior sample included"),
  budget: z
    .int()
    .min(1)
    .max(50_000_000)
    .optional()
    .describe("most model runs in all (a generation starts only while runs used < budget)"),
  quantile: z
    .number()
    .gt(0)
    .lt(1)
    .default(0.5)
    .describe("next tolerance: this weighted quantile of the last generation's distances"),
  minAcceptance: z
    .number()
    .gt(0)
    .max(1)
    .default(0.02)
    .describe("stop once a generation accepts fewer than this share of its draws"),
  minTolerance: z.number().min(0).default(0).describe("stop once the tolerance is at or below this"),
});

/** The schema of a calibration file. */
export const calibrationSchema = z
  .strictObject({
    name: z.string().min(1).describe("calibration name; the default results folder is results/<slug>"),
    description: z.string().optional().describe("what is calibrated, and against what"),
    scenario: z.string().min(1).describe("the scenario calibrated, relative to this file"),
    seed: z.int().min(0).default(1).describe("master seed: every draw and run seed derives from it"),
    seeds: z
      .int()
      .min(1)
      .max(1000)
      .default(1)
      .describe("seeded runs per evaluated parameter set (their mean is compared)"),
    ticks: z.int().min(0).optional().describe("horizon of every run (default: the scenario's own)"),
    parameters: z.record(z.string(), parameterSchema).describe("scenario parameter path (params.…) → prior"),
    fixed: z
      .record(z.string(), z.unknown())
      .default({})
      .describe(
        "scenario parameter path (params.…) → a value every run holds: the configuration the targets were observed in (e.g. params.posture: garrison); not written by --apply",
      ),
    applyTo: z
      .array(z.string().min(1))
      .default([])
      .describe(
        "scenario files (relative to this file) that `pamir calibrate --apply` writes the fitted values into",
      ),
    targets: z
      .record(z.string(), targetSchema)
      .describe("outcome name → observed value, band, weight and source"),
    method: methodSchema.prefault({}).describe("the ABC-SMC settings"),
    point: z
      .enum(["mean", "best"])
      .default("mean")
      .describe(
        "the fitted values: the posterior mean, or the particle of the last population whose re-simulation lands nearest the targets (of the pointCandidates nearest when accepted)",
      ),
    pointCandidates: z
      .int()
      .min(1)
      .max(1000)
      .default(5)
      .describe("point: best — particles re-simulated with fitSeeds seeds each to choose the fitted point"),
    fitSeeds: z
      .int()
      .min(2)
      .max(10_000)
      .default(20)
      .describe("seeds of the re-simulation at the posterior mean for the fit table"),
    workers: z
      .int()
      .min(1)
      .max(1024)
      .optional()
      .describe("worker threads (default: available cores; --workers wins)"),
  })
  .describe("a pamir calibration file");

/** A parsed calibration file, defaults filled. */
export type CalibrationInput = z.output<typeof calibrationSchema>;
