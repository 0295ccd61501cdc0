/** The legend's cell attributes (road, crossing, ruggedness) load from a scenario file into the RegionMap. */
import { describe, expect, it } from "vitest";
import { loadScenarioText } from "../../../src/scenario/load.js";

const scenario = (legend: string) =>
  `model: schelling\nparams: { agents: 2 }\nmap:\n  ascii: |\n    AB=\n    AB~\n  legend:\n${legend}`;

describe("legend cell attributes", () => {
  it("carries road, crossing and ruggedness into the region map", () => {
    const res = loadScenarioText(
      scenario(
        [
          "    A: { province: Kunduz, country: AF, road: true, ruggedness: 0.2 }",
          "    B: { province: Khatlon, country: TJ }",
          "    '=': { province: Khatlon, country: TJ, crossing: official, road: true }",
          "    '~': { province: Panj, blocked: true, ruggedness: 1 }",
          "",
        ].join("\n"),
      ),
      "s.yaml",
    );
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const regions = res.scenario.map!.regions;
    expect(regions[0]).toEqual({
      char: "A",
      province: "Kunduz",
      country: "AF",
      blocked: false,
      road: true,
      ruggedness: 0.2,
    });
    // Unset attributes stay absent, so maps written before them read exactly as before.
    expect(regions[1]).toEqual({ char: "B", province: "Khatlon", country: "TJ", blocked: false });
    expect(regions[2]).toMatchObject({ crossing: "official", road: true });
    expect(regions[3]).toMatchObject({ blocked: true, ruggedness: 1 });
  });

  it("rejects a ruggedness outside [0, 1] and an unknown crossing kind, located", () => {
    const res = loadScenarioText(
      scenario(
        [
          "    A: { province: a, ruggedness: 1.5 }",
          "    B: { province: b, crossing: bridge }",
          "    '=': { province: c }",
          "    '~': { province: d, blocked: true }",
          "",
        ].join("\n"),
      ),
      "s.yaml",
    );
    expect(res.ok).toBe(false);
    if (res.ok) return;
    const paths = res.problems.map((e) => e.path);
    expect(paths).toContain("map.legend.A.ruggedness");
    expect(paths).toContain("map.legend.B.crossing");
    expect(res.problems.every((e) => e.line > 0)).toBe(true);
  });
});
