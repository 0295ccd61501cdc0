/** "Did you mean": the nearest names to a misspelt or partial one. */
import { describe, expect, it } from "vitest";
import { closest, didYouMeanAny, nearest } from "../../../src/core/suggest.js";

const NAMES = [
  "delivered_kg",
  "delivered_t_per_year",
  "delivered_kg.Russia",
  "seized_kg",
  "price.Russia",
  "clashes",
];

describe("nearest names", () => {
  it("ranks typos by edit distance and takes names that contain a partial one", () => {
    expect(nearest("seizd_kg", NAMES)).toEqual(["seized_kg"]);
    expect(nearest("delivered", NAMES)).toEqual([
      "delivered_kg",
      "delivered_kg.Russia",
      "delivered_t_per_year",
    ]);
    expect(nearest("delivered", NAMES, 1)).toEqual(["delivered_kg"]);
    expect(nearest("zzz", NAMES)).toEqual([]);
    expect(nearest("clashes", NAMES)).toEqual([]); // the name itself is no suggestion
    expect(nearest("x", ["xy", "y"])).toEqual([]); // too short to contain-match, too short to edit
  });

  it("words one, two or three suggestions", () => {
    expect(didYouMeanAny("clashs", NAMES)).toBe(' (did you mean "clashes"?)');
    expect(didYouMeanAny("price", NAMES)).toBe(' (did you mean "price.Russia"?)');
    expect(didYouMeanAny("kg", ["a_kg", "b_kg"])).toBe("");
    expect(didYouMeanAny("seized", ["seized_kg", "seized_share"])).toBe(
      ' (did you mean "seized_kg" or "seized_share"?)',
    );
    expect(didYouMeanAny("zzz", NAMES)).toBe("");
    expect(closest("seizd_kg", NAMES)).toBe("seized_kg");
  });
});
