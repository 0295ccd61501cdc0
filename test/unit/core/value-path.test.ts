/** Value paths and setPath, the one writer study factors and `--set` share. */
import { describe, expect, it } from "vitest";
import { setPath, splitPath } from "../../../src/core/value-path.js";

describe("splitPath", () => {
  it("splits at dots; all-digit segments index lists", () => {
    expect(splitPath("params.bands.0.fighters")).toEqual(["params", "bands", 0, "fighters"]);
    expect(splitPath("ticks")).toEqual(["ticks"]);
  });
});

describe("setPath", () => {
  it("writes at the path, making mappings, and lists before an index segment", () => {
    const t: Record<string | number, unknown> = { params: { a: 1 } };
    expect(setPath(t, ["params", "b", "c"], 2)).toBeUndefined();
    expect(setPath(t, ["params", "list", 0, "x"], 3)).toBeUndefined();
    expect(t).toEqual({ params: { a: 1, b: { c: 2 }, list: [{ x: 3 }] } });
  });

  it("replaces a scalar on the way with a mapping", () => {
    const t: Record<string | number, unknown> = { params: { a: 1 } };
    setPath(t, ["params", "a", "b"], 2);
    expect(t).toEqual({ params: { a: { b: 2 } } });
  });

  it("refuses a prototype key anywhere in the path before writing anything", () => {
    for (const key of ["__proto__", "constructor", "prototype"]) {
      const t: Record<string | number, unknown> = {};
      expect(setPath(t, ["params", key, "polluted"], 1)).toMatch(new RegExp(`"${key}"`));
      expect(t).toEqual({});
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses an empty path", () => {
    expect(setPath({}, [], 1)).toBe("is empty");
  });
});
