/** The map loader reports every problem with its path in the file, and never throws on bad input. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { problemLine } from "../../../../src/cli/problems.js";
import type { MapDocument } from "../../../../src/map/file/document.js";
import { loadCentralAsiaMap, parseCentralAsiaMap } from "../../../../src/map/file/load.js";

const FILE = fileURLToPath(new URL("../../../../scenarios/maps/central-asia.json", import.meta.url));
const text = readFileSync(FILE, "utf8");

function problems(edit: (doc: MapDocument) => void): string[] {
  const doc = JSON.parse(text) as MapDocument;
  edit(doc);
  const r = parseCentralAsiaMap(JSON.stringify(doc), "m.json");
  return r.ok ? [] : r.problems.map(problemLine);
}

describe("loadCentralAsiaMap", () => {
  it("loads the committed map into typed layers", () => {
    const r = loadCentralAsiaMap(FILE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const m = r.map;
    expect(m.province).toBeInstanceOf(Int32Array);
    expect(m.country).toBeInstanceOf(Uint8Array);
    expect(m.ruggedness).toBeInstanceOf(Float64Array);
    expect(m.road).toBeInstanceOf(Uint8Array);
    expect(m.crossing).toBeInstanceOf(Int32Array);
    expect(m.province.length).toBe(80 * 48);
    expect(Math.max(...m.ruggedness)).toBeLessThanOrEqual(1);
    expect(m.road.some((v) => v === 1)).toBe(true);
  });

  it("reports a missing file and broken JSON as one error each", () => {
    const r = loadCentralAsiaMap("no/such/map.json");
    expect(r.ok ? [] : r.problems.map(problemLine)).toEqual(["no/such/map.json  (file)  file not found"]);
    const j = parseCentralAsiaMap("{", "m.json");
    expect(j.ok ? [] : j.problems.map((e) => e.path)).toEqual(["(json)"]);
  });

  it("locates schema problems by path", () => {
    expect(
      problems((d) => {
        d.provinces[2]!.hardship = 2;
        (d.crossings[1] as { kind: string }).kind = "bridge";
        delete (d.grid as { res?: number }).res;
      }),
    ).toEqual([
      expect.stringMatching(/^m\.json {2}grid\.res {2}/),
      expect.stringMatching(/^m\.json {2}provinces\[2\]\.hardship {2}/),
      expect.stringMatching(/^m\.json {2}crossings\[1\]\.kind {2}/),
    ]);
  });

  it("reports layers that disagree with the grid or the tables", () => {
    expect(
      problems((d) => {
        d.layers.road = [0, 10];
        d.provinces[0]!.cells += 1;
        d.crossings[1]!.cell = d.crossings[0]!.cell;
      }),
    ).toEqual([
      "m.json  layers.road  runs cover 10 cells, the grid has 3840",
      expect.stringMatching(/^m\.json {2}provinces\[0\]\.cells {2}says \d+, the province layer has \d+$/),
      expect.stringMatching(/^m\.json {2}crossings\[1\]\.cell {2}cell \d+ already holds crossing 0$/),
    ]);
  });
});
