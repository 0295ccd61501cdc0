/** Factor paths written into scenario data: only through a setter that refuses prototype keys. */
import { afterEach, describe, expect, it } from "vitest";
import { factorPathProblem, splitPath, withValues } from "../../../src/study/param-path.js";

const proto = Object.prototype as unknown as Record<string, unknown>;
const clean = () => {
  for (const k of ["corruption", "polluted"]) delete proto[k];
};
afterEach(clean);

/** Apply one path as the workers do, whatever the outcome (old code returned data, new code a result). */
const write = (path: string, value: unknown) => {
  try {
    return withValues({ params: { agents: 1 } }, [[splitPath(path), value]]);
  } catch (err) {
    return err;
  }
};

describe("withValues (the factor-path setter)", () => {
  it("refuses __proto__, constructor and prototype segments and leaves Object.prototype alone", () => {
    for (const path of [
      "__proto__.corruption",
      "params.__proto__.corruption",
      "constructor.prototype.corruption",
      "params.constructor.prototype.corruption",
      "params.prototype",
    ]) {
      const r = write(path, 0.9);
      expect(({} as Record<string, unknown>).corruption, path).toBeUndefined();
      expect(r, path).toMatchObject({ ok: false, message: expect.stringMatching(/__proto__/) });
    }
  });

  it("writes ordinary paths into a copy, creating missing mappings and lists", () => {
    const raw = { params: { agents: 1, nested: { a: 1 } } };
    const r = withValues(raw, [
      [splitPath("params.nested.b"), { c: 2 }],
      [splitPath("params.list.1"), 5],
    ]);
    expect(r).toEqual({
      ok: true,
      value: { params: { agents: 1, nested: { a: 1, b: { c: 2 } }, list: [undefined, 5] } },
    });
    expect(raw).toEqual({ params: { agents: 1, nested: { a: 1 } } });
  });

  it("names a prototype key in a factor path as the problem with it", () => {
    for (const path of ["params.__proto__.x", "params.constructor", "params.a.prototype"])
      expect(factorPathProblem(path, "schelling", { params: {} }), path).toMatch(
        /must not contain "(__proto__|constructor|prototype)"/,
      );
  });
});
