/** The world resolver: which world a scenario runs on, and a guess from province names when nothing says. */
import { describe, expect, it } from "vitest";
import type { RegionMap } from "../../../src/core/region-map.js";
import { bundledMapFile } from "../../../src/map/file/bundled.js";
import { guessWorld, resolveWorld, worldSourceOf } from "../../../src/worlds/resolve.js";

const cells: RegionMap = {
  width: 2,
  height: 1,
  torus: false,
  region: Int32Array.of(0, 1),
  regions: [
    { char: "A", province: "A", blocked: false },
    { char: "~", province: "river", blocked: true },
  ],
};

describe("worldSourceOf", () => {
  it("takes the map file first, then params.world, then the ASCII map", () => {
    expect(
      worldSourceOf({ name: "s", params: { world: "corridor" }, mapFile: "m.json", map: cells }),
    ).toEqual({
      kind: "file",
      path: "m.json",
    });
    expect(worldSourceOf({ name: "s", params: { world: "central-asia" }, map: cells })).toEqual({
      kind: "named",
      name: "central-asia",
    });
    expect(worldSourceOf({ name: "s", params: { world: "atlantis" }, map: cells })?.kind).toBe("cells");
    expect(worldSourceOf({ name: "s", params: {} })).toBeUndefined();
  });
});

describe("resolveWorld", () => {
  it("gives a named world its shapes and its built World with crossings", () => {
    const r = resolveWorld({ kind: "named", name: "corridor" });
    if (!r.ok) throw new Error("corridor did not resolve");
    expect(r.world.outline().provinces).toHaveLength(12);
    const built = r.world.build?.();
    expect(built?.ok && built.crossings.length).toBeGreaterThan(0);
  });

  it("loads a map file, and returns its problems as data when it cannot", () => {
    const ok = resolveWorld({ kind: "file", path: bundledMapFile() });
    expect(ok.ok && ok.world.mapFile?.provinces.length).toBe(62);
    const bad = resolveWorld({ kind: "file", path: "no/such/map.json" });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems[0]).toMatchObject({ kind: "file", path: "(file)", message: "file not found" });
  });

  it("draws a cell map without building a World (it has no province table)", () => {
    const r = resolveWorld({ kind: "cells", map: cells, name: "tiny" });
    if (!r.ok) throw new Error("cells did not resolve");
    expect(r.world.build).toBeUndefined();
    expect(r.world.outline().provinces.map((p) => p.name)).toEqual(["A"]);
    expect(r.world.outline().water).toHaveLength(1);
  });
});

describe("guessWorld", () => {
  it("picks the world whose provinces the names are", () => {
    expect(guessWorld(["GBAO", "Khatlon", "Badakhshan"])?.world.name).toBe("corridor");
    expect(guessWorld(["Gorno-Badakhshan", "Khatlon", "Badakhshan"])?.world.name).toBe("central-asia");
    // Names both worlds have go to the smaller one; names neither has are reported.
    const both = guessWorld(["Badakhshan", "Kunduz", "Atlantis"])!;
    expect(both.world.name).toBe("corridor");
    expect(both.unmatched).toEqual(["Atlantis"]);
    expect(guessWorld(["Atlantis"])).toBeUndefined();
  });
});
