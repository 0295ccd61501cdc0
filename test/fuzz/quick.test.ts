/**
 * The quick seeded fuzz pass of `npm test`: a few hundred mutated shipped scenarios and studies,
 * each ending in exit 0 or a located exit 2 (the long pass is `npm run fuzz`, test/fuzz/long.ts).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runCase } from "./case.js";
import { applyCase, CASE } from "./mutations.js";

describe("fuzzing the shipped scenarios and studies", () => {
  it("ends every mutated file in exit 0 or a located exit 2 (seeded, 100 cases)", () => {
    const root = mkdtempSync(join(tmpdir(), "pamir-fuzz-"));
    cpSync("scenarios", join(root, "scenarios"), { recursive: true });
    const findings: string[] = [];
    fc.assert(
      fc.property(CASE, (c) => {
        const text = applyCase(readFileSync(c.target, "utf8"), c);
        const file = join(root, dirname(c.target), "fuzz-case.yaml");
        writeFileSync(file, text);
        const out = runCase(file, c.target.includes("/studies/"));
        if ("detail" in out) findings.push(`${out.kind}: ${out.detail}`);
        expect(out.kind === "ok" || out.kind === "bad-input", JSON.stringify({ c, out })).toBe(true);
      }),
      { seed: 18, numRuns: 100 },
    );
    expect(findings).toEqual([]);
  });
});
