/** Positions of problems across YAML layouts: block and flow scalars, CRLF, BOM, keys, missing nodes. */
import { describe, expect, it } from "vitest";
import { problemLine } from "../../../src/cli/problems.js";
import { MODELS } from "../../../src/models/registry.js";
import { loadScenarioText } from "../../../src/scenario/load.js";

/** The registered model names as the schema lists them (the registry grows; the message format must not). */
const MODEL_LIST = MODELS.map((m) => m.name).join(", ");

/** The formatted problems of `text` loaded as file "s.yaml". */
function problems(text: string): string[] {
  const res = loadScenarioText(text, "s.yaml");
  return res.ok ? [] : res.problems.map(problemLine);
}

const LEGEND = "  legend:\n    A: { province: a }\n    B: { province: b }\n";
const withAscii = (ascii: string) => `model: schelling\nmap:\n  ascii: ${ascii}\n${LEGEND}`;

describe("map characters are located at the exact line:col", () => {
  it("in a | block", () => {
    expect(problems(withAscii("|\n    AB\n    AxB"))).toEqual([
      "s.yaml:5:6  map.ascii  'x' is not in the legend",
      "s.yaml:5:7  map.ascii  row 2 has 3 cells, row 1 has 2",
    ]);
  });

  it("in a |- block with a comment on the header and extra indentation on a row", () => {
    expect(problems(withAscii("|-  # the map\n    AB\n     A"))).toEqual([
      "s.yaml:5:5  map.ascii  ' ' is not in the legend",
    ]);
  });

  it("in a block with an explicit indentation indicator", () => {
    expect(problems(withAscii("|2\n     AB\n    ABx"))).toEqual([
      "s.yaml:4:5  map.ascii  ' ' is not in the legend",
      "s.yaml:5:7  map.ascii  'x' is not in the legend",
    ]);
  });

  it("with CRLF line ends", () => {
    const text = withAscii("|\n    AB\n    xB").replaceAll("\n", "\r\n");
    expect(problems(text)).toEqual(["s.yaml:5:5  map.ascii  'x' is not in the legend"]);
  });

  it("after a byte-order mark, counting columns as editors do", () => {
    expect(problems(`\uFEFF${withAscii("ABx")}`)).toEqual([
      "s.yaml:3:12  map.ascii  'x' is not in the legend",
    ]);
  });

  it("in one-line plain and quoted strings", () => {
    expect(problems(withAscii("ABx"))).toEqual(["s.yaml:3:12  map.ascii  'x' is not in the legend"]);
    expect(problems(withAscii('"ABx"'))).toEqual(["s.yaml:3:13  map.ascii  'x' is not in the legend"]);
    expect(problems(withAscii("'ABx'"))).toEqual(["s.yaml:3:13  map.ascii  'x' is not in the legend"]);
  });

  it("at the string's start when quoting or folding hides the column", () => {
    expect(problems(withAscii('"AB\\nAx"'))).toEqual(["s.yaml:3:10  map.ascii  'x' is not in the legend"]);
    expect(problems(withAscii(">\n    ABx"))).toEqual(["s.yaml:3:10  map.ascii  'x' is not in the legend"]);
  });

  it("reports an empty map at the string", () => {
    expect(problems(withAscii("''"))).toEqual(["s.yaml:3:10  map.ascii  map is empty"]);
  });
});

describe("schema problems are located where they are", () => {
  it("puts unknown keys at the key, bad values at the value", () => {
    expect(problems("model: schelling\nparams:\n  radus: 2\n  agents: lots\n")).toEqual([
      's.yaml:3:3  params.radus  unknown key "radus" (did you mean "radius"?)',
      "s.yaml:4:11  params.agents  must be an integer between 0 and 1000000",
    ]);
  });

  it("puts a missing key at its parent mapping, a flow mapping at its brace", () => {
    expect(problems(`model: schelling\nmap:\n  ascii: A\n  legend:\n    A: { country: TJ }\n`)).toEqual([
      "s.yaml:5:8  map.legend.A.province  is required",
    ]);
    expect(problems("seed: 2\nticks: 3\n")).toEqual(["s.yaml:1:1  model  is required"]);
  });

  it("puts a problem with an empty value at its key", () => {
    expect(problems("model: schelling\nparams:\nseed: 3\n")).toEqual([
      "s.yaml:2:1  params  must be a mapping (key: value entries)",
    ]);
  });

  it("quotes path segments that are not plain words", () => {
    expect(problems(`model: schelling\nmap:\n  ascii: "~"\n  legend:\n    "~": { province: "" }\n`)).toEqual([
      's.yaml:5:22  map.legend["~"].province  must not be empty',
    ]);
  });

  it("explains a legend key that YAML read as null", () => {
    expect(
      problems(
        `model: schelling\nmap:\n  ascii: A\n  legend:\n    A: { province: a }\n    ~: { province: river }\n`,
      ),
    ).toEqual([
      's.yaml:6:5  map.legend[""]  key "" must be exactly 1 character long (a bare ~ is null in YAML; quote it: "~")',
    ]);
  });

  it("still checks the rest of the file when the model is unknown", () => {
    expect(
      problems("model: wolfsheep\nseed: -2\nmap:\n  ascii: AB\n  legend: { A: { province: a } }\n"),
    ).toEqual([
      `s.yaml:1:8  model  must be one of: ${MODEL_LIST} (did you mean "wolf-sheep"?)`,
      "s.yaml:2:7  seed  must be an integer ≥ 0",
      "s.yaml:4:11  map.ascii  'B' is not in the legend",
    ]);
  });
});

describe("whole-document and YAML problems", () => {
  it("reports an empty file and a non-mapping document at (root)", () => {
    expect(problems("")).toEqual([
      's.yaml:1:1  (root)  is empty (a scenario needs at least a "model:" line)',
    ]);
    expect(problems("# just a comment\n")).toEqual([
      's.yaml:1:1  (root)  is empty (a scenario needs at least a "model:" line)',
    ]);
    expect(problems("- model: schelling\n")).toEqual([
      "s.yaml:1:1  (root)  must be a mapping (key: value entries)",
    ]);
  });

  it("reports every YAML error with its position", () => {
    expect(problems("model: schelling\n- a\nb: 1\n  c: [1\n").length).toBeGreaterThan(1);
    expect(problems("model: schelling\n- a\n").every((l) => l.includes("  (yaml)  "))).toBe(true);
  });

  it("reports an alias without anchor at the alias", () => {
    expect(problems("model: schelling\nseed: *s\n")).toEqual([
      "s.yaml:2:7  (yaml)  alias *s has no anchor &s before it",
    ]);
  });

  it("reports an alias bomb instead of expanding it", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (const [k, prev] of [
      ["b", "a"],
      ["c", "b"],
      ["d", "c"],
      ["e", "d"],
    ]) {
      levels.push(`${k}: &${k} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    }
    expect(problems(`${levels.join("\n")}\nmodel: schelling\n`)).toEqual([
      "s.yaml:1:1  (yaml)  Excessive alias count indicates a resource exhaustion attack",
    ]);
  });

  it("goes on past duplicate keys, whose tree is intact", () => {
    expect(problems("model: schelling\nseed: 1\nseed: 2\nticks: -1\n")).toEqual([
      "s.yaml:3:1  (yaml)  Map keys must be unique",
      "s.yaml:4:8  ticks  must be an integer between 0 and 1000000",
    ]);
  });
});
