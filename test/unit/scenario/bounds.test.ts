/** Scenario inputs within bounds: agent counts, map grids, YAML nesting and aliases, each a located error. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { problemLine } from "../../../src/cli/problems.js";
import { loadScenarioText } from "../../../src/scenario/load.js";

function problems(text: string, file = "s.yaml"): string[] {
  const r = loadScenarioText(text, file);
  return r.ok ? [] : r.problems.map(problemLine);
}

describe("scenario bounds", () => {
  it("refuses wolves: 2147483648 and 1e9 at the value instead of failing (or filling memory) in the run", () => {
    for (const n of ["2147483648", "1e9", "1000000000"]) {
      const found = problems(`model: wolf-sheep\nparams:\n  wolves: ${n}\n`);
      expect(found, n).toHaveLength(1);
      expect(found[0]).toMatch(/^s\.yaml:3:11 {2}params\.wolves {2}must be an integer between 0 and \d+$/);
    }
  });

  it("refuses a map file declaring a 20 000 × 20 000 or 100 000 × 100 000 grid at its grid, before building it", () => {
    const dir = mkdtempSync(join(tmpdir(), "pamir-bounds-"));
    const map = JSON.parse(readFileSync("scenarios/maps/central-asia.json", "utf8"));
    for (const side of [20_000, 100_000]) {
      writeFileSync(
        join(dir, "big.json"),
        JSON.stringify({ ...map, grid: { ...map.grid, width: side, height: side } }),
      );
      const found = problems("model: schelling\nmap: big.json\n", join(dir, "s.yaml"));
      expect(found.length, String(side)).toBeGreaterThan(0);
      expect(found[0]).toContain('"big.json" grid.width:');
      expect(found.join("\n")).not.toMatch(/Invalid typed array length/);
    }
  });

  it("refuses YAML nested 20 000 deep with one located error", () => {
    const deep = `name: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`;
    const found = problems(`model: wolf-sheep\n${deep}`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^s\.yaml:2:\d+ {2}\(yaml\) {2}nests deeper than \d+ levels/);
    const block = Array.from({ length: 300 }, (_, i) => `${" ".repeat(i)}a:`).join("\n");
    expect(problems(`model: wolf-sheep\nname:\n${block} 1\n`)[0]).toMatch(/\(yaml\) {2}nests deeper than/);
  });

  it("reports aliases without anchors in one pass (30 000 of them), each located", () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => `  - *a${i}`);
    const found = problems(`model: wolf-sheep\nname:\n${lines.join("\n")}\n`);
    expect(found).toHaveLength(30_000);
    expect(found[0]).toBe("s.yaml:3:5  (yaml)  alias *a0 has no anchor &a0 before it");
    expect(found[29_999]).toBe("s.yaml:30002:5  (yaml)  alias *a29999 has no anchor &a29999 before it");
  });

  it("accepts an alias after its anchor and refuses one before it", () => {
    expect(problems("model: wolf-sheep\nparams:\n  sheep: &n 10\n  wolves: *n\n")).toEqual([]);
    expect(problems("model: wolf-sheep\nparams:\n  sheep: *n\n  wolves: &n 10\n")).toEqual([
      "s.yaml:3:10  (yaml)  alias *n has no anchor &n before it",
    ]);
  });
});
