/** The --where condition: outcomes, arm selectors, pairing of runs into cases, and the problems it reports. */

import { describe, expect, it } from "vitest";
import { buildCases } from "../../../../src/stats/prim/cases.js";
import { compileCondition } from "../../../../src/stats/prim/condition.js";
import { row } from "../rows.js";

const factors = [{ name: "posture", path: "params.posture", labels: ["drill", "route"] }];
const outcomes = ["violent_events", "price.Russia", "seized"];
const compile = (s: string) => compileCondition(s, outcomes, factors);

describe("compileCondition", () => {
  it("compiles comparisons across arms and outcome names with dots", () => {
    const c = compile(
      "violent_events[posture=drill] < violent_events[posture = route] and price.Russia[posture=drill] > 1e3",
    );
    if (!c.ok) throw new Error(c.problems[0]!.message);
    expect(c.value.refs.map((r) => [r.outcome, r.pins])).toEqual([
      ["violent_events", { posture: "drill" }],
      ["violent_events", { posture: "route" }],
      ["price.Russia", { posture: "drill" }],
    ]);
    expect(c.value.paired).toEqual(["posture"]);
    const plain = compile("price.Russia > 1e3 or not (seized < 2)");
    expect(plain.ok && plain.value.refs.map((r) => r.outcome)).toEqual(["price.Russia", "seized"]);
    expect(plain.ok && plain.value.paired).toEqual([]);
  });

  it("pairs by the selectors' factor when every reference names it", () => {
    const c = compile("max(seized[posture=drill], 1) / seized[params.posture=route] > 2");
    expect(c.ok && c.value.paired).toEqual(["posture"]);
    expect(c.ok && c.value.formula.evaluate([10, 2]).ok).toBe(true);
  });

  it("reports unknown outcomes, factors and labels, syntax and mixed pairing in one line each", () => {
    const msg = (s: string) => {
      const c = compile(s);
      return c.ok ? "compiled" : c.problems[0]!.message;
    };
    expect(msg("violent_event > 1")).toBe(
      'unknown outcome "violent_event" (did you mean "violent_events"?) (outcomes: violent_events, price.Russia, seized)',
    );
    expect(msg("seized[postur=drill] > 1")).toBe(
      'no value factor "postur" (did you mean "posture"?) (value factors: posture)',
    );
    expect(msg("seized[posture=dril] > 1")).toBe(
      'posture has no "dril" (did you mean "drill"?) (posture: drill, route)',
    );
    expect(msg("seized[posture] > 1")).toBe('"[posture]" must be [factor=label, …]');
    expect(msg("seized > ")).toBe('syntax: Unexpected end of expression (at ">")');
    expect(msg("seized[posture=drill] > seized")).toBe(
      "every outcome must pick its run by the same factors (seized[posture=drill] vs seized)",
    );
    expect(msg("exp(1) > 2")).toBe("names no outcome");
    expect(msg("cos(seized) > 2")).toBe('function "cos" is not allowed (at "cos")');
  });
});

describe("buildCases", () => {
  const arm = (p: string) => ({ factors: { "params.posture": p, "params.x": 0.25 }, arm: { posture: p } });
  const rows = [
    row("s", 0, 0, { ...arm("drill"), outcomes: { seized: 3 } }),
    row("s", 2, 0, { ...arm("route"), outcomes: { seized: 5 } }),
    row("s", 0, 1, { ...arm("drill"), outcomes: { seized: 9 } }),
    row("s", 2, 1, { ...arm("route"), outcomes: { seized: 5 } }),
    row("s", 1, 0, {
      factors: { "params.posture": "drill", "params.x": 0.5 },
      arm: { posture: "drill" },
      status: "failed",
    }),
  ];
  const space = {
    samples: 2,
    ranges: [{ name: "x", path: "params.x" }],
    values: [{ name: "posture", path: "params.posture" }],
  };

  it("pairs the arms of the same sample and replicate into one case, leaving out incomplete ones", () => {
    const c = compile("seized[posture=drill] > seized[posture=route]");
    if (!c.ok) throw new Error(c.problems[0]!.message);
    const cases = buildCases(rows, c.value, space);
    expect(Array.from(cases.data.y)).toEqual([0, 1]);
    expect(Array.from(cases.data.x[0]!)).toEqual([0.25, 0.25]);
    expect(cases.dropped).toBe(1);
  });

  it("makes every run its own case when nothing is paired", () => {
    const c = compile("seized >= 5");
    if (!c.ok) throw new Error(c.problems[0]!.message);
    const cases = buildCases(rows, c.value, space);
    expect(Array.from(cases.data.y)).toEqual([0, 1, 1, 1]);
    expect(cases.dropped).toBe(1);
  });
});
