/** outcomes.csv: every registered catalogue survives the round trip; damaged files are located. */
import { describe, expect, it } from "vitest";
import { spec } from "../../../src/core/outcomes.js";
import { csvRows, outcomesCsv, parseOutcomesCsv } from "../../../src/core/outcomes-file.js";
import { MODELS } from "../../../src/models/registry.js";

describe("outcomes.csv", () => {
  it("reads back every registered catalogue exactly (labels, fixed values, series included)", () => {
    const all = MODELS.map((m) => m.outcomes);
    const back = parseOutcomesCsv(outcomesCsv(all));
    expect(back).toEqual({ ok: true, value: all });
  });

  it("quotes cells with commas, quotes and newlines", () => {
    const c = {
      model: "m",
      version: "1",
      outcomes: [spec("a", "kg", "lower", 'one, "two"\nthree')],
      series: [],
    };
    const text = outcomesCsv([c]);
    expect(csvRows(text)[1]?.[4]).toBe('one, "two"\nthree');
    expect(parseOutcomesCsv(text)).toEqual({ ok: true, value: [c] });
  });

  it("refuses a file that is not one, at the line", () => {
    expect(parseOutcomesCsv("a,b\n", "f.csv")).toMatchObject({
      ok: false,
      problems: [{ file: "f.csv", line: 1 }],
    });
    const good = outcomesCsv([MODELS[0]!.outcomes]).split("\n");
    const bad = [good[0], good[1]!.replace(",none,", ",sideways,"), ""].join("\n");
    expect(parseOutcomesCsv(bad, "f.csv")).toMatchObject({
      ok: false,
      problems: [{ kind: "results", file: "f.csv", line: 2, path: "(row 1)" }],
    });
  });
});
