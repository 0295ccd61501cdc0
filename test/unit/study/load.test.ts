/** Study files: located problems in the study (and in the scenarios it names), and what a valid one loads to. */
import { describe, expect, it } from "vitest";
import { problemLine } from "../../../src/cli/problems.js";
import { pointArm, pointValues } from "../../../src/study/designs/design.js";
import { loadStudyFile, loadStudyText, slugOf } from "../../../src/study/load.js";

const FILE = "test/fixtures/studies/s.yaml"; // scenario paths resolve against test/fixtures/studies/

function problems(text: string): string[] {
  const r = loadStudyText(text, FILE);
  return r.ok ? [] : r.problems.map(problemLine);
}

const head = "name: t\nscenario: tiny-scenario.yaml\n";

describe("loadStudyText", () => {
  it("loads the fixture study: factors, design and arms", () => {
    const r = loadStudyFile("test/fixtures/studies/tiny.yaml");
    if (!r.ok) throw new Error(r.problems.map(problemLine).join("\n"));
    const { design, scenarios } = r.study;
    expect(scenarios.map((s) => s.key)).toEqual(["tiny-scenario"]);
    expect(design.points).toBe(8);
    expect(design.sampler).toBe("lhs");
    expect(pointValues(design, 0)[0]).toBe(1);
    expect(pointValues(design, 4)[0]).toBe(2);
    expect(pointArm(design, 5)).toEqual({ reach: "far" });
    expect(r.study.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("loads object-valued factors (a doctrine is a mapping) and checks them against the model", () => {
    const r = loadStudyFile("scenarios/studies/economy-doctrine.yaml");
    if (!r.ok) throw new Error(r.problems.map(problemLine).join("\n"));
    expect(pointValues(r.study.design, 1)).toEqual([0.3, { border: 0.3, corridor: 0.6, capital: 0.1 }]);
    expect(pointArm(r.study.design, 2)).toEqual({ state: "corrupt", doctrine: "border-heavy" });
    const bad = problems(
      "name: t\nscenario: ../../../scenarios/baseline.yaml\nfactors:\n  params.security.TJ.doctrine:\n" +
        "    values:\n      - { border: 0.8 }\n      - { border: 0.3, corridr: 0.6 }\n",
    );
    expect(bad).toEqual([
      `${FILE}:7:9  factors["params.security.TJ.doctrine"].values[1]  params.security.TJ.doctrine.corridr unknown key "corridr" (did you mean "corridor"?)`,
    ]);
  });

  it("locates a factor path the model does not have at its key, with a suggestion", () => {
    expect(
      problems(`${head}factors:\n  params.agnets: { values: [1, 2] }\n  seed: { values: [1] }\n`),
    ).toEqual([
      `${FILE}:4:3  factors["params.agnets"]  is not a parameter of model "schelling": params has no "agnets" (did you mean "agents"?)`,
      `${FILE}:5:3  factors.seed  must be "ticks" or a parameter path under "params." (e.g. params.agents)`,
    ]);
  });

  // The schema's record drops a `__proto__` key without a word (4 design points instead of 8).
  it("locates a factor named __proto__ (or constructor, prototype) instead of dropping it", () => {
    expect(
      problems(
        `${head}factors:\n  __proto__: { values: [1, 2] }\n  params.agents: { values: [10, 20] }\n` +
          "  constructor: { values: [1] }\n",
      ),
    ).toEqual([
      `${FILE}:4:3  factors.__proto__  must not be named "__proto__" (a prototype key)`,
      `${FILE}:6:3  factors.constructor  must not be named "constructor" (a prototype key)`,
    ]);
  });

  it("locates a value the model's schema rejects at that value, once however often it is crossed", () => {
    const text = `${head}replicates: 2\nfactors:\n  params.radius: { values: [1, 0, 2] }\n  params.agents: { values: [10, 20] }\n`;
    expect(problems(text)).toEqual([
      `${FILE}:5:32  factors["params.radius"].values[1]  params.radius must be an integer between 1 and 50`,
    ]);
  });

  it("locates a range whose end leaves the parameter's bounds at the factor", () => {
    const text = `${head}design: sobol\nsamples: 8\nfactors:\n  params.radius: { min: 1, max: 80, integer: true }\n`;
    expect(problems(text)).toEqual([
      `${FILE}:6:18  factors["params.radius"]  params.radius must be an integer between 1 and 50`,
    ]);
  });

  it("reports the cross-field rules: scenario, design, labels, names", () => {
    const text =
      "name: t\nfactors:\n  params.radius: { values: [1, 2], labels: [a] }\n" +
      "  params.agents: { name: x, min: 1 }\n  params.width: { name: x, values: [5], integer: true }\nsamples: 3\n";
    expect(problems(text)).toEqual([
      `${FILE}:1:1  scenario  is required (or scenarios: a list of { key, file })`,
      `${FILE}:3:44  factors["params.radius"].labels  must have one label per value (2)`,
      `${FILE}:4:18  factors["params.agents"]  a range needs both min and max`,
      `${FILE}:5:25  factors["params.width"].name  name "x" is already used by params.agents`,
      `${FILE}:5:41  factors["params.width"].integer  applies to min/max ranges only`,
      `${FILE}:6:1  samples  has no range factor (min/max) to sample`,
    ]);
    expect(problems(`${head}factors:\n  params.radius: { min: 1, max: 3 }\n`)).toEqual([
      `${FILE}:1:1  design  is required when a factor has a range (lhs, sobol, saltelli or morris)`,
      `${FILE}:1:1  samples  is required when a factor has a range`,
      // Checked on a one-sample hypercube meanwhile: a fractional radius is what the range would give.
      `${FILE}:4:18  factors["params.radius"]  params.radius must be an integer between 1 and 50`,
    ]);
  });

  // Three rounds for three mistakes before: the unknown key hid the path, which hid the value.
  it("reports a key typo, a factor-path typo and an out-of-range value in one pass", () => {
    const text =
      `${head}replicate: 3\nfactors:\n  params.radus: { values: [1, 2] }\n` +
      "  params.agents: { values: [10, -5] }\n";
    expect(problems(text)).toEqual([
      `${FILE}:3:1  replicate  unknown key "replicate" (did you mean "replicates"?)`,
      `${FILE}:5:3  factors["params.radus"]  is not a parameter of model "schelling": params has no "radus" (did you mean "radius"?)`,
      `${FILE}:6:33  factors["params.agents"].values[1]  params.agents must be an integer between 0 and 1000000`,
    ]);
  });

  it("sets a refused part aside and checks the rest, without repeating the refusal", () => {
    const text =
      "name: 5\nscenario: tiny-scenario.yaml\nreplicates: x\ndesign: lhx\nsamples: 4\nlevels: 3\n" +
      "factors:\n  params.radius: { min: 1, max: z }\n  params.agents: { valuse: [1] }\n" +
      "  params.width: { values: [5, 0] }\n  params.hieght: { values: [5] }\n";
    expect(problems(text)).toEqual([
      `${FILE}:1:7  name  must be a string`,
      `${FILE}:3:13  replicates  must be an integer between 1 and 1000000`,
      `${FILE}:4:9  design  must be one of: lhs, sobol, saltelli, morris (did you mean "lhs"?)`,
      `${FILE}:8:33  factors["params.radius"].max  must be a number`,
      `${FILE}:9:20  factors["params.agents"].valuse  unknown key "valuse" (did you mean "values"?)`,
      `${FILE}:10:31  factors["params.width"].values[1]  params.width must be an integer between 1 and 4000`,
      `${FILE}:11:3  factors["params.hieght"]  is not a parameter of model "schelling": params has no "hieght" (did you mean "height"?)`,
    ]);
  });

  it("reports schema problems in plain words at their place", () => {
    expect(
      problems("name: t\nscenario: tiny-scenario.yaml\nreplicates: 0\ndesign: grid\nfactor: {}\n"),
    ).toEqual([
      `${FILE}:3:13  replicates  must be an integer between 1 and 1000000`,
      `${FILE}:4:9  design  must be one of: lhs, sobol, saltelli, morris`,
      `${FILE}:5:1  factor  unknown key "factor" (did you mean "factors"?)`,
    ]);
  });

  it("reports a missing scenario file at the study's reference, and a bad one in its own file", () => {
    expect(problems("name: t\nscenario: nope.yaml\n")).toEqual([
      `${FILE}:2:11  scenario  file not found: test/fixtures/studies/nope.yaml`,
    ]);
    const r = loadStudyText("name: t\nscenario: ../scenarios/unknown-key.yaml\n", FILE);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.every((e) => e.file === "test/fixtures/scenarios/unknown-key.yaml")).toBe(true);
  });

  it("gives the same hash for the same study written differently, another for another study", () => {
    const a = loadStudyText(`${head}seed: 3\nfactors:\n  params.radius: { values: [1, 2] }\n`, FILE);
    const b = loadStudyText(
      `seed: 3\nfactors: { params.radius: { values: [1, 2] } }\n${head}# comment\n`,
      FILE,
    );
    const c = loadStudyText(`${head}seed: 4\nfactors:\n  params.radius: { values: [1, 2] }\n`, FILE);
    if (!a.ok || !b.ok || !c.ok) throw new Error("fixtures must load");
    expect(b.study.hash).toBe(a.study.hash);
    expect(c.study.hash).not.toBe(a.study.hash);
  });

  it("slugs names for folders", () => {
    expect(slugOf("Economy, state × doctrine")).toBe("economy-state-doctrine");
    expect(slugOf("Égalité")).toBe("egalite");
    expect(slugOf("×")).toBe("study");
  });
});
