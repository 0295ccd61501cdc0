/**
 * Factor paths (`params.security.TJ.corruption`, `ticks`) as value paths: split into segments,
 * checked against the model's scenario schema, and written into a copy of a parsed scenario.
 */

import { didYouMean } from "../core/suggest.js";
import { scenarioOptionFor } from "../scenario/schema.js";
import { allowedKeys, schemaAt } from "../scenario/schema-walk.js";

/** Segments of a dotted path; all-digit segments are list indexes (`organisations.0.lotKg`). */
export function splitPath(path: string): (string | number)[] {
  return path.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Why `path` cannot be a factor of a scenario of `model` with parsed content `raw`, or undefined if it can. */
export function factorPathProblem(path: string, model: string, raw: unknown): string | undefined {
  const segs = splitPath(path);
  if (path === "ticks") return undefined;
  if (segs[0] !== "params" || segs.length < 2 || segs.some((s) => s === ""))
    return 'must be "ticks" or a parameter path under "params." (e.g. params.agents)';
  const root = scenarioOptionFor(model);
  if (!root) return `model "${model}" is not registered`;
  if (schemaAt(root, raw, segs)) return undefined;
  // Find the first segment that does not exist, to name it and suggest the closest allowed key.
  for (let i = 2; i <= segs.length; i++) {
    if (schemaAt(root, raw, segs.slice(0, i))) continue;
    const seg = String(segs[i - 1]);
    const allowed = allowedKeys(root, raw, segs.slice(0, i - 1));
    const where = segs.slice(0, i - 1).join(".");
    return `is not a parameter of model "${model}": ${where} has no "${seg}"${didYouMean(seg, allowed)}`;
  }
  return `is not a parameter of model "${model}"`;
}

/** Structured clone of plain data (objects, arrays, scalars), enough for parsed YAML and JSON. */
function clone<T>(v: T): T {
  return structuredClone(v);
}

/**
 * A copy of `raw` with each `[segments, value]` written in, creating missing intermediate
 * mappings; values are copied too, so callers can share one value between points.
 */
export function withValues(raw: unknown, writes: readonly [(string | number)[], unknown][]): unknown {
  const out = clone(raw) as Record<string | number, unknown>;
  for (const [segs, value] of writes) {
    let cur = out;
    for (let i = 0; i < segs.length - 1; i++) {
      const seg = segs[i]!;
      const next = cur[seg];
      if (next === null || typeof next !== "object") cur[seg] = typeof segs[i + 1] === "number" ? [] : {};
      cur = cur[seg] as Record<string | number, unknown>;
    }
    cur[segs[segs.length - 1]!] = clone(value);
  }
  return out;
}
