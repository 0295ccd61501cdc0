/**
 * What the methods commands need from a results folder besides its runs: the design.json of a
 * sensitivity design (or a sentence on why the folder has none) and, from manifest.json, the
 * value factors that split the runs into factorial cells and the range factors PRIM searches
 * over. Problems come back as entries of the problem catalogue.
 */

import { type DesignFile, readDesignFile } from "../core/design-file.js";
import { type Failure, failure, problem } from "../core/problems.js";
import { valueLabel } from "../stats/labels.js";
import type { DiscoverSpace } from "../stats/prim/discover.js";
import type { PrccSpace } from "../stats/sensitivity/prcc-analyse.js";
import { readManifest } from "../study/results/manifest.js";

/** A value factor of the study: its name and path. */
export interface ValueFactor {
  name: string;
  path: string;
}

/** The value factors the manifest of `dir` lists (none without a manifest). */
export function valueFactors(dir: string): ValueFactor[] {
  const m = readManifest(dir);
  return (m?.factors ?? []).filter((f) => f.kind === "values").map((f) => ({ name: f.name, path: f.path }));
}

/**
 * The design and cell factors of a sensitivity study in `dir` (Saltelli or Morris: design.json),
 * or the space of a Latin-hypercube or Sobol-sequence study (PRCC: its manifest), or why it is neither.
 */
export function openSensitivityInputs(
  dir: string,
): { ok: true; design: DesignFile; cellFactors: ValueFactor[] } | { ok: true; prcc: PrccSpace } | Failure {
  const d = readDesignFile(dir);
  if (d.ok) return { ok: true, design: d.value, cellFactors: valueFactors(dir) };
  if (d.problems[0]!.kind !== "file") return d;
  const m = readManifest(dir);
  const sampler = m?.design?.sampler;
  if (m && (sampler === "lhs" || sampler === "sobol")) {
    const ranges = m.factors.filter((f) => f.kind === "range").map((f) => ({ name: f.name, path: f.path }));
    return { ok: true, prcc: { sampler, samples: m.design.samples, ranges, values: valueFactors(dir) } };
  }
  const what = sampler ? `design: ${sampler}` : "no range factor";
  return failure(
    problem(
      "results",
      "",
      `${dir}: the study has ${what}; sensitivity needs range factors under design: saltelli, morris, lhs or sobol`,
    ),
  );
}

/** What `pamir discover` needs from the manifest of `dir`, or why it cannot have it. */
export function openDiscoverSpace(
  dir: string,
): { ok: true; space: Omit<DiscoverSpace, "outcomes"> } | Failure {
  const m = readManifest(dir);
  if (!m)
    return failure(
      problem("results", "", `${dir} has no readable manifest.json (is it a study's results directory?)`),
    );
  const ranges = m.factors.filter((f) => f.kind === "range").map((f) => ({ name: f.name, path: f.path }));
  const values = m.factors.flatMap((f) => (f.kind === "values" ? [f] : []));
  return {
    ok: true,
    space: {
      samples: m.design.samples,
      ranges,
      values: values.map((f) => ({ name: f.name, path: f.path })),
      selectable: values.map((f) => ({
        name: f.name,
        path: f.path,
        labels: f.labels ?? f.levels.map(valueLabel),
      })),
    },
  };
}
