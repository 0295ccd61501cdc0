/**
 * Keys that reach an object's prototype when a path is written through them (`__proto__`,
 * `constructor`, `prototype`). Data from files and from the queue is plain data: such a key is
 * refused wherever a path is applied or a document crosses a trust boundary, never written.
 */

/** The keys no path segment and no document key may be. */
export const PROTOTYPE_KEYS: readonly string[] = ["__proto__", "constructor", "prototype"];

/** Whether `key` is one of PROTOTYPE_KEYS. */
export function isPrototypeKey(key: PropertyKey): boolean {
  return typeof key === "string" && PROTOTYPE_KEYS.includes(key);
}

/**
 * The path to the first own key of `value` (JSON-like data, searched to `maxDepth` levels) that
 * is a prototype key, or undefined when there is none; deeper data counts as one, at its depth.
 */
export function prototypeKeyPath(value: unknown, maxDepth = 64): (string | number)[] | undefined {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (path.length >= maxDepth) return path;
    // Children go on the stack last first, so the first offending key in document order is named.
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] });
      continue;
    }
    const keys = Object.keys(v);
    const bad = keys.find(isPrototypeKey);
    if (bad !== undefined) return [...path, bad];
    for (let i = keys.length - 1; i >= 0; i--)
      stack.push({ v: (v as Record<string, unknown>)[keys[i]!], path: [...path, keys[i]!] });
  }
  return undefined;
}
