/** The one-line error form, path spelling and ordering. */
import { describe, expect, it } from "vitest";
import {
  formatPath,
  formatScenarioError,
  type ScenarioError,
  sortErrors,
} from "../../../src/scenario/errors.js";

const err = (line: number, col: number, message = "m"): ScenarioError => ({
  file: "f.yaml",
  line,
  col,
  path: "p",
  message,
});

describe("formatPath", () => {
  it("writes keys dotted and indices in brackets", () => {
    expect(formatPath(["insurgents", "bands", 2, "fighters"])).toBe("insurgents.bands[2].fighters");
    expect(formatPath(["params", "sheepGain"])).toBe("params.sheepGain");
    expect(formatPath([0, "a"])).toBe("[0].a");
  });

  it("quotes keys that are not plain words", () => {
    expect(formatPath(["map", "legend", "~", "province"])).toBe('map.legend["~"].province');
    expect(formatPath(["map", "legend", "."])).toBe('map.legend["."]');
    expect(formatPath(["1"])).toBe('["1"]');
  });

  it("names the top level (root)", () => {
    expect(formatPath([])).toBe("(root)");
  });
});

describe("formatScenarioError", () => {
  it("is file:line:col, path and message separated by two spaces", () => {
    const e: ScenarioError = {
      file: "a.yaml",
      line: 3,
      col: 7,
      path: "params.agents",
      message: "must be an integer ≥ 0",
    };
    expect(formatScenarioError(e)).toBe("a.yaml:3:7  params.agents  must be an integer ≥ 0");
  });
});

describe("sortErrors", () => {
  it("orders by line then column, keeping discovery order on ties, and drops duplicates", () => {
    const sorted = sortErrors([err(3, 1), err(1, 9), err(1, 2, "b"), err(1, 2, "a"), err(1, 9)]);
    expect(sorted.map((e) => `${e.line}:${e.col}:${e.message}`)).toEqual([
      "1:2:b",
      "1:2:a",
      "1:9:m",
      "3:1:m",
    ]);
  });
});
