import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = new URL("../../src", import.meta.url).pathname;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

const files = tsFiles(SRC).map((f) => ({ path: relative(SRC, f), text: readFileSync(f, "utf8") }));

describe("source rules", () => {
  it("finds the source files", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("never uses Math.random (all randomness comes from seeded streams)", () => {
    const offenders = files.filter((f) => /Math\s*\.\s*random/.test(f.text)).map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it("keeps src/engine free of imports from the rest of src", () => {
    const offenders = files
      .filter((f) => f.path.startsWith("engine/"))
      .flatMap((f) =>
        [...f.text.matchAll(/from\s+["'](\.\.\/[^"']+)["']/g)]
          .filter((m) => !join(dirname(f.path), m[1]!).startsWith("engine/"))
          .map((m) => `${f.path}: ${m[1]}`),
      );
    expect(offenders).toEqual([]);
  });

  it("keeps every source file at or under 300 lines", () => {
    const long = files.filter((f) => f.text.split("\n").length > 301).map((f) => f.path);
    expect(long).toEqual([]);
  });
});
