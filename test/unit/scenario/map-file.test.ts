/**
 * `map: <file>.json` in scenarios: the path is relative to the scenario file, the map reaches the
 * model as a RegionMap, and every way the file can be wrong is one located problem at `map`
 * naming the path.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { problemLine } from "../../../src/cli/problems.js";
import { OUTSIDE_REGION } from "../../../src/map/file/region-map.js";
import { loadScenarioFile, loadScenarioText } from "../../../src/scenario/load.js";

const SCENARIOS = fileURLToPath(new URL("../../../scenarios/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "pamir-map-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The formatted problems of `text` loaded as if it were the file `file`. */
function problems(text: string, file = join(dir, "s.yaml")): string[] {
  const res = loadScenarioText(text, file);
  return res.ok ? [] : res.problems.map(problemLine);
}

describe("a scenario naming a map file", () => {
  it("loads the map relative to the scenario and hands the model a RegionMap", () => {
    const r = loadScenarioFile(join(SCENARIOS, "schelling-central-asia.yaml"));
    if (!r.ok) throw new Error(r.problems.map(problemLine).join("\n"));
    const map = r.scenario.map!;
    expect(r.scenario.mapFile).toBe(join(SCENARIOS, "maps", "central-asia.json"));
    expect([map.width, map.height, map.torus]).toEqual([80, 48, false]);
    let free = 0;
    for (const k of map.region) {
      const info = map.regions[k]!;
      if (!info.blocked) free++;
      else expect(info.province).toBe(OUTSIDE_REGION);
    }
    expect(free).toBe(3510); // the cells of the 62 provinces (docs/map.md)
    const names = new Set(map.regions.map((g) => g.province));
    expect(names.has("Gorno-Badakhshan") && names.has("Badakhshan")).toBe(true);
    expect(map.regions.some((g) => g.crossing === "informal")).toBe(true);
  });

  it("resolves a relative path from the scenario's own directory, not the working directory", () => {
    const file = join(dir, "nested", "s.yaml");
    const rel = relative(dirname(file), join(SCENARIOS, "maps", "central-asia.json"));
    const r = loadScenarioText(`model: schelling\nmap: ${rel}\n`, file);
    expect(r.ok && r.scenario.mapFile).toBe(join(SCENARIOS, "maps", "central-asia.json"));
  });

  it("runs the model's own checks against the map's free cells", () => {
    const map = join(SCENARIOS, "maps", "central-asia.json");
    expect(problems(`model: schelling\nmap: ${map}\nparams:\n  agents: 4000\n`)).toEqual([
      `${join(dir, "s.yaml")}:4:11  params.agents  must be ≤ 3510, the free cells of the grid`,
    ]);
  });

  it("reports a missing file at map, naming the path and where it was looked for", () => {
    expect(problems("model: schelling\nmap: maps/nope.json\n")).toEqual([
      `${join(dir, "s.yaml")}:2:1  map  "maps/nope.json": file not found (looked for ${join(dir, "maps", "nope.json")})`,
    ]);
  });

  it("reports a file that is not JSON at map", () => {
    writeFileSync(join(dir, "broken.json"), '{"format": "pamir-map/1",');
    const [p, ...rest] = problems("seed: 3\nmodel: schelling\nmap: broken.json\n");
    expect(rest).toEqual([]);
    expect(p).toMatch(/s\.yaml:3:1 {2}map {2}"broken\.json" is not valid JSON: /);
  });

  it("reports every problem of a JSON file that is no map, each at map naming the path", () => {
    writeFileSync(join(dir, "other.json"), JSON.stringify({ format: "pamir-map/1", name: "x" }));
    const ps = problems("model: schelling\nmap: other.json\n");
    expect(ps.length).toBeGreaterThan(3);
    for (const p of ps) expect(p).toMatch(/s\.yaml:2:1 {2}map {2}"other\.json" [a-z]+: /);
    expect(ps.some((p) => p.includes('"other.json" layers: '))).toBe(true);
  });

  it("reports a path that is a directory", () => {
    mkdirSync(join(dir, "adir.json"));
    const ps = problems("model: schelling\nmap: adir.json\n");
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatch(/s\.yaml:2:1 {2}map {2}"adir\.json": is a directory, not a file \(looked for /);
  });

  it("rejects a map value that is neither inline art nor a .json path, at the value", () => {
    expect(problems("model: schelling\nmap: 5\n")).toEqual([
      `${join(dir, "s.yaml")}:2:6  map  must be a mapping (key: value entries) or a string`,
    ]);
    expect(problems("model: schelling\nmap: maps/central-asia.yaml\n")).toEqual([
      `${join(dir, "s.yaml")}:2:6  map  must end with ".json"`,
    ]);
  });

  it("still explains a broken inline map against its own keys", () => {
    expect(problems("model: schelling\nmap:\n  ascii: AB\n  legnd: {}\n")).toEqual([
      `${join(dir, "s.yaml")}:3:3  map.legend  is required`,
      `${join(dir, "s.yaml")}:4:3  map.legnd  unknown key "legnd" (did you mean "legend"?)`,
    ]);
  });

  it("refuses a map file for a model that reads no map", () => {
    expect(problems("model: wolf-sheep\nmap: maps/central-asia.json\n")).toEqual([
      `${join(dir, "s.yaml")}:2:1  map  map is not used by model "wolf-sheep"`,
    ]);
  });

  it("reloads a map file that changed on disk", () => {
    const file = join(dir, "changing.json");
    writeFileSync(file, "{");
    expect(problems("model: schelling\nmap: changing.json\n")).toHaveLength(1);
    writeFileSync(file, JSON.stringify({ format: "pamir-map/1" }));
    expect(problems("model: schelling\nmap: changing.json\n")[0]).toMatch(/"changing\.json" name: /);
  });
});
