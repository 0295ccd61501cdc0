/** Calibration files: located one-line problems for bad priors, paths, outcomes and bands; what a valid file loads to. */
import { describe, expect, it } from "vitest";
import { problemLine } from "../../../../src/cli/problems.js";
import { loadCalibrationFile, loadCalibrationText } from "../../../../src/study/calibrate/load.js";

const FILE = "test/fixtures/calibration/c.yaml"; // the scenario path resolves against test/fixtures/calibration/

function problems(text: string): string[] {
  const r = loadCalibrationText(text, FILE);
  return r.ok ? [] : r.problems.map(problemLine);
}

const head = "name: t\nscenario: ../../../scenarios/baseline.yaml\nticks: 5\n";
const target = "targets:\n  fares_usd: { observed: 10, tolerance: 1, source: s }\n";
const param = "parameters:\n  params.traffickers.bribeShare: { min: 0.05, max: 0.2 }\n";

describe("loadCalibrationText", () => {
  it("loads the shipped economy calibration: parameters, bands from tolerances, defaults filled", () => {
    const r = loadCalibrationFile("scenarios/calibration/economy-recovery.yaml");
    if (!r.ok) throw new Error(r.problems.map(problemLine).join("\n"));
    const c = r.calibration;
    expect(c.parameters.map((p) => p.name)).toEqual(["carriage_cost", "bribe_share", "choice_temperature"]);
    expect(c.parameters.every((p) => p.prior === "log-uniform" && p.max / p.min === 10)).toBe(true);
    const fares = c.targets.find((t) => t.outcome === "fares_usd")!;
    expect(fares.hi - fares.observed).toBeCloseTo(fares.observed - fares.lo);
    expect(c.input.method.name).toBe("abc-smc");
    expect(c.scenario.loaded.model.name).toBe("economy");
    expect(c.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(c.slug).toBe("economy-recovery");
  });

  it("writes `fixed:` values into the scenario every run loads, and locates a bad one at its key", () => {
    const ok = loadCalibrationText(`${head}fixed:\n  params.market.band: 2.5\n${param}${target}`, FILE);
    if (!ok.ok) throw new Error(ok.problems.map(problemLine).join("\n"));
    const plain = loadCalibrationText(`${head}${param}${target}`, FILE);
    if (!plain.ok) throw new Error(plain.problems.map(problemLine).join("\n"));
    const band = (r: typeof ok) =>
      r.ok ? (r.calibration.scenario.loaded.params as { market: { band: number } }).market.band : 0;
    expect(band(ok)).toBe(2.5);
    expect(band(plain)).not.toBe(2.5);
    expect(ok.calibration.scenario.text).toContain("band: 2.5");
    expect(ok.calibration.hash).not.toBe(plain.calibration.hash); // a resume never mixes the two
    expect(problems(`${head}fixed:\n  params.market.band: 0.5\n  ticks: 3\n${param}${target}`)).toEqual([
      `${FILE}:6:3  fixed.ticks  must be a scenario parameter path (params.…)`,
    ]);
    expect(problems(`${head}fixed:\n  params.market.band: 0.5\n${param}${target}`)).toEqual([
      `${FILE}:5:23  fixed["params.market.band"]  must be a number ≥ 1`,
    ]);
  });

  it("holds the real-map calibration's two stages to the same targets and the same fixed posture", () => {
    const [first, second] = ["northern-route", "city-markets"].map((n) => {
      const r = loadCalibrationFile(`scenarios/calibration/${n}.yaml`);
      if (!r.ok) throw new Error(r.problems.map(problemLine).join("\n"));
      return r.calibration;
    });
    expect(second!.targets).toEqual(first!.targets);
    expect(first!.input.fixed).toEqual({ "params.posture": "garrison" });
    expect(second!.input.fixed).toMatchObject(first!.input.fixed);
  });

  it("refuses infeasible priors where they are written", () => {
    const bad = problems(
      `${head}parameters:\n  params.traffickers.bribeShare: { min: 0.2, max: 0.2 }\n` +
        `  params.transport.baseUsdPerKgCell: { prior: log-uniform, min: 0, max: 10 }\n${target}`,
    );
    expect(bad).toEqual([
      `${FILE}:5:51  parameters["params.traffickers.bribeShare"].max  must be greater than min (0.2): the prior has no support`,
      `${FILE}:6:65  parameters["params.transport.baseUsdPerKgCell"].min  must be > 0 for a log-uniform prior (the logarithm of 0 or less is undefined)`,
    ]);
  });

  it("names an unknown parameter path and an unknown outcome, with the closest real name", () => {
    expect(
      problems(`${head}parameters:\n  params.traffickers.bribeShar: { min: 0.05, max: 0.2 }\n${target}`),
    ).toEqual([
      `${FILE}:5:3  parameters["params.traffickers.bribeShar"]  is not a parameter of model "economy": params.traffickers has no "bribeShar" (did you mean "bribeShare"?)`,
    ]);
    expect(
      problems(`${head}${param}targets:\n  fares_us: { observed: 10, tolerance: 1, source: s }\n`),
    ).toEqual([
      `${FILE}:7:3  targets.fares_us  is not an outcome of model "economy" (did you mean "fares_usd"?)`,
    ]);
  });

  it("refuses a prior end the model does not accept, and a band without its observed value", () => {
    const bad = problems(
      `${head}parameters:\n  params.traffickers.bribeShare: { min: 0.05, max: 2 }\n` +
        `targets:\n  fares_usd: { observed: 10, band: [11, 12], source: s }\n`,
    );
    // Both at once: the prior end is checked although the band is wrong.
    expect(bad).toEqual([
      `${FILE}:5:52  parameters["params.traffickers.bribeShare"].max  params.traffickers.bribeShare must be a number between 0 and 1`,
      `${FILE}:7:36  targets.fares_usd.band  must hold the observed value 10 (got [11, 12])`,
    ]);
    const end = problems(
      `${head}parameters:\n  params.traffickers.bribeShare: { min: 0.05, max: 2 }\n${target}`,
    );
    expect(end).toHaveLength(1);
    expect(end[0]).toMatch(
      /^test\/fixtures\/calibration\/c\.yaml:5:\d+ {2}parameters\["params\.traffickers\.bribeShare"\]\.max {2}params\.traffickers\.bribeShare .*1/,
    );
  });

  it("wants a band or a tolerance, exactly one", () => {
    const none = problems(`${head}${param}targets:\n  fares_usd: { observed: 10, source: s }\n`);
    expect(none).toEqual([
      `${FILE}:7:14  targets.fares_usd  give either band: [lo, hi] or tolerance (observed ± tolerance), not both or neither`,
    ]);
  });

  it("reports a key typo, a parameter-path typo and a bad band in one pass", () => {
    const text =
      `${head}seed: x\nparameters:\n  params.traffickers.bribeShar: { min: 0.05, max: 0.2 }\n` +
      "targets:\n  fares_usd: { observed: 10, band: [11, 12], source: s }\nmethdo: {}\n";
    expect(problems(text)).toEqual([
      `${FILE}:4:7  seed  must be an integer ≥ 0`,
      `${FILE}:6:3  parameters["params.traffickers.bribeShar"]  is not a parameter of model "economy": params.traffickers has no "bribeShar" (did you mean "bribeShare"?)`,
      `${FILE}:8:36  targets.fares_usd.band  must hold the observed value 10 (got [11, 12])`,
      `${FILE}:9:1  methdo  unknown key "methdo" (did you mean "method"?)`,
    ]);
  });

  it("locates schema problems and a missing scenario file", () => {
    expect(problems(`${head}${param}${target}method: { population: 2 }\n`)[0]).toMatch(
      /:8:23 {2}method\.population {2}/,
    );
    expect(problems(`name: t\nscenario: nowhere.yaml\n${param}${target}`)[0]).toMatch(
      /^test\/fixtures\/calibration\/c\.yaml:2:11 {2}scenario {2}file not found: /,
    );
  });
});
