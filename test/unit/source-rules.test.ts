import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = new URL("../../src", import.meta.url).pathname;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

const files = tsFiles(SRC).map((f) => ({ path: relative(SRC, f), text: readFileSync(f, "utf8") }));

/** Every relative import (static, re-export or dynamic) of a file, as a path under src. */
function importsOf(file: { path: string; text: string }): string[] {
  const specs = [
    ...file.text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g),
    ...file.text.matchAll(/new URL\(\s*["'](\.{1,2}\/[^"']+\.js)["']/g),
  ].map((m) => m[1]!);
  return specs.map((s) => normalize(join(dirname(file.path), s)).replace(/\.js$/, ".ts"));
}

/**
 * The folders of src and what each may import (docs/architecture.md): the engine knows no domain;
 * core is the contract every layer shares; models know nothing of how studies run or are reported;
 * the report knows nothing of the command line. `cli` may import everything.
 */
const MAY_IMPORT: Record<string, string[]> = {
  engine: [],
  core: ["engine"],
  map: ["core", "engine"],
  worlds: ["core", "engine", "map"],
  models: ["core", "engine", "map", "worlds"],
  scenario: ["core", "engine", "map", "worlds", "models"],
  stats: ["core", "engine"],
  study: ["core", "engine", "map", "worlds", "models", "scenario", "stats"],
  queue: ["core", "engine", "map", "worlds", "models", "scenario", "stats", "study"],
  report: ["core", "engine", "map", "worlds", "models", "scenario", "stats", "study"],
};

const folderOf = (path: string) => path.split("/")[0]!;

/** The cycles of a directed graph (Tarjan's strongly connected components of size > 1). */
function cycles(edges: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of edges.keys()) if (!idx.has(v)) visit(v);
  return out;
}

/** Lines of each function, method or arrow body of a file (brace matching outside strings and comments). */
function functionLengths(text: string): { name: string; line: number; lines: number }[] {
  const START =
    /^\s*(?:export\s+)?(?:default\s+)?(?:async\s+)?(?:function\s*\*?\s*(\w+)|(?:(?:private|public|protected|static|readonly|async|get|set)\s+)*(\w+)\s*(?:<[^>]*>)?\s*\([^)]*\)?\s*(?::\s*[^={]+)?\{?\s*$|(?:const|let)\s+(\w+)\s*(?::[^=]+)?=\s*(?:async\s*)?(?:\([^)]*\)|\w+)\s*(?::\s*[^=]+)?=>\s*\{?\s*$|(constructor)\s*\()/;
  const lines = text.split("\n");
  const out: { name: string; line: number; lines: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i]!.match(START);
    if (!m || /^\s*(if|for|while|switch|return|catch)\b/.test(lines[i]!)) continue;
    let depth = 0;
    let opened = false;
    let j = i;
    for (; j < lines.length; j++) {
      const code = lines[j]!.replace(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|`(?:\\.|[^`\\])*`|\/\/.*$/g, "");
      for (const ch of code) {
        if (ch === "{") {
          depth++;
          opened = true;
        } else if (ch === "}") depth--;
      }
      if ((opened && depth <= 0) || (!opened && j > i + 6)) break;
    }
    if (opened) out.push({ name: m[1] ?? m[2] ?? m[3] ?? m[4]!, line: i + 1, lines: j - i + 1 });
  }
  return out;
}

/** Functions allowed over 80 lines, each with the reason (docs/architecture.md repeats them). */
const LONG_FUNCTIONS: Record<string, string> = {};

describe("source rules", () => {
  it("finds the source files", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("never uses Math.random (all randomness comes from seeded streams)", () => {
    const offenders = files.filter((f) => /Math\s*\.\s*random/.test(f.text)).map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it("keeps every source file at or under 300 lines", () => {
    const long = files.filter((f) => f.text.split("\n").length > 301).map((f) => f.path);
    expect(long).toEqual([]);
  });

  it("keeps every function at or under 80 lines (or names it in LONG_FUNCTIONS with a reason)", () => {
    const long = files.flatMap((f) =>
      functionLengths(f.text)
        .filter((fn) => fn.lines > 80 && !(`${f.path}:${fn.name}` in LONG_FUNCTIONS))
        .map((fn) => `${f.path}:${fn.name} (line ${fn.line}, ${fn.lines} lines)`),
    );
    expect(long).toEqual([]);
  });

  it("keeps every folder of src at or under 20 files", () => {
    const perFolder = new Map<string, number>();
    for (const f of files) perFolder.set(dirname(f.path), (perFolder.get(dirname(f.path)) ?? 0) + 1);
    const crowded = [...perFolder].filter(([, n]) => n > 20).map(([d, n]) => `${d}: ${n}`);
    expect(crowded).toEqual([]);
  });

  it("knows every folder of src (a new folder gets its import rule here and in docs/architecture.md)", () => {
    const folders = new Set(files.filter((f) => f.path.includes("/")).map((f) => folderOf(f.path)));
    const unknown = [...folders].filter((d) => d !== "cli" && !(d in MAY_IMPORT));
    expect(unknown).toEqual([]);
  });

  it("imports only across the arrows docs/architecture.md allows", () => {
    const offenders = files.flatMap((f) => {
      const from = folderOf(f.path);
      const allowed = MAY_IMPORT[from];
      if (!allowed) return [];
      return importsOf(f)
        .filter((to) => folderOf(to) !== from && !allowed.includes(folderOf(to)))
        .map((to) => `${f.path} → ${to}`);
    });
    expect(offenders).toEqual([]);
  });

  it("has no import circles between files", () => {
    const edges = new Map(files.map((f) => [f.path, importsOf(f)]));
    expect(cycles(edges)).toEqual([]);
  });

  it("finds a planted circle and a wrong-way import (the rules can fail)", () => {
    const planted = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["a.ts"]],
    ]);
    expect(cycles(planted)).toEqual([["a.ts", "b.ts", "c.ts"]]);
    const wrong = { path: "models/economy/x.ts", text: 'import { y } from "../../study/y.js";' };
    expect(importsOf(wrong)).toEqual(["study/y.ts"]);
    expect(MAY_IMPORT.models).not.toContain("study");
    const fn = functionLengths(
      `export function f(a: number): number {\n${"  a++;\n".repeat(85)}  return a;\n}\n`,
    );
    expect(fn).toEqual([{ name: "f", line: 1, lines: 88 }]);
  });
});
