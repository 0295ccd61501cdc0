/** Every broken fixture reports exactly its located problems; valid fixtures load with defaults filled. */
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { problemLine } from "../../../src/cli/problems.js";
import { MODELS } from "../../../src/models/registry.js";
import { loadScenarioFile } from "../../../src/scenario/load.js";

/** The registered model names as the schema lists them (the registry grows; the message format must not). */
const MODEL_LIST = MODELS.map((m) => m.name).join(", ");

const DIR = fileURLToPath(new URL("../../fixtures/scenarios/", import.meta.url));

/** The formatted problems of a fixture, labelled by its base name so expectations do not depend on cwd. */
function problems(name: string): string[] {
  const res = loadScenarioFile(DIR + name);
  if (res.ok) return [];
  return res.problems.map((e) => problemLine({ ...e, file: basename(e.file) }));
}

function loaded(name: string) {
  const res = loadScenarioFile(DIR + name);
  if (!res.ok) throw new Error(res.problems.map(problemLine).join("\n"));
  return res.scenario;
}

const BROKEN: Record<string, string[]> = {
  "wrong-type.yaml": [
    "wrong-type.yaml:3:11  params.radius  must be an integer between 1 and 50",
    "wrong-type.yaml:4:21  params.stopWhenAllHappy  must be true or false",
  ],
  "unknown-key.yaml": [
    'unknown-key.yaml:2:1  tick  unknown key "tick" (did you mean "ticks"?)',
    'unknown-key.yaml:5:3  params.wolfs  unknown key "wolfs" (did you mean "wolves"?)',
  ],
  "missing-model.yaml": ["missing-model.yaml:1:1  model  is required"],
  "unknown-model.yaml": [
    `unknown-model.yaml:2:8  model  must be one of: ${MODEL_LIST} (did you mean "schelling"?)`,
  ],
  "out-of-range.yaml": [
    "out-of-range.yaml:2:7  seed  must be an integer ≥ 0",
    "out-of-range.yaml:4:19  params.sheepReproduce  must be a number between 0 and 1",
    "out-of-range.yaml:5:13  params.wolfGain  must be a number ≥ 0",
    "out-of-range.yaml:6:13  params.regrowth  must be an integer ≥ 1",
  ],
  "ragged-map.yaml": [
    "ragged-map.yaml:7:10  map.ascii  row 2 has 5 cells, row 1 has 6",
    "ragged-map.yaml:8:11  map.ascii  row 3 has 7 cells, row 1 has 6",
  ],
  "undefined-map-char.yaml": [
    "undefined-map-char.yaml:7:7  map.ascii  'x' is not in the legend (first of 2 cells)",
    "undefined-map-char.yaml:8:7  map.ascii  ' ' is not in the legend",
  ],
  // Not named .yaml: biome parses YAML files and would fail the lint on this deliberately broken one.
  "yaml-syntax.yaml.txt": [
    "yaml-syntax.yaml.txt:3:1  (yaml)  Flow map in block collection must be sufficiently indented and end with a }",
  ],
  "map-not-used.yaml": ['map-not-used.yaml:2:1  map  map is not used by model "wolf-sheep"'],
  "several-errors.yaml": [
    "several-errors.yaml:1:7  name  must be a string",
    "several-errors.yaml:3:7  seed  must be an integer ≥ 0",
    'several-errors.yaml:4:1  tick  unknown key "tick" (did you mean "ticks"?)',
    "several-errors.yaml:6:11  params.agents  must be an integer between 0 and 1000000",
    "several-errors.yaml:7:11  params.radius  must be an integer between 1 and 50",
    'several-errors.yaml:8:13  params.counting  must be one of: incremental, scan (did you mean "scan"?)',
    "several-errors.yaml:12:6  map.ascii  '?' is not in the legend",
    "several-errors.yaml:14:38  map.legend.A.blocked  must be true or false",
    'several-errors.yaml:15:26  map.legend.B.contry  unknown key "contry" (did you mean "country"?)',
  ],
  "legend-problems.yaml": [
    "legend-problems.yaml:3:12  map.ascii  'B' is not in the legend",
    "legend-problems.yaml:5:8  map.legend.A.province  is required",
    'legend-problems.yaml:6:5  map.legend.BB  key "BB" must be exactly 1 character long',
  ],
  "too-many-agents.yaml": [
    "too-many-agents.yaml:3:11  params.agents  must be ≤ 3, the free cells of the grid",
  ],
};

describe("broken scenario fixtures", () => {
  for (const [name, expected] of Object.entries(BROKEN)) {
    it(`${name} reports every problem, located`, () => {
      expect(problems(name)).toEqual(expected);
    });
  }

  it("reports an unreadable file as one (file) error at 0:0", () => {
    const res = loadScenarioFile(`${DIR}does-not-exist.yaml`);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.problems.map((e) => problemLine({ ...e, file: basename(e.file) }))).toEqual([
      "does-not-exist.yaml:0:0  (file)  file not found",
    ]);
  });

  it("reports a directory as unreadable too", () => {
    const res = loadScenarioFile(DIR);
    expect(res.ok ? [] : res.problems.map((e) => [e.line, e.col, e.path, e.message])).toEqual([
      [0, 0, "(file)", "is a directory, not a file"],
    ]);
  });
});

describe("valid scenario fixtures", () => {
  it("fills every default from a file that names only the model", () => {
    const sc = loaded("valid-minimal.yaml");
    expect(sc.model.name).toBe("schelling");
    expect(sc.name).toBe("valid-minimal");
    expect(sc.seed).toBe(1);
    expect(sc.ticks).toBe(sc.model.defaultTicks);
    expect(sc.params).toEqual({
      width: 40,
      height: 40,
      agents: 1000,
      radius: 1,
      minToBeHappy: 3,
      stopWhenAllHappy: false,
      counting: "incremental",
    });
    expect(sc.map).toBeUndefined();
  });

  it("keeps given values and fills the rest for wolf-sheep", () => {
    const sc = loaded("valid-wolf-sheep.yaml");
    expect(sc.name).toBe("Wolf-sheep, benchmark small");
    expect(sc.raw.description).toContain("wolf-sheep setup");
    expect([sc.model.name, sc.seed, sc.ticks]).toEqual(["wolf-sheep", 7, 100]);
    expect(sc.params).toMatchObject({
      width: 30,
      height: 25,
      sheepReproduce: 0.25,
      wolfReproduce: 0.1,
      torus: true,
    });
  });

  it("builds the region map in legend order, row 0 first", () => {
    const sc = loaded("valid-map.yaml");
    expect(sc.ticks).toBe(5);
    const map = sc.map!;
    expect([map.width, map.height]).toEqual([6, 3]);
    // Legend order is the file's, even for integer-like keys that JS objects would sort first.
    expect(map.regions.map((r) => r.char)).toEqual(["A", "B", "~", ".", "2", "1"]);
    expect(map.regions[2]).toEqual({ char: "~", province: "Panj river", blocked: true });
    expect(map.regions[0]).toEqual({ char: "A", province: "Khatlon", country: "TJ", blocked: false });
    expect(Array.from(map.region)).toEqual([0, 0, 0, 1, 3, 3, 0, 0, 1, 1, 2, 2, 5, 4, 1, 3, 2, 3]);
    // The model names are plain strings to TypeScript, so `map` is found by key, not by model.
    // `map` is inline art here (it may also be a map file path, a string).
    const raw = "map" in sc.raw ? sc.raw.map : undefined;
    expect(typeof raw).toBe("object");
    expect(typeof raw === "object" && raw.torus).toBe(false);
  });
});
