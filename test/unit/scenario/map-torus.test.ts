import { describe, expect, it } from "vitest";
import { runModel } from "../../../src/core/run.js";
import { loadScenarioText } from "../../../src/scenario/load.js";

const scenario = (torus: string) => `model: schelling
seed: 3
ticks: 5
params: { agents: 20, radius: 1, minToBeHappy: 2 }
map:
${torus}  ascii: |
    AAAAAA
    AAAAAA
    AAAAAA
    AAAAAA
    AAAAAA
  legend:
    A: { province: Town }
`;

describe("map.torus", () => {
  it("reaches the model: a wrapped map gives every cell 8 neighbours", () => {
    const flat = loadScenarioText(scenario(""), "flat.yaml");
    const wrapped = loadScenarioText(scenario("  torus: true\n"), "wrapped.yaml");
    if (!flat.ok || !wrapped.ok) throw new Error("fixtures must load");
    expect(flat.scenario.map?.torus).toBe(false);
    expect(wrapped.scenario.map?.torus).toBe(true);
    const a = runModel(flat.scenario.model, flat.scenario.params, {
      seed: 3,
      ticks: 5,
      map: flat.scenario.map,
    });
    const b = runModel(wrapped.scenario.model, wrapped.scenario.params, {
      seed: 3,
      ticks: 5,
      map: wrapped.scenario.map,
    });
    if (!a.ok || !b.ok) throw new Error("runs must succeed");
    // Same seed, same placement; only the edge geometry differs, so the runs must diverge.
    expect(JSON.stringify(a.result)).not.toBe(JSON.stringify(b.result));
  });
});
