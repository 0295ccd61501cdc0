/** Parsing what can be parsed: refused parts set aside and reported once, the rest parsed. */

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { distrusted, parseSalvaging, relatedPaths } from "../../../src/study/salvage.js";

const schema = z.strictObject({
  name: z.string(),
  count: z.int().min(1).default(1),
  items: z.array(z.strictObject({ id: z.string() })).optional(),
  table: z.record(z.string(), z.strictObject({ a: z.number(), b: z.number().optional() })).default({}),
});

describe("parseSalvaging", () => {
  it("parses a valid value untouched, with nothing set aside", () => {
    const r = parseSalvaging(schema, { name: "x", count: 2 });
    expect(r).toEqual({ value: { name: "x", count: 2, table: {} }, findings: [], set: [] });
  });

  it("sets aside each refused part and parses the rest, each problem once", () => {
    const data = { name: "x", count: 0, cuont: 3, table: { t: { a: 1, b: "no" }, u: { a: 2 } } };
    const r = parseSalvaging(schema, data);
    expect(r.value).toEqual({ name: "x", count: 1, table: { t: { a: 1 }, u: { a: 2 } } });
    expect(r.findings.map((f) => f.path.join("."))).toEqual(["count", "table.t.b", "cuont"]);
    expect(data.count).toBe(0); // the caller's data is not touched
  });

  it("takes a required member's container when the member must go, and a list as a whole", () => {
    const r = parseSalvaging(schema, {
      name: "x",
      items: [{ id: "a" }, { id: 5 }],
      table: { t: { a: "x" } },
    });
    expect(r.value).toEqual({ name: "x", count: 1, table: {} });
    expect(r.set.map((p) => p.join("."))).toEqual(["items", "table.t.a", "table.t"]);
    // The second round's "table.t.a is required" repeats the first problem: held back.
    expect(r.findings.map((f) => f.path.join("."))).toEqual(["items.1.id", "table.t.a"]);
  });

  it("fills a required top-level key set aside, or gives up without a filler", () => {
    expect(parseSalvaging(schema, { name: 5 }, [], { name: "?" }).value).toEqual({
      name: "?",
      count: 1,
      table: {},
    });
    const bare = parseSalvaging(schema, { name: 5 });
    expect(bare.value).toBeUndefined();
    expect(bare.findings.map((f) => f.message)).toEqual(["must be a string"]);
  });

  it("removes the parts the caller sets aside before parsing", () => {
    const r = parseSalvaging(schema, { name: "x", table: { t: { a: 1 }, u: { a: 2 } } }, [["table", "u"]]);
    expect(r.value?.table).toEqual({ t: { a: 1 } });
    expect(r.set).toEqual([["table", "u"]]);
  });
});

describe("distrusted", () => {
  it("holds back findings at, above or below a part set aside, and at its dependents", () => {
    const distrust = distrusted([["design"], ["factors", "x", "max"]], { design: ["levels"] });
    expect(distrust(["design"])).toBe(true);
    expect(distrust(["levels"])).toBe(true);
    expect(distrust(["factors", "x"])).toBe(true);
    expect(distrust(["factors", "y"])).toBe(false);
    expect(distrust(["samples"])).toBe(false);
    expect(relatedPaths(["a", 1], ["a", "1", "b"])).toBe(true);
  });
});
