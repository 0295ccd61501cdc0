/** ASCII map parsing on its own: rows, cells, legend order and every kind of problem. */
import { describe, expect, it } from "vitest";
import { asciiRows, type LegendEntry, parseAsciiCells, parseAsciiMap } from "../../../src/worlds/ascii.js";

const entry = (province: string, blocked = false): LegendEntry => ({ province, blocked });

describe("asciiRows", () => {
  it("ignores exactly one trailing newline", () => {
    expect(asciiRows("AB\nCD\n")).toEqual(["AB", "CD"]);
    expect(asciiRows("AB\nCD")).toEqual(["AB", "CD"]);
    expect(asciiRows("AB\n\n")).toEqual(["AB", ""]);
  });
});

describe("parseAsciiMap", () => {
  it("numbers regions in legend order, row-major from the first line", () => {
    const res = parseAsciiMap("AB.\n.BA\n", [
      [".", entry("open")],
      ["A", { province: "Khatlon", country: "TJ", blocked: false }],
      ["B", entry("GBAO")],
      ["~", entry("river", true)],
    ]);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect([res.map.width, res.map.height]).toEqual([3, 2]);
    expect(Array.from(res.map.region)).toEqual([1, 2, 0, 0, 2, 1]);
    expect(res.map.regions.map((r) => r.char)).toEqual([".", "A", "B", "~"]);
    expect(res.map.regions[1]).toEqual({ char: "A", province: "Khatlon", country: "TJ", blocked: false });
    expect(res.map.regions[3]!.blocked).toBe(true);
  });

  it("treats spaces as ordinary cells when the legend has them", () => {
    const res = parseAsciiMap("A A\n   ", [
      [" ", entry("gap")],
      ["A", entry("a")],
    ]);
    expect(res.ok && Array.from(res.map.region)).toEqual([1, 0, 1, 0, 0, 0]);
  });

  it("counts a character outside the BMP as one cell", () => {
    const res = parseAsciiMap("😀A\nA😀", [
      ["😀", entry("face")],
      ["A", entry("a")],
    ]);
    expect(res.ok && [res.map.width, Array.from(res.map.region)]).toEqual([2, [0, 1, 1, 0]]);
  });
});

describe("parseAsciiCells problems", () => {
  const problems = (ascii: string, chars: string[]) => {
    const res = parseAsciiCells(ascii, chars);
    return res.ok ? [] : res.problems.map((p) => ({ ...p.data, message: p.message }));
  };

  it("reports an empty map", () => {
    expect(problems("", ["A"])).toEqual([{ row: -1, index: 0, message: "map is empty" }]);
    expect(problems("\n", ["A"])).toEqual([{ row: -1, index: 0, message: "map is empty" }]);
  });

  it("reports short rows past their end and long rows at the first extra cell", () => {
    expect(problems("AAA\nAA\nAAAA\n", ["A"])).toEqual([
      { row: 1, index: 2, message: "row 2 has 2 cells, row 1 has 3" },
      { row: 2, index: 3, message: "row 3 has 4 cells, row 1 has 3" },
    ]);
  });

  it("reports each unknown character once, at its first cell, with its count", () => {
    expect(problems("AxA\nxyx", ["A"])).toEqual([
      { row: 0, index: 1, message: "'x' is not in the legend (first of 3 cells)" },
      { row: 1, index: 1, message: "'y' is not in the legend" },
    ]);
  });

  it("escapes invisible characters in messages", () => {
    expect(problems("A\tA", ["A"])[0]!.message).toBe("'\\t' is not in the legend");
  });

  it("does not mind legend characters that no cell uses", () => {
    expect(parseAsciiCells("AA", ["A", "B", "C"]).ok).toBe(true);
  });
});
