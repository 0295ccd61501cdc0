/** Located problems of a file come back in reading order, duplicates dropped. */
import { describe, expect, it } from "vitest";
import type { LocatedProblem } from "../../../src/core/problems.js";
import { sortLocated } from "../../../src/scenario/located.js";

const at = (line: number, col: number, message = "m"): LocatedProblem => ({
  kind: "schema",
  file: "f.yaml",
  line,
  col,
  path: "p",
  message,
});

describe("sortLocated", () => {
  it("orders by line then column, keeping discovery order on ties, and drops duplicates", () => {
    const sorted = sortLocated([at(3, 1), at(1, 9), at(1, 2, "b"), at(1, 2, "a"), at(1, 9)]);
    expect(sorted.map((e) => `${e.line}:${e.col}:${e.message}`)).toEqual([
      "1:2:b",
      "1:2:a",
      "1:9:m",
      "3:1:m",
    ]);
  });
});
