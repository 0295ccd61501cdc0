/** Plain-words messages derived from zod issues and schemas, and the "did you mean" rule. */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { closest, didYouMean, editDistance } from "../../../src/core/suggest.js";
import { describeIssues } from "../../../src/scenario/messages.js";

/** Messages (path: message) for `data` under a schema the scenario code has never seen. */
function messages(schema: z.ZodType, data: unknown): string[] {
  const r = schema.safeParse(data);
  if (r.success) return [];
  return describeIssues(r.error.issues, { root: schema, data }).map(
    (p) => `${p.path.join(".")}: ${p.message}`,
  );
}

const PARAMS = z.strictObject({
  share: z.number().min(0).max(1),
  rate: z.number().gt(0),
  open: z.number().gt(0).lt(1),
  count: z.int().min(0),
  size: z.int().min(1).max(100).default(5),
  cap: z.number().max(10),
  label: z.string().min(1),
  code: z.string().length(3),
  mode: z.enum(["fast", "slow"]),
  on: z.boolean(),
  tags: z.array(z.string()).min(1),
  nested: z.strictObject({ fighters: z.int().min(0) }).optional(),
  bands: z.array(z.strictObject({ fighters: z.int().min(0) })).default([]),
});

const GOOD = {
  share: 0.5,
  rate: 1,
  open: 0.5,
  count: 1,
  cap: 1,
  label: "x",
  code: "abc",
  mode: "fast",
  on: true,
  tags: ["a"],
};

describe("messages derived from a new schema", () => {
  it("states number rules with the schema's own bounds, whatever the failure", () => {
    expect(
      messages(PARAMS, { ...GOOD, share: 2, rate: 0, open: 1, count: 1.5, size: "big", cap: 11 }),
    ).toEqual([
      "share: must be a number between 0 and 1",
      "rate: must be a number > 0",
      "open: must be a number > 0 and < 1",
      "count: must be an integer ≥ 0",
      "size: must be an integer between 1 and 100",
      "cap: must be a number ≤ 10",
    ]);
  });

  it("states string, choice, boolean and list rules", () => {
    expect(messages(PARAMS, { ...GOOD, label: "", code: "abcd", mode: "slwo", on: "yes", tags: [] })).toEqual(
      [
        "label: must not be empty",
        "code: must be exactly 3 characters long",
        'mode: must be one of: fast, slow (did you mean "slow"?)',
        "on: must be true or false",
        "tags: must have at least 1 item",
      ],
    );
  });

  it("says what is missing and what is of the wrong kind", () => {
    const { label: _, ...noLabel } = GOOD;
    expect(messages(PARAMS, { ...noLabel, tags: "a", nested: 3 })).toEqual([
      "label: is required",
      "tags: must be a list",
      "nested: must be a mapping (key: value entries)",
    ]);
  });

  it("suggests keys of the object at the path, through arrays and optionals, located at the key", () => {
    const data = { ...GOOD, nested: { figters: 1 }, bands: [{ fighters: 1 }, { fihgters: 2 }] };
    const found = describeIssues(PARAMS.safeParse(data).error!.issues, { root: PARAMS, data });
    expect(found.map((p) => [p.path, p.message, p.at])).toEqual([
      [["nested", "fighters"], "is required", "value"],
      [["nested", "figters"], 'unknown key "figters" (did you mean "fighters"?)', "key"],
      [["bands", 1, "fighters"], "is required", "value"],
      [["bands", 1, "fihgters"], 'unknown key "fihgters" (did you mean "fighters"?)', "key"],
    ]);
  });

  it("reports a missing number the same way, not as a type error", () => {
    expect(messages(z.strictObject({ n: z.int().min(0) }), {})).toEqual(["n: is required"]);
  });

  it("falls back to the refinement's own message for custom rules", () => {
    const s = z.strictObject({ n: z.int().refine((n) => n % 2 === 0, "must be even") });
    expect(messages(s, { n: 3 })).toEqual(["n: must be even"]);
  });
});

describe("did you mean", () => {
  it("measures edits, counting an adjacent swap as one", () => {
    expect(editDistance("figters", "fighters")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("scna", "scan")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("suggests only plausible typos", () => {
    expect(closest("tick", ["seed", "ticks", "params"])).toBe("ticks");
    expect(closest("Seed", ["seed"])).toBe("seed");
    expect(closest("wolfsheep", ["schelling", "wolf-sheep"])).toBe("wolf-sheep");
    expect(closest("x", ["y"])).toBeUndefined();
    expect(closest("abc", ["xyz"])).toBeUndefined();
    expect(closest("sed", ["seed", "sd"])).toBe("seed");
    expect(didYouMean("zzzzzz", ["seed"])).toBe("");
    expect(didYouMean("shelling", ["schelling"])).toBe(' (did you mean "schelling"?)');
  });
});
