/** Whatever the text, loading returns a result (never throws) whose errors are all located and worded. */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LocatedProblem } from "../../../src/core/problems.js";
import { loadScenarioText } from "../../../src/scenario/load.js";

const VALID = readFileSync(new URL("../../fixtures/scenarios/valid-map.yaml", import.meta.url), "utf8");
const LINES = VALID.split("\n");

/** Load `text` and check the result's invariants; returns the errors for further checks. */
function loadChecked(text: string): LocatedProblem[] {
  const res = loadScenarioText(text, "p.yaml");
  if (res.ok) {
    expect(res.scenario.ticks).toBeGreaterThanOrEqual(0);
    return [];
  }
  expect(res.problems.length).toBeGreaterThan(0);
  const lineCount = text.split("\n").length;
  for (const e of res.problems) {
    expect(e.file).toBe("p.yaml");
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.line).toBeLessThanOrEqual(lineCount);
    expect(e.col).toBeGreaterThanOrEqual(1);
    expect(e.path.length).toBeGreaterThan(0);
    expect(e.message.trim().length).toBeGreaterThan(0);
  }
  const order = res.problems.map((e) => e.line * 1e6 + e.col);
  expect(order).toEqual([...order].sort((a, b) => a - b));
  return res.problems;
}

/** Values that stress the loader when put after a key: wrong types, YAML syntax, anchors, block headers. */
const VALUE = fc.constantFrom(
  "-1",
  "1.5",
  "0",
  "1e309",
  ".nan",
  "''",
  '"x"',
  "[",
  "{",
  "}",
  "[1, 2]",
  "{a: 1}",
  "~",
  "null",
  "true",
  "&a 1",
  "*a",
  "|",
  ">-",
  "!!int x",
  "schelling",
  "wolf-sheep",
  "shelling",
  "AB~",
  "\t",
  "#",
);

/** One random edit of the valid scenario's lines. */
const MUTATION = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("swap" as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant("value" as const), at: fc.nat(), value: VALUE }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    col: fc.nat(),
    text: fc.string({ maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant("indent" as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

type Mutation = typeof MUTATION extends fc.Arbitrary<infer M> ? M : never;

function mutate(lines: string[], m: Mutation): string[] {
  const out = [...lines];
  const i = m.at % out.length;
  const line = out[i]!;
  switch (m.kind) {
    case "delete":
      out.splice(i, 1);
      break;
    case "duplicate":
      out.splice(i, 0, line);
      break;
    case "swap": {
      const j = m.to % out.length;
      out[i] = out[j]!;
      out[j] = line;
      break;
    }
    case "value": {
      const colon = line.indexOf(":");
      out[i] = colon >= 0 ? `${line.slice(0, colon + 1)} ${m.value}` : `${line}${m.value}`;
      break;
    }
    case "insert": {
      const c = m.col % (line.length + 1);
      out[i] = line.slice(0, c) + m.text + line.slice(c);
      break;
    }
    case "indent":
      out[i] =
        m.by >= 0
          ? " ".repeat(m.by) + line
          : line.slice(Math.min(-m.by, line.length - line.trimStart().length));
      break;
  }
  return out.length > 0 ? out : [""];
}

describe("loadScenarioText on arbitrary input", () => {
  it("accepts the unmutated scenario", () => {
    expect(loadChecked(VALID)).toEqual([]);
  });

  it("never throws on arbitrary ASCII text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => void loadChecked(s)));
  });

  it("never throws on arbitrary Unicode text (any code units, lone surrogates included)", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => void loadChecked(s)));
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 100 }), (s) => void loadChecked(s)));
  });

  it("never throws on text made of YAML-ish pieces", () => {
    const piece = fc.constantFrom(
      "model: ",
      "schelling",
      "map:",
      "\n",
      "  ",
      "ascii: |",
      "legend:",
      "A: {",
      "}",
      ":",
      "- ",
      "\t",
      '"',
      "'",
      "&a ",
      "*a",
      "params:",
      "seed: ",
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (parts) => void loadChecked(parts.join(""))));
  });

  it("never throws on random edits of a valid scenario, and locates what the edits break", () => {
    fc.assert(
      fc.property(fc.array(MUTATION, { minLength: 1, maxLength: 4 }), (ms) => {
        const text = ms.reduce(mutate, LINES).join("\n");
        loadChecked(text);
      }),
      { numRuns: 400 },
    );
  });
});
