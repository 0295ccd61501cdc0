/** Planning an audit: the pairs each kind of switch is run at, shared variants, and bad declarations. */
import { describe, expect, it } from "vitest";
import type { ModelSwitch } from "../../../../src/core/model.js";
import { type LoadedScenario, loadScenarioText } from "../../../../src/scenario/load.js";
import { planAudit, switchPairs, valueAt } from "../../../../src/study/audit/plan.js";

function load(text: string): LoadedScenario {
  const r = loadScenarioText(text, "s.yaml");
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("; "));
  return r.scenario;
}

const ISHIGAMI = load("model: ishigami\nparams: { x1: 0.5 }\n");
const SCHELLING = load("model: schelling\nticks: 5\nparams: { width: 10, height: 10, agents: 30 }\n");

const range = (path: string, low: number, high: number): ModelSwitch => ({
  path,
  kind: "range",
  low,
  high,
  claim: "c",
});

describe("switch pairs", () => {
  it("runs a boolean at true against false and a range at its high end against its low end", () => {
    expect(switchPairs({ path: "p", kind: "boolean", claim: "c" }, false)).toEqual([[true, false]]);
    expect(switchPairs(range("p", 1, 3), 2)).toEqual([[3, 1]]);
  });

  it("runs every other value of a choice against the scenario's, or against the first", () => {
    const sw: ModelSwitch = { path: "p", kind: "choice", values: ["x", "y", "z"], claim: "c" };
    expect(switchPairs(sw, "y")).toEqual([
      ["x", "y"],
      ["z", "y"],
    ]);
    expect(switchPairs(sw, "w")).toEqual([
      ["y", "x"],
      ["z", "x"],
    ]);
  });
});

describe("planAudit", () => {
  it("shares the scenario itself (point 0) between switches whose end is the scenario's value", () => {
    const r = planAudit(ISHIGAMI, [range("x1", 0.5, 1), range("x3", 0, 2)], undefined);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.paths).toEqual(["params.x1", "params.x3"]);
    // Point 0: the scenario; x1 = 1; x3 = 2 (x3's low end 0 is the scenario's x3).
    expect(r.value.points).toEqual([
      [0.5, 0],
      [1, 0],
      [0.5, 2],
    ]);
    expect(r.value.contrasts.map((c) => [c.switch.path, c.pointA, c.pointB])).toEqual([
      ["x1", 1, 0],
      ["x3", 2, 0],
    ]);
  });

  it("contrasts a switch again with its `given` setting held in both arms, where the scenario lacks it", () => {
    const sw: ModelSwitch = { ...range("x1", 0.5, 1), given: { path: "x3", value: 2 } };
    const r = planAudit(ISHIGAMI, [sw], undefined);
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("; "));
    expect(r.value.paths).toEqual(["params.x1", "params.x3"]);
    expect(r.value.points).toEqual([
      [0.5, 0],
      [1, 0],
      [1, 2],
      [0.5, 2],
    ]);
    expect(r.value.contrasts.map((c) => [c.pointA, c.pointB, c.given])).toEqual([
      [1, 0, undefined],
      [2, 3, { path: "x3", value: 2 }],
    ]);
    // A scenario that already has the setting needs no second contrast.
    const held = planAudit(load("model: ishigami\nparams: { x1: 0.5, x3: 2 }\n"), [sw], undefined);
    expect(held.ok && held.value.contrasts.map((c) => c.given)).toEqual([undefined]);
  });

  it("refuses a `given` path the params do not have", () => {
    const r = planAudit(ISHIGAMI, [{ ...range("x1", 0.5, 1), given: { path: "x9", value: 1 } }], undefined);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.message).toMatch(/^given x9: .*not a parameter/);
  });

  it("reads values at nested paths of the parsed params, defaults filled", () => {
    expect(valueAt(SCHELLING.params, "width")).toBe(10);
    expect(valueAt(ISHIGAMI.params, "a")).toBe(7);
    expect(valueAt(ISHIGAMI.params, "nope.deeper")).toBeUndefined();
  });

  it("refuses a switch path the params do not have, naming the model, the switch and the closest key", () => {
    const r = planAudit(ISHIGAMI, [range("x4", 0, 1)], undefined);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.path).toBe("model ishigami, switch x4");
    expect(r.problems[0]!.message).toMatch(/not a parameter of model "ishigami".*"x4"/);
  });

  it("refuses a value the schema rejects and a malformed declaration", () => {
    const r = planAudit(ISHIGAMI, [range("x1", 0, 4), range("x2", 1, 1)], undefined);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path)).toEqual(["model ishigami, switch x2"]);
    const r2 = planAudit(ISHIGAMI, [range("x1", 0, 4)], undefined);
    expect(r2.ok).toBe(false);
    if (r2.ok) return;
    expect(r2.problems[0]!.message).toMatch(/^at 4: params\.x1: /);
  });

  it("refuses a value the model's cross-field check rejects", () => {
    // 200 agents do not fit a 10 × 10 grid: the schema accepts the number, Schelling's check does not.
    const r = planAudit(SCHELLING, [range("agents", 30, 200)], undefined);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.message).toMatch(/^at 200: params\.agents/);
  });
});
