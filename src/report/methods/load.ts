/**
 * What the methods commands left in a results folder, as the report reads it: design.json (a
 * Saltelli or Morris study's layout, for the header), sensitivity.json (`pamir sensitivity`) and
 * discover.json (`pamir discover`), flip.json (`pamir flip`) and effect-sensitivity.json
 * (`pamir sensitivity --effect`). Each is optional: a missing file means no section; a file that
 * cannot be read, or was written before the runs last changed, gives its section a one-line note
 * instead of (or besides) the charts.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { DESIGN_FILE, type DesignFile, readDesignFile } from "../../core/design-file.js";
import type { FlipReport } from "../../stats/flip/flip.js";
import type { DiscoverReport } from "../../stats/prim/discover.js";
import { DISCOVER_FILES } from "../../stats/prim/files.js";
import type { SensitivityReport } from "../../stats/sensitivity/analyse.js";
import { EFFECT_FILE, type EffectReport } from "../../stats/sensitivity/effect.js";
import { SENSITIVITY_FILES } from "../../stats/sensitivity/files.js";
import { RESULT_FILES } from "../../stats/write-summary.js";

/** One methods file: its content, or why it could not be used; `stale` when older than the runs. */
export type MethodsFile<T> =
  | { ok: true; file: string; value: T; stale: boolean }
  | { ok: false; file: string; why: string };

/** The methods files of a results folder (absent keys: no such file). */
export interface MethodsData {
  design?: DesignFile | undefined;
  sensitivity?: MethodsFile<SensitivityReport> | undefined;
  discover?: MethodsFile<DiscoverReport> | undefined;
  flip?: MethodsFile<FlipReport> | undefined;
  /** effect-sensitivity.json (`pamir sensitivity --effect`). */
  effect?: MethodsFile<EffectReport> | undefined;
}

/** JSON writes NaN as null; measures read back as numbers again. */
function revive(_key: string, v: unknown): unknown {
  return v === null ? Number.NaN : v;
}

/** Modification time in ms, or undefined when the file is not there. */
function mtime(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Read a methods JSON file whose shape `check` confirms; undefined when there is no such file. */
function readMethodsFile<T>(
  dir: string,
  name: string,
  check: (doc: unknown) => doc is T,
): MethodsFile<T> | undefined {
  const file = join(dir, name);
  const written = mtime(file);
  if (written === undefined) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, "utf8"), revive);
  } catch (err) {
    return { ok: false, file, why: `${name} is not readable JSON (${(err as Error).message})` };
  }
  if (!check(doc)) return { ok: false, file, why: `${name} does not have the shape pamir writes` };
  const runs = mtime(join(dir, RESULT_FILES.runs)) ?? 0;
  return { ok: true, file, value: doc, stale: written < runs };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** sensitivity.json as `pamir sensitivity` writes it (the parts the report draws). */
function isSensitivity(doc: unknown): doc is SensitivityReport {
  if (!isObject(doc) || !["saltelli", "morris", "lhs", "sobol"].includes(doc.design as string)) return false;
  if (!Array.isArray(doc.results) || !Array.isArray(doc.factors)) return false;
  if ((doc.design === "lhs" || doc.design === "sobol") !== (doc.method === "prcc")) return false;
  const part = doc.method === "prcc" ? "prcc" : doc.design === "saltelli" ? "sobol" : "morris";
  return doc.results.every(
    (r) => isObject(r) && typeof r.outcome === "string" && isObject(r.cell) && Array.isArray(r[part]),
  );
}

/** discover.json as `pamir discover` writes it (the parts the report draws). */
function isDiscover(doc: unknown): doc is DiscoverReport {
  if (!isObject(doc) || typeof doc.where !== "string") return false;
  if (!Array.isArray(doc.trajectory) || !Array.isArray(doc.factors) || !isObject(doc.chosen)) return false;
  const c = doc.chosen;
  return Array.isArray(c.restrictions) && typeof c.step === "number" && isObject(c.limits);
}

/** flip.json as `pamir flip` writes it (the parts the report draws). */
function isFlip(doc: unknown): doc is FlipReport {
  if (!isObject(doc) || typeof doc.outcome !== "string" || !Array.isArray(doc.arms)) return false;
  if (!isObject(doc.along) || !isObject(doc.fit) || !isObject(doc.bootstrap)) return false;
  return Array.isArray(doc.bins) && typeof doc.betterBelow === "string" && typeof doc.inRange === "boolean";
}

/** effect-sensitivity.json as `pamir sensitivity --effect` writes it (the parts the report draws). */
function isEffect(doc: unknown): doc is EffectReport {
  if (!isObject(doc) || typeof doc.outcome !== "string" || !Array.isArray(doc.arms)) return false;
  return (
    Array.isArray(doc.results) &&
    doc.results.every((r) => isObject(r) && Array.isArray(r.indices) && isObject(r.cell))
  );
}

/** The methods files of results folder `dir`. */
export function loadMethods(dir: string): MethodsData {
  const d = mtime(join(dir, DESIGN_FILE)) === undefined ? undefined : readDesignFile(dir);
  return {
    design: d?.ok ? d.value : undefined,
    sensitivity: readMethodsFile(dir, SENSITIVITY_FILES.json, isSensitivity),
    discover: readMethodsFile(dir, DISCOVER_FILES.json, isDiscover),
    flip: readMethodsFile(dir, "flip.json", isFlip),
    effect: readMethodsFile(dir, EFFECT_FILE, isEffect),
  };
}
