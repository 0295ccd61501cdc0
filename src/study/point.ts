/**
 * A design point applied to a base scenario: the factor values written into a copy of the parsed
 * scenario, then parsed again by the model's own scenario schema, so a point gets exactly the
 * defaults, bounds and messages a hand-written scenario would. The loader (to validate every
 * point before anything runs) and the workers (to run them) share this one path.
 */
import type { z } from "zod";
import type { LoadedScenario } from "../scenario/load.js";
import { scenarioOptionFor } from "../scenario/schema.js";
import { splitPath, withValues } from "./param-path.js";

/** A point's scenario data, or the schema's issues with it. */
export type ResolvedPoint =
  | { ok: true; params: unknown; ticks: number }
  | { ok: false; data: unknown; issues: z.core.$ZodIssue[] };

/**
 * The parsed params and horizon of `sc` with `values[i]` at `paths[i]`, after the study-wide
 * `ticks` override (factors come later, so a `ticks` factor wins over it).
 */
export function resolvePoint(
  sc: LoadedScenario,
  paths: readonly string[],
  values: readonly unknown[],
  ticks: number | undefined,
): ResolvedPoint {
  const writes: [(string | number)[], unknown][] = paths.map((p, i) => [splitPath(p), values[i]]);
  if (ticks !== undefined) writes.unshift([["ticks"], ticks]);
  const written = withValues(sc.raw, writes);
  if (!written.ok) {
    const issue = { code: "custom", path: written.path, message: written.message, input: undefined } as const;
    return { ok: false, data: sc.raw, issues: [issue] };
  }
  const data = written.value;
  const option = scenarioOptionFor(sc.model.name);
  if (!option) return { ok: false, data, issues: [] };
  const r = option.safeParse(data);
  if (!r.success) return { ok: false, data, issues: r.error.issues };
  return { ok: true, params: r.data.params, ticks: r.data.ticks };
}
