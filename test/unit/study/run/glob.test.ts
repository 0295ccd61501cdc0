import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { globMatcher, globsOverlap } from "../../../../src/study/run/glob.js";

/** The reference: a glob as a regular expression (fine on small inputs, exponential on crafted ones). */
function reference(glob: string, name: string): boolean {
  const literal = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${literal.replaceAll("*", "[^]*").replaceAll("?", "[^]")}$`).test(name);
}

describe("keep: globs", () => {
  it("keeps everything without globs, and matches * and ? as documented", () => {
    expect(globMatcher(undefined)("anything")).toBe(true);
    const m = globMatcher(["seized_*", "tax_?sd", "exact"]);
    for (const yes of ["seized_kg", "seized_", "tax_usd", "exact"]) expect(m(yes), yes).toBe(true);
    for (const no of ["seize", "tax_usdx", "tax_sd", "exactly", "xexact", ""]) expect(m(no), no).toBe(false);
    expect(globMatcher(["a.b", "(x)", "[c]"])("a.b")).toBe(true);
    expect(globMatcher(["a.b"])("axb")).toBe(false);
    expect(globMatcher(["[c]", "(x)+"])("(x)+")).toBe(true);
  });

  // The pattern that compiled to a catastrophically backtracking RegExp (14 s per outcome name):
  // a linear matcher answers at once, so this ends well inside the test's time limit.
  it("matches a pathological glob against long names without backtracking", () => {
    const m = globMatcher(["*?*?*?*?*?*?*?*?*?*?*?*?!"]);
    for (const n of [20, 30, 40, 200, 5000]) {
      expect(m("a".repeat(n))).toBe(false);
      expect(m(`${"a".repeat(n)}!`)).toBe(true);
    }
    expect(m(`${"a".repeat(11)}!`)).toBe(false); // needs 12 characters before the "!"
  });

  it("agrees with the regular-expression reference on small inputs (property)", () => {
    const alphabet = fc.constantFrom("a", "b", "*", "?", ".", "!", "é", "\n");
    const text = (n: number) => fc.array(alphabet, { maxLength: n }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(fc.array(text(8), { minLength: 1, maxLength: 3 }), text(10), (globs, name) => {
        expect(globMatcher(globs)(name)).toBe(globs.some((g) => reference(g, name)));
      }),
      { numRuns: 2000, seed: 18 },
    );
  });
});

describe("globsOverlap", () => {
  /** Every string over a, b and c (c: any character neither glob names) up to `n` long. */
  const words = (n: number): string[] => {
    let level = [""];
    const all = [""];
    for (let k = 0; k < n; k++) {
      level = level.flatMap((w) => ["a", "b", "c"].map((ch) => w + ch));
      all.push(...level);
    }
    return all;
  };
  const WORDS = words(6);

  it("answers whether some name matches both globs (brute force over short names)", () => {
    const glob = fc.array(fc.constantFrom("a", "b", "*", "?"), { maxLength: 3 }).map((a) => a.join(""));
    fc.assert(
      fc.property(glob, glob, (a, b) => {
        const ma = globMatcher([a]);
        const mb = globMatcher([b]);
        expect(globsOverlap(a, b)).toBe(WORDS.some((w) => ma(w) && mb(w)));
      }),
      { numRuns: 300 },
    );
  });

  it("meets a keep glob with a catalogue pattern", () => {
    expect(globsOverlap("province.*.seized_kg", "province.?*.seized_kg")).toBe(true);
    expect(globsOverlap("province.GBAO.*", "province.?*.seized_kg")).toBe(true);
    expect(globsOverlap("province.*.seizd_kg", "province.?*.seized_kg")).toBe(false);
    expect(globsOverlap("price.", "price.?*")).toBe(false);
  });
});
