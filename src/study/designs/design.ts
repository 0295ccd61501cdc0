/**
 * The design of a study: which factor values each design point gets. Value factors are crossed
 * full-factorially (the first factor varies slowest); range factors are sampled together by
 * Latin hypercube or Sobol, and every factorial cell gets the same samples, so arms are compared
 * on common points. Point p is cell ⌊p / samples⌋, sample p mod samples.
 */
import { createRngHub } from "../../engine/rng.js";
import { type SensitivityOptions, sensitivitySamples } from "./layout.js";
import { latinHypercube } from "./lhs.js";
import type { SensitivityLayout } from "./roles.js";
import { sobolPoints } from "./sobol.js";

/** A factor with explicit values. */
export interface ValuesFactor {
  kind: "values";
  /** Scenario path, e.g. `params.security.TJ.corruption`. */
  path: string;
  /** Short name (the path unless the file names it). */
  name: string;
  /** The values, in file order. */
  values: unknown[];
  /** One label per value, when the file gives them (the factor then names comparison arms). */
  labels?: string[] | undefined;
}

/** A factor sampled over a range. */
export interface RangeFactor {
  kind: "range";
  path: string;
  name: string;
  min: number;
  max: number;
  /** Whole numbers only. */
  integer: boolean;
}

/** One factor of a study. */
export type Factor = ValuesFactor | RangeFactor;

/** How range factors are sampled: space-filling (lhs, sobol) or for sensitivity indices (saltelli, morris). */
export type Sampler = "lhs" | "sobol" | "saltelli" | "morris";

/** How a study's design points are laid out. */
export interface Design {
  /** Factors in file order. */
  factors: Factor[];
  /** Sampler of the range factors, when there are any. */
  sampler?: Sampler | undefined;
  /** Cells of the full factorial over value factors (1 without any). */
  cells: number;
  /** Samples over the range factors per cell (1 without any). */
  samples: number;
  /** Design points: cells × samples. */
  points: number;
  /** Unit-cube samples, row-major: sample s, range dimension r at s·(range factors) + r. */
  unit: Float64Array;
  /** Saltelli's or Morris's layout with the role of each sample (sensitivity designs only). */
  layout?: SensitivityLayout | undefined;
}

/** The design over `factors`; `sampler`/`samples`/`seed` matter only when there are range factors. */
export function buildDesign(
  factors: Factor[],
  sampler: Sampler | undefined,
  samples: number,
  seed: number,
  options: SensitivityOptions = {},
): Design {
  const ranges = factors.filter((f): f is RangeFactor => f.kind === "range");
  let cells = 1;
  for (const f of factors) if (f.kind === "values") cells *= f.values.length;
  let n = ranges.length > 0 ? samples : 1;
  let unit: Float64Array = new Float64Array(0);
  let layout: SensitivityLayout | undefined;
  if (ranges.length > 0 && (sampler === "saltelli" || sampler === "morris")) {
    ({ unit, layout } = sensitivitySamples(sampler, samples, ranges.length, seed, options));
    n = layout.roles.role.length;
  }
  if (ranges.length > 0 && sampler === "sobol") unit = sobolPoints(n, ranges.length);
  if (ranges.length > 0 && sampler === "lhs") {
    // One stream per factor, named by its path: a seeded design that does not shift when factors are added.
    const hub = createRngHub(seed);
    unit = latinHypercube(
      n,
      ranges.map((f) => hub.stream(`study/lhs/${f.path}`)),
    );
  }
  return {
    factors,
    sampler: ranges.length > 0 ? sampler : undefined,
    cells,
    samples: n,
    points: cells * n,
    unit,
    ...(layout ? { layout } : {}),
  };
}

/** A unit-cube coordinate mapped onto a range factor: linear, or onto the integers min … max alike. */
export function scaleUnit(f: RangeFactor, u: number): number {
  if (!f.integer) return f.min + u * (f.max - f.min);
  const lo = Math.ceil(f.min);
  const hi = Math.floor(f.max);
  return Math.min(hi, lo + Math.floor(u * (hi - lo + 1)));
}

/** Index of each value factor's value at point `p` (in value-factor order). */
export function valueIndexes(design: Design, p: number): number[] {
  const out: number[] = [];
  let cell = Math.floor(p / design.samples);
  const vf = design.factors.filter((f): f is ValuesFactor => f.kind === "values");
  // Mixed radix, first factor slowest: peel the last factor's index off first.
  for (let i = vf.length - 1; i >= 0; i--) {
    const n = vf[i]!.values.length;
    out[i] = cell % n;
    cell = Math.floor(cell / n);
  }
  return out;
}

/** The factor values of design point `p`, one per factor in factor order. */
export function pointValues(design: Design, p: number): unknown[] {
  const idx = valueIndexes(design, p);
  const sample = p % design.samples;
  const dims = design.factors.filter((f) => f.kind === "range").length;
  let v = 0;
  let r = 0;
  return design.factors.map((f) =>
    f.kind === "values" ? f.values[idx[v++]!] : scaleUnit(f, design.unit[sample * dims + r++]!),
  );
}

/** The arm labels of point `p` (factor name → label) for the labelled factors, or undefined without any. */
export function pointArm(design: Design, p: number): Record<string, string> | undefined {
  const idx = valueIndexes(design, p);
  let arm: Record<string, string> | undefined;
  let v = 0;
  for (const f of design.factors) {
    if (f.kind !== "values") continue;
    const i = idx[v++]!;
    if (f.labels) {
      arm ??= {};
      arm[f.name] = f.labels[i]!;
    }
  }
  return arm;
}
