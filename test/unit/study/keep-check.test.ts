/** `keep:` and `series.keep:` globs checked against the catalogue of the models a study runs. */
import { describe, expect, it } from "vitest";
import { problemLine } from "../../../src/cli/problems.js";
import { loadStudyText } from "../../../src/study/load.js";

const FILE = "test/fixtures/studies/s.yaml"; // scenario paths resolve against test/fixtures/studies/
const head = "name: t\nscenario: tiny-scenario.yaml\nfactors:\n  params.radius: { values: [1, 2] }\n";

function problems(text: string): string[] {
  const r = loadStudyText(text, FILE);
  return r.ok ? [] : r.problems.map(problemLine);
}

describe("keep globs against the outcome catalogue", () => {
  it("accepts names and globs that match a declared outcome or series", () => {
    expect(
      problems(
        `${head}keep: [happy_share, "moves_*", "*"]\nseries: { every: 2, keep: ["happy_*", moves] }\n`,
      ),
    ).toEqual([]);
  });

  it("locates a glob that matches no outcome at its value, with the nearest name", () => {
    expect(problems(`${head}keep: [happy_share, happy_shar, "province.*"]\n`)).toEqual([
      `${FILE}:5:21  keep[1]  "happy_shar" matches no outcome of schelling (did you mean "happy_share"?)`,
      `${FILE}:5:33  keep[2]  "province.*" matches no outcome of schelling; \`pamir outcomes schelling\` lists them`,
    ]);
  });

  it("checks series globs against the declared series, not the outcomes", () => {
    expect(problems(`${head}series: { every: 2, keep: [segregation] }\n`)).toEqual([
      `${FILE}:5:28  series.keep[0]  "segregation" matches no series of schelling; \`pamir outcomes schelling\` lists them`,
    ]);
  });

  it("suggests a pattern's glob for a misspelt dimensioned outcome", () => {
    const text =
      "name: t\nscenario: ../../../scenarios/baseline.yaml\nfactors:\n  params.warmUpDays: { values: [30] }\n" +
      'keep: ["price.*", "pric.*"]\n';
    expect(problems(text)).toEqual([
      `${FILE}:5:19  keep[1]  "pric.*" matches no outcome of economy (did you mean "price.*"?)`,
    ]);
  });
});
