/**
 * The out-of-sample study of pattern P7 (scenarios/studies/northern-route-2013-16.yaml) varies the
 * whole `shifts` block, which replaces the scenario's: each arm must repeat the scenario's fitted
 * city demand, or the 2008–12 arm would not be the calibrated model.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const read = (f: string) => parse(readFileSync(f, "utf8"));

describe("the P7 study", () => {
  it("carries the scenario's fitted demandScale in every arm's shifts", () => {
    const study = read("scenarios/studies/northern-route-2013-16.yaml");
    const scenario = read(`scenarios/${study.scenario.replace(/^\.\.\//, "")}`);
    const fitted = scenario.params.shifts.demandScale;
    expect(Object.keys(fitted).sort()).toEqual(["Almaty", "Osh"]);
    const arms = study.factors["params.shifts"].values as { demandScale?: unknown }[];
    expect(arms).toHaveLength(7);
    for (const arm of arms) expect(arm.demandScale).toEqual(fitted);
  });
});
