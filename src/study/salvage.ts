/**
 * Parsing what can be parsed of a file, so every later check still runs: each part the schema
 * refuses is reported and set aside (an unknown key, a value of the wrong kind, an entry of a
 * list with a bad member takes the whole list with it), and the rest is parsed again. The parts
 * set aside are remembered, so a later check that would only repeat them ("a range needs both
 * min and max" after a bad `max:`) is held back: each mistake is reported once, where it is.
 */
import type { z } from "zod";
import { describeIssues, type Finding } from "../scenario/messages.js";

/** A value path. */
export type ValuePath = readonly PropertyKey[];

/** Whether one path is a prefix of the other: a problem at one is about the other too. */
export function relatedPaths(a: ValuePath, b: ValuePath): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (String(a[i]) !== String(b[i])) return false;
  return true;
}

/** What could be parsed: the value (undefined when even the top level could not be saved), the schema's problems, the paths set aside. */
export interface Salvaged<T> {
  value: T | undefined;
  findings: Finding[];
  set: ValuePath[];
}

/** At most this many rounds of parse and set aside: each round removes at least one part. */
const MAX_ROUNDS = 64;

type Container = Record<PropertyKey, unknown>;

/** The container holding the last segment of `path` in `data`, or undefined when it is gone. */
function parentOf(data: unknown, path: ValuePath): Container | undefined {
  let cur = data;
  for (const seg of path.slice(0, -1)) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Container)[seg];
  }
  return cur !== null && typeof cur === "object" ? (cur as Container) : undefined;
}

/** `path` cut before its first list index: a list cannot lose a member without renumbering the rest. */
function cutAtList(data: unknown, path: ValuePath): ValuePath {
  let cur = data;
  for (let i = 0; i < path.length; i++) {
    if (Array.isArray(cur)) return path.slice(0, i);
    if (cur === null || typeof cur !== "object") return path;
    cur = (cur as Container)[path[i]!];
  }
  return path;
}

/**
 * Parse `data` with `schema`, setting aside each refused part until the rest parses. `setAside`
 * are paths removed before the first parse (keys the caller refuses itself); `fillers` stand in
 * for required top-level keys that had to be set aside, so the rest can still be checked.
 */
export function parseSalvaging<T>(
  schema: z.ZodType<T>,
  data: object,
  setAside: readonly ValuePath[] = [],
  fillers: Readonly<Record<string, unknown>> = {},
): Salvaged<T> {
  const work = structuredClone(data) as Container;
  const set: ValuePath[] = [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const remove = (path: ValuePath): boolean => {
    const parent = parentOf(work, path);
    const last = path[path.length - 1];
    if (path.length === 0 || !parent || last === undefined) return false;
    if (path.length === 1 && typeof last === "string" && Object.hasOwn(fillers, last)) {
      if (parent[last] === fillers[last]) return false;
      parent[last] = structuredClone(fillers[last]);
    } else {
      if (!Object.hasOwn(parent, last)) return false;
      delete parent[last];
    }
    set.push(path);
    return true;
  };
  setAside.forEach(remove);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const r = schema.safeParse(work);
    if (r.success) return { value: r.data, findings, set };
    for (const f of describeIssues(r.error.issues, { root: schema, data: work })) {
      const id = JSON.stringify([f.path.map(String), f.message]);
      // A part set aside may now be missing: its first problem already said why.
      if (seen.has(id) || set.some((s) => relatedPaths(s, f.path) && s.length <= f.path.length)) continue;
      seen.add(id);
      findings.push(f);
    }
    let progress = false;
    for (const issue of r.error.issues) {
      const paths =
        issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
      for (const p of paths) {
        let target = cutAtList(work, p);
        // Still refused after it was set aside (a required key): its container goes instead.
        while (target.length > 0 && !remove(target)) target = cutAtList(work, target.slice(0, -1));
        progress ||= target.length > 0;
      }
    }
    if (!progress) return { value: undefined, findings, set };
  }
  return { value: undefined, findings, set };
}

/**
 * The paths a later check cannot trust: those set aside, plus every key `dependents` lists for
 * the top-level key of one (an unknown design makes `levels: 5` unjudgeable). A finding at any
 * of them is held back.
 */
export function distrusted(
  set: readonly ValuePath[],
  dependents: Readonly<Record<string, readonly string[]>> = {},
): (path: ValuePath) => boolean {
  const paths: ValuePath[] = [...set];
  for (const s of set) for (const d of dependents[String(s[0])] ?? []) paths.push([d]);
  return (path) => paths.some((p) => relatedPaths(p, path));
}
