/** One runs.ndjson line: read leniently, a failed run's problems kept, older lines' error read as one problem. */
import { describe, expect, it } from "vitest";
import { parseRunLine } from "../../../src/core/run-row.js";

const base = { id: "s/p0/r0", scenario: "s", point: 0, replicate: 0, seed: 3, factors: {} };

describe("parseRunLine", () => {
  it("keeps a failed run's problems as they were written", () => {
    const problems = [{ kind: "check", path: "params.agents", message: "must be ≤ 100" }];
    const r = parseRunLine(JSON.stringify({ ...base, status: "failed", problems, ticks: 0, outcomes: {} }));
    expect(r.ok && r.value.problems).toEqual(problems);
  });

  it("reads an older line's error as one problem of the kind its name stood for", () => {
    const old = (name: string) =>
      parseRunLine(
        JSON.stringify({ ...base, status: "failed", error: { name, message: "m" }, outcomes: {} }),
      );
    const first = (name: string) => {
      const r = old(name);
      return r.ok ? r.value.problems : undefined;
    };
    expect(first("CheckFailed")).toEqual([{ kind: "check", path: "", message: "m" }]);
    expect(first("ParamsError")).toEqual([{ kind: "schema", path: "", message: "m" }]);
    expect(first("BatchFailed")).toEqual([
      { kind: "queue", path: "", message: "m", data: { reason: "batch" } },
    ]);
    expect(first("RangeError")).toEqual([
      { kind: "run", path: "", message: "m", data: { name: "RangeError" } },
    ]);
  });

  it("needs only what statistics read; a wrong field is a schema problem at its path", () => {
    const r = parseRunLine('{"id":"s/p0/r0","scenario":"s","point":0,"replicate":0,"status":"ok"}');
    const { seed: _, ...known } = base;
    expect(r.ok && r.value).toEqual({ ...known, status: "ok", outcomes: {} });
    const bad = parseRunLine(JSON.stringify({ ...base, status: "maybe" }));
    expect(!bad.ok && bad.problems[0]).toMatchObject({ kind: "schema", path: "status" });
    const torn = parseRunLine('{"id":');
    expect(!torn.ok && torn.problems[0]).toMatchObject({ kind: "json", path: "(json)" });
  });
});
