/** The worlds' drawing shapes in pixels: one projection, one set of layers for every province map. */
import { describe, expect, it } from "vitest";
import { smallMapFrame } from "../../../../src/map/draw/small.js";
import { namedWorld } from "../../../../src/worlds/resolve.js";

describe("the shapes of the shipped worlds", () => {
  it("projects the 62 Central Asian provinces through the equal-area conic, fitted to the width", () => {
    const m = smallMapFrame(namedWorld("central-asia").outline());
    expect(m.provinces).toHaveLength(62);
    expect(m.provinces.every((d) => d.startsWith("M") && d.endsWith("Z"))).toBe(true);
    expect(m.projection.width).toBe(360);
    expect(m.projection.height).toBeGreaterThan(150);
    expect(m.projection.height).toBeLessThan(360);
    // Gorno-Badakhshan spans about 6° of the box's 20°, so about 100 of 360 pixels.
    const i = m.outline.provinces.findIndex((p) => p.name === "Gorno-Badakhshan");
    const xs = [...m.provinces[i]!.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((x) => Number(x[1]));
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(80);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(360);
    // Seven countries, each with a border to draw.
    expect(m.outline.countries.map((c) => c.code)).toEqual(["AF", "TJ", "KG", "UZ", "KZ", "TM", "CN"]);
  });

  it("draws the corridor world's provinces on its cell raster, with the river as water", () => {
    const m = smallMapFrame(namedWorld("corridor").outline());
    expect(m.outline.provinces.map((p) => p.name).sort()).toEqual([
      "Badakhshan",
      "Balkh",
      "Dushanbe",
      "GBAO",
      "Kazakhstan",
      "Khatlon",
      "Kunduz",
      "Osh",
      "Russia",
      "Takhar",
      "Uzbekistan",
      "Xinjiang",
    ]);
    expect([m.projection.width, m.projection.height]).toEqual([360, 270]);
    expect(m.water).toMatch(/^M[\d. LMZ]+Z$/);
    // Countries come from the world's province table: the legend names none.
    expect(m.outline.countries.map((c) => c.code)).toEqual(["RU", "KZ", "CN", "UZ", "KG", "TJ", "AF"]);
  });
});
