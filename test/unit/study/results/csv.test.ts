/** CSV cells and columns as R and pandas read them. */
import { describe, expect, it } from "vitest";
import { csvCell, csvColumns, csvLine } from "../../../../src/study/results/csv.js";

describe("csv", () => {
  it("quotes only when needed and writes objects as JSON, missing and non-finite as empty", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(" padded")).toBe('" padded"');
    expect(csvCell({ border: 0.8 })).toBe('"{""border"":0.8}"');
    expect(csvCell(0.1 + 0.2)).toBe("0.30000000000000004");
    expect([null, undefined, Number.NaN, Number.POSITIVE_INFINITY].map(csvCell)).toEqual(["", "", "", ""]);
  });

  it("keeps column names unique by prefixing a repeated one with its group", () => {
    const cols = csvColumns(["params.x"], ["status"], ["seed", "y"]);
    expect(cols.header).toEqual([
      "id",
      "scenario",
      "point",
      "replicate",
      "seed",
      "status",
      "error",
      "params.x",
      "arm.status",
      "outcome.seed",
      "y",
    ]);
    const line = csvLine(cols, {
      id: "s/p0/r0",
      scenario: "s",
      point: 0,
      replicate: 0,
      seed: 9,
      factors: { "params.x": 2 },
      arm: { status: "hi" },
      status: "failed",
      problems: [
        { kind: "check", path: "params.x", message: "m, n" },
        { kind: "run", path: "", message: "boom", data: { name: "E" } },
      ],
      durationMs: 1,
      ticks: 0,
      outcomes: { y: null },
    });
    expect(line).toBe('s/p0/r0,s,0,0,9,failed,"check params.x: m, n; run: boom",2,hi,,\n');
  });
});
