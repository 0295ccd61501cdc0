/**
 * Following a value path through a zod schema, to learn what was allowed where a problem was
 * found: the keys of an object (for "did you mean"), or the number schema (for its bounds).
 * This reads zod 4's `_zod.def`, which is internal but stable in shape across zod 4 releases.
 */
import type { z } from "zod";

type Schema = z.core.$ZodType;

/** The parts of a zod 4 schema definition the walk reads. */
interface Def {
  type: string;
  shape?: Record<string, Schema>;
  innerType?: Schema;
  element?: Schema;
  keyType?: Schema;
  valueType?: Schema;
  options?: readonly Schema[];
  discriminator?: string;
  values?: readonly unknown[];
  items?: readonly Schema[];
  rest?: Schema | null;
  in?: Schema;
  getter?: () => Schema;
}

function defOf(s: Schema): Def {
  return s._zod.def as unknown as Def;
}

/** Wrappers that do not change what a value may look like, only when it may be absent. */
const WRAPPERS = new Set(["optional", "default", "prefault", "nullable", "nonoptional", "readonly", "catch"]);

/** The schema under optional/default/…/lazy wrappers, and the input side of a pipe. */
export function unwrap(s: Schema): Schema {
  let cur = s;
  for (let guard = 0; guard < 64; guard++) {
    const d = defOf(cur);
    if (WRAPPERS.has(d.type) && d.innerType) cur = d.innerType;
    else if (d.type === "lazy" && d.getter) cur = d.getter();
    else if (d.type === "pipe" && d.in) cur = d.in;
    else return cur;
  }
  return cur;
}

/** The value at `path` inside plain data, or undefined. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

/** Whether `path` names an existing entry in `data` (an entry present with value null counts). */
export function hasPath(data: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return data !== undefined;
  const parent = valueAt(data, path.slice(0, -1));
  return parent !== null && typeof parent === "object" && Object.hasOwn(parent, path[path.length - 1]!);
}

/** The option of a union that `value` is meant to be: by discriminator, else the first that could hold `next`. */
function pickOption(d: Def, value: unknown, next: PropertyKey | undefined): Schema | undefined {
  const options = (d.options ?? []).map(unwrap);
  if (d.discriminator !== undefined && value !== null && typeof value === "object") {
    const tag = (value as Record<string, unknown>)[d.discriminator];
    const hit = options.find((o) => {
      const field = defOf(o).shape?.[d.discriminator!];
      return field !== undefined && (defOf(unwrap(field)).values ?? []).includes(tag);
    });
    if (hit) return hit;
  }
  if (next === undefined) return options[0];
  return options.find((o) => childOf(o, value, next) !== undefined);
}

/** The schema of entry `seg` inside a value of (unwrapped) schema `s`, if `s` has such entries. */
function childOf(s: Schema, value: unknown, seg: PropertyKey): Schema | undefined {
  const d = defOf(s);
  switch (d.type) {
    case "object":
      return d.shape && Object.hasOwn(d.shape, seg) ? d.shape[seg as string] : undefined;
    case "record":
      return d.valueType;
    case "array":
      return typeof seg === "number" ? d.element : undefined;
    case "tuple":
      return typeof seg === "number" ? (d.items?.[seg] ?? d.rest ?? undefined) : undefined;
    case "union": {
      const o = pickOption(d, value, seg);
      return o ? childOf(o, value, seg) : undefined;
    }
    default:
      return undefined;
  }
}

/** The unwrapped schema that governs the value at `path`, following `data` to choose union options. */
export function schemaAt(root: Schema, data: unknown, path: readonly PropertyKey[]): Schema | undefined {
  let cur: Schema | undefined = unwrap(root);
  for (let i = 0; i < path.length && cur; i++) {
    const child = childOf(cur, valueAt(data, path.slice(0, i)), path[i]!);
    cur = child ? unwrap(child) : undefined;
  }
  if (cur && defOf(cur).type === "union")
    return pickOption(defOf(cur), valueAt(data, path), undefined) ?? cur;
  return cur;
}

/** The keys allowed in the object at `path` (empty when that is not an object schema). */
export function allowedKeys(root: Schema, data: unknown, path: readonly PropertyKey[]): string[] {
  const s = schemaAt(root, data, path);
  const shape = s ? defOf(s).shape : undefined;
  return shape ? Object.keys(shape) : [];
}

/** The key schema of the record at `path`, if it is a record. */
export function recordKeyAt(root: Schema, data: unknown, path: readonly PropertyKey[]): Schema | undefined {
  const s = schemaAt(root, data, path);
  return s && defOf(s).type === "record" ? defOf(s).keyType : undefined;
}
