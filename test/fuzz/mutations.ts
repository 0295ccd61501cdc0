/**
 * fast-check arbitraries that mutate the shipped scenario and study files: their structure
 * (deleted, wrapped and deepened entries), types, magnitudes, paths and Unicode, plus edits of
 * the text itself (cuts and insertions). A case is a target file and one to three mutations;
 * `applyCase` turns it into the text of a mutated file.
 */
import fc from "fast-check";
import { parse, stringify } from "yaml";

/** The shipped files the fuzzer starts from, relative to the repository root. */
export const TARGETS = [
  "scenarios/baseline.yaml",
  "scenarios/central-asia-incursion-drill.yaml",
  "scenarios/central-asia-route-control.yaml",
  "scenarios/incursion-drill.yaml",
  "scenarios/route-control.yaml",
  "scenarios/schelling-central-asia.yaml",
  "scenarios/schelling-large.yaml",
  "scenarios/schelling-small.yaml",
  "scenarios/schelling-valley.yaml",
  "scenarios/wolf-sheep-large.yaml",
  "scenarios/wolf-sheep-small.yaml",
  "scenarios/test-functions/ishigami.yaml",
  "scenarios/test-functions/sobol-g.yaml",
  "scenarios/validation/rebellion.yaml",
  "scenarios/studies/drill-vs-route.yaml",
  "scenarios/studies/economy-doctrine.yaml",
  "scenarios/studies/economy-sensitivity.yaml",
  "scenarios/studies/ishigami-saltelli.yaml",
  "scenarios/studies/sobol-g-morris.yaml",
] as const;

const TYPES: unknown[] = ["text", 0, 1, true, false, null, [], {}, [1, 2], { x: 1 }, "1e3", "yes"];
const MAGNITUDES = [-1, 0, 0.5, 1e3, 1e6, 2 ** 31, 2 ** 32, 2 ** 53, 1e9, 1e20, -1e20, 1e308, 1e-300];
const SPECIAL = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, -0];
const PATHS = [
  "/dev/zero",
  "/dev/null",
  "/proc/self/status",
  "../../../../../../../etc/passwd",
  "",
  ".",
  "..",
  "/",
  "maps/central-asia.json",
  "maps/../maps/central-asia.json",
  "maps/central-asia.provinces.yaml",
  "no-such-file.json",
  "../baseline.yaml",
  "../studies/drill-vs-route.yaml",
  "x".repeat(5000),
  "C:\\Windows\\win.ini",
];
const UNICODE = [
  "écoles",
  "😀",
  "\u202eevil",
  "a\u0000b",
  "\ud800",
  "\udfff\ud800",
  "𝕏𝕐",
  "e\u0301",
  "\ufeffname",
  "\u200b",
  "Ω≈ç√",
  "中文",
  "\n",
  "\t",
];
const KEYS = ["__proto__", "constructor", "prototype", "..", "", " ", "a.b", "params.x", "😀", "toString"];

/** One mutation at a node chosen by `at` (an index into the file's nodes, taken modulo). */
const TREE = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("type" as const), at: fc.nat(), value: fc.constantFrom(...TYPES) }),
  fc.record({
    kind: fc.constant("magnitude" as const),
    at: fc.nat(),
    value: fc.oneof(
      fc.constantFrom(...MAGNITUDES, ...SPECIAL),
      fc.double(),
      fc.integer(),
      fc.constantFrom(10, 1000, -1).map((k) => ({ times: k })),
    ),
  }),
  fc.record({ kind: fc.constant("path" as const), at: fc.nat(), value: fc.constantFrom(...PATHS) }),
  fc.record({
    kind: fc.constant("unicode" as const),
    at: fc.nat(),
    value: fc.oneof(fc.constantFrom(...UNICODE), fc.string({ unit: "binary", maxLength: 20 })),
  }),
  fc.record({ kind: fc.constant("key" as const), at: fc.nat(), value: fc.constantFrom(...KEYS, ...UNICODE) }),
  fc.record({ kind: fc.constant("wrap" as const), at: fc.nat(), times: fc.integer({ min: 1, max: 100 }) }),
  fc.record({ kind: fc.constant("repeat" as const), at: fc.nat(), times: fc.constantFrom(2, 100, 1000) }),
);

/** One edit of the serialised text. */
const TEXT = fc.oneof(
  fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
  // A file over the size caps, cheaply: a long comment.
  fc.record({ kind: fc.constant("pad" as const), bytes: fc.constantFrom(1 << 20, 5 << 20) }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom("&a ", "*a", "*b", "<<: *a", "!!binary ", "? ", "[", "{", "]", "|\n", "\t", ": ", "- "),
    ),
  }),
);

/** A fuzz case: which file, what to do to its tree, and optionally to its text. */
export const CASE = fc.record({
  target: fc.constantFrom(...TARGETS),
  tree: fc.array(TREE, { minLength: 1, maxLength: 3 }),
  text: fc.option(TEXT, { freq: 4 }),
});

/** A fuzz case. */
export type FuzzCase = typeof CASE extends fc.Arbitrary<infer C> ? C : never;
type TreeMutation = FuzzCase["tree"][number];
type Node = { parent: Record<string, unknown> | unknown[]; key: string | number };

/** Every (parent, key) of `data` in document order, at most 5000. */
function nodes(data: unknown): Node[] {
  const out: Node[] = [];
  const visit = (v: unknown) => {
    if (out.length >= 5000 || v === null || typeof v !== "object") return;
    if (Array.isArray(v))
      for (const [i, x] of v.entries()) {
        out.push({ parent: v, key: i });
        visit(x);
      }
    else
      for (const [k, x] of Object.entries(v)) {
        out.push({ parent: v as Record<string, unknown>, key: k });
        visit(x);
      }
  };
  visit(data);
  return out;
}

/** Set an own property (never the prototype, whatever the key). */
function put(parent: Node["parent"], key: string | number, value: unknown): void {
  if (Array.isArray(parent)) parent[key as number] = value;
  else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
}

function applyTree(data: unknown, m: TreeMutation): unknown {
  const all = nodes(data);
  if (all.length === 0) return data;
  const { parent, key } = all[m.at % all.length]!;
  const old = (parent as Record<string | number, unknown>)[key];
  switch (m.kind) {
    case "delete":
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      break;
    case "type":
    case "path":
    case "unicode":
      put(parent, key, m.value);
      break;
    case "magnitude": {
      const v = m.value;
      put(parent, key, typeof v === "object" ? (typeof old === "number" ? old * v.times : v.times) : v);
      break;
    }
    case "key": {
      if (Array.isArray(parent)) break;
      delete parent[key as string];
      put(parent, m.value, old);
      break;
    }
    case "wrap": {
      let v = old;
      for (let i = 0; i < m.times; i++) v = i % 2 === 0 ? [v] : { x: v };
      put(parent, key, v);
      break;
    }
    case "repeat":
      put(
        parent,
        key,
        Array.from({ length: m.times }, () => old),
      );
      break;
  }
  return data;
}

/** The text of the mutated file for `c`, given the original text. */
export function applyCase(original: string, c: FuzzCase): string {
  let data: unknown = parse(original);
  for (const m of c.tree) data = applyTree(data, m);
  let text = stringify(data, { aliasDuplicateObjects: false, lineWidth: 0 });
  const t = c.text;
  if (t?.kind === "pad") text += `# ${"x".repeat(t.bytes)}\n`;
  else if (t) {
    const at = t.at % (text.length + 1);
    text = t.kind === "cut" ? text.slice(0, at) : text.slice(0, at) + t.text + text.slice(at);
  }
  return text;
}
