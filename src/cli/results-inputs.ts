/**
 * What the methods commands need from a results folder besides its runs: the design.json of a
 * sensitivity design (or a sentence on why the folder has none) and, from manifest.json, the
 * value factors that split the runs into factorial cells. Problems come back as one-line messages.
 */

import { type DesignFile, readDesignFile } from "../study/designs/design-file.js";
import { readManifest } from "../study/manifest.js";

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

/** The design and cell factors of a sensitivity study in `dir`, or why it is not one. */
export function openSensitivityInputs(
  dir: string,
): { ok: true; design: DesignFile; cellFactors: ValueFactor[] } | { ok: false; message: string } {
  const d = readDesignFile(dir);
  if (!d.ok) {
    if (d.problem.kind === "invalid")
      return { ok: false, message: `${d.problem.file}: ${d.problem.message}` };
    const sampler = readManifest(dir)?.design?.sampler;
    const what = sampler ? `design: ${sampler}` : "no sampled design";
    return {
      ok: false,
      message: `${dir}: the study has ${what}; sensitivity needs design: saltelli or design: morris (no design.json)`,
    };
  }
  return { ok: true, design: d.value, cellFactors: valueFactors(dir) };
}
