/**
 * Value paths (`params.security.TJ.corruption`, `organisations.0.lotKg`) and the one way to write
 * a value at one: `setPath`, which refuses `__proto__`, `constructor` and `prototype` (a path from
 * a queued study or a command line could otherwise reach Object.prototype). Study factors and a
 * scenario's `--set` both write through it.
 */

import { isPrototypeKey, PROTOTYPE_KEYS } from "./plain-keys.js";

/** Segments of a dotted path; all-digit segments are list indexes (`organisations.0.lotKg`). */
export function splitPath(path: string): (string | number)[] {
  return path.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Why a path through prototype key `key` is refused. */
export const prototypeMessage = (key: string | number) =>
  `must not contain "${key}" (${PROTOTYPE_KEYS.join(", ")} would reach the prototype of every object)`;

/**
 * Write `value` at `segs` inside `target` (mutated), creating missing intermediate mappings
 * (lists before an index segment); a prototype key anywhere in `segs` is refused before anything
 * is written, and the message says which one.
 */
export function setPath(
  target: Record<string | number, unknown>,
  segs: readonly (string | number)[],
  value: unknown,
): string | undefined {
  const proto = segs.find(isPrototypeKey);
  if (proto !== undefined) return prototypeMessage(proto);
  if (segs.length === 0) return "is empty";
  let cur = target;
  for (let i = 0; i < segs.length - 1; i++) {
    const seg = segs[i]!;
    const next = Object.hasOwn(cur, seg) ? cur[seg] : undefined;
    if (next === null || typeof next !== "object") cur[seg] = typeof segs[i + 1] === "number" ? [] : {};
    cur = cur[seg] as Record<string | number, unknown>;
  }
  cur[segs[segs.length - 1]!] = value;
  return undefined;
}
