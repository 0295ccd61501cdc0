/**
 * Every registered model's outcome catalogue against what the model really emits: each shipped
 * scenario is run briefly, and the test fails if an emitted outcome or series name has no entry
 * in the catalogue, or an entry matches none of the names the model's scenarios emitted.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogueGaps, catalogueProblems } from "../../../src/core/outcomes.js";
import { runModel } from "../../../src/core/run.js";
import { MODELS } from "../../../src/models/registry.js";
import { type LoadedScenario, loadScenarioFile } from "../../../src/scenario/load.js";

/** Horizon of each run: long enough for seizures in every seizing country, short enough to stay quick. */
const TICKS = 120;

/** Every shipped scenario file (scenarios/, its model folders; studies, maps and calibrations are not scenarios). */
function shippedScenarios(): LoadedScenario[] {
  const out: LoadedScenario[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory() && !["studies", "maps", "calibration"].includes(e.name)) walk(path);
      else if (e.isFile() && e.name.endsWith(".yaml")) {
        const r = loadScenarioFile(path);
        if (!r.ok) throw new Error(`${path}: ${r.problems[0]?.message}`);
        out.push(r.scenario);
      }
    }
  };
  walk("scenarios");
  return out;
}

const scenarios = shippedScenarios();

describe("outcome catalogues", () => {
  it("every catalogue is consistent: names unique, dimensions as the names say, a unit and a meaning each", () => {
    for (const m of MODELS) {
      expect(m.outcomes.model).toBe(m.name);
      expect(catalogueProblems(m.outcomes)).toEqual([]);
    }
  });

  it.each(MODELS.map((m) => [m.name]))(
    "%s emits exactly what its catalogue declares, on its shipped scenarios",
    (name) => {
      const model = MODELS.find((m) => m.name === name)!;
      const own = scenarios.filter((s) => s.model.name === name);
      expect(own.length, `no shipped scenario runs ${name}`).toBeGreaterThan(0);
      const outcomes = new Set<string>();
      const series = new Set<string>();
      for (const sc of own) {
        const r = runModel(sc.model, sc.params, { seed: 1, ticks: Math.min(sc.ticks, TICKS), map: sc.map });
        if (!r.ok) throw new Error(`${sc.file}: ${r.problems[0]?.message}`);
        for (const k of Object.keys(r.result.outcomes)) outcomes.add(k);
        for (const k of Object.keys(r.result.series)) series.add(k);
      }
      expect(catalogueGaps(model.outcomes.outcomes, outcomes), "outcomes").toEqual({
        undeclared: [],
        unused: [],
      });
      expect(catalogueGaps(model.outcomes.series, series), "series").toEqual({ undeclared: [], unused: [] });
    },
    120_000,
  );
});
