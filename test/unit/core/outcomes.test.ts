/** Reading column names through a catalogue: dimensions, the more specific of two patterns, gaps, mistakes. */
import { describe, expect, it } from "vitest";
import {
  catalogueGaps,
  catalogueProblems,
  matchColumn,
  matchOutcome,
  type OutcomeCatalogue,
  patternDimensions,
  patternGlob,
  spec,
} from "../../../src/core/outcomes.js";

const country = spec("seized_kg.{country}", "kg", "higher", "Seized in a country.");
const agency = spec("seized_kg.{agency}", "kg", "higher", "Seized by an agency.", {
  values: { agency: ["border", "police"] },
});
const seized = spec("province.{province}.seized_kg", "kg", "higher", "Seized in a province.");
const catalogue: OutcomeCatalogue = {
  model: "m",
  version: "1",
  outcomes: [spec("seized_kg", "kg", "higher", "Seized."), country, agency, seized],
  series: [],
};

describe("outcome catalogue matching", () => {
  it("reads dimension names from a pattern, in order", () => {
    expect(patternDimensions("a.{x}.b.{y}")).toEqual(["x", "y"]);
    expect(spec("a.{x}.b.{y}", "1", "none", "m").dimensions).toEqual(["x", "y"]);
    expect(patternDimensions("plain")).toEqual([]);
  });

  it("matches a column to its spec and reads its dimension values (a value may hold dots and spaces)", () => {
    expect(matchOutcome(catalogue, "province.GBAO.seized_kg")?.dims).toEqual({ province: "GBAO" });
    expect(matchOutcome(catalogue, "province.St. Anne Region.seized_kg")?.dims).toEqual({
      province: "St. Anne Region",
    });
    expect(matchOutcome(catalogue, "seized_kg")?.spec.name).toBe("seized_kg");
    expect(matchOutcome(catalogue, "province..seized_kg")).toBeUndefined();
    expect(matchOutcome(catalogue, "seized")).toBeUndefined();
  });

  it("a pattern with a fixed value set wins over the same shape without one, and only for its values", () => {
    expect(matchColumn(catalogue.outcomes, "seized_kg.border")?.spec).toBe(agency);
    expect(matchColumn(catalogue.outcomes, "seized_kg.TJ")?.spec).toBe(country);
    expect(matchColumn([agency], "seized_kg.TJ")).toBeUndefined();
  });

  it("names the emitted names without a spec and the specs nothing matched", () => {
    expect(catalogueGaps(catalogue.outcomes, ["seized_kg", "seized_kg.TJ", "extra"])).toEqual({
      undeclared: ["extra"],
      unused: ["seized_kg.{agency}", "province.{province}.seized_kg"],
    });
  });

  it("finds a catalogue's own mistakes", () => {
    const bad: OutcomeCatalogue = {
      model: "m",
      version: "1",
      outcomes: [
        spec("a", "kg", "none", "A."),
        spec("a", "kg", "none", "A again."),
        { name: "b.{x}", unit: "", meaning: " ", direction: "none", dimensions: ["y"], values: { z: ["1"] } },
      ],
      series: [],
    };
    expect(catalogueProblems(bad)).toEqual([
      "m outcomes a: listed twice",
      "m outcomes b.{x}: dimensions [y] but the name has [x]",
      'm outcomes b.{x}: values for "z", which the name lacks',
      "m outcomes b.{x}: no unit",
      "m outcomes b.{x}: no meaning",
    ]);
    expect(catalogueProblems(catalogue)).toEqual([]);
  });

  it("writes a pattern as a keep glob", () => {
    expect(patternGlob(seized)).toBe("province.*.seized_kg");
  });
});
