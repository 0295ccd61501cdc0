/** Problems as the CLI prints them: located, in a file at a path, at a path, or just the message. */
import { describe, expect, it } from "vitest";
import { problemLine, problemsText } from "../../../src/cli/problems.js";
import { problem } from "../../../src/core/problems.js";

describe("problemLine", () => {
  it("is file:line:col, path and message separated by two spaces for a problem located in text", () => {
    const p = {
      ...problem("schema", "params.agents", "must be an integer ≥ 0"),
      file: "a.yaml",
      line: 3,
      col: 7,
    };
    expect(problemLine(p)).toBe("a.yaml:3:7  params.agents  must be an integer ≥ 0");
  });

  it("is file, path and message for a problem at a path in a file", () => {
    const p = { ...problem("file", "(file)", "file not found"), file: "no/such/map.json" };
    expect(problemLine(p)).toBe("no/such/map.json  (file)  file not found");
  });

  it("is path: message without a file, and the message alone without a path", () => {
    expect(problemLine(problem("world", "provinces[2].name", "must not be empty"))).toBe(
      "provinces[2].name: must not be empty",
    );
    expect(problemLine({ ...problem("results", "", "no results directory x"), file: "x" })).toBe(
      "no results directory x",
    );
  });

  it("joins several problems on one line", () => {
    expect(problemsText([problem("option", "", "a"), problem("option", "", "b")])).toBe("a; b");
  });
});
