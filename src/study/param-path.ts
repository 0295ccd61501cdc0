/**
 * Factor paths (`params.security.TJ.corruption`, `ticks`) as value paths: split into segments,
 * checked against the model's scenario schema, and written into a copy of a parsed scenario —
 * only through `setPath` (core/value-path.ts), which refuses `__proto__`, `constructor` and
 * `prototype` (a path from a queued study could otherwise reach Object.prototype of the thread
 * that applies it).
 */

import { isPrototypeKey } from "../core/plain-keys.js";
import { didYouMean } from "../core/suggest.js";
import { prototypeMessage, setPath, splitPath } from "../core/value-path.js";
import { scenarioOptionFor } from "../scenario/schema.js";
import { allowedKeys, schemaAt } from "../scenario/schema-walk.js";

// Where the study's paths are written: one place for every layer (the scenario's --set too).
export { setPath, splitPath };

/** Why `path` cannot be a factor of a scenario of `model` with parsed content `raw`, or undefined if it can. */
export function factorPathProblem(path: string, model: string, raw: unknown): string | undefined {
  const segs = splitPath(path);
  if (path === "ticks") return undefined;
  const proto = segs.find(isPrototypeKey);
  if (proto !== undefined) return prototypeMessage(proto);
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

/** A path written, or where and why it was refused. */
export type Written =
  | { ok: true; value: unknown }
  | { ok: false; path: (string | number)[]; message: string };

/** Structured clone of plain data (objects, arrays, scalars), enough for parsed YAML and JSON. */
function clone<T>(v: T): T {
  return structuredClone(v);
}

/**
 * A copy of `raw` with each `[segments, value]` written in through `setPath`; values are copied
 * too, so callers can share one value between points. The first refused path is the failure.
 */
export function withValues(raw: unknown, writes: readonly [(string | number)[], unknown][]): Written {
  const out = clone(raw) as Record<string | number, unknown>;
  for (const [segs, value] of writes) {
    const why = setPath(out, segs, clone(value));
    if (why !== undefined) return { ok: false, path: segs, message: why };
  }
  return { ok: true, value: out };
}
