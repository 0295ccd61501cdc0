/** Province values are drawn one way: the full map (`pamir map`) and the report's small maps paint alike. */
import { describe, expect, it } from "vitest";
import { classLegendSvg } from "../../../../src/map/draw/legend.js";
import type { MapOutline } from "../../../../src/map/draw/outline.js";
import { VALUE_CLASSES } from "../../../../src/map/draw/palette.js";
import { renderSmallMap, smallMapFrame } from "../../../../src/map/draw/small.js";
import { renderMapSvg } from "../../../../src/map/draw/svg.js";
import { layerLegend, layerScale, type ValueLayer } from "../../../../src/map/draw/values.js";
import { namedWorld } from "../../../../src/worlds/resolve.js";

/** Each province path's fill and tooltip, in document order. */
function provincePaint(svg: string): [string, string][] {
  return [...svg.matchAll(/<path[^>]*class="province"[^>]*fill="([^"]+)"><title>([^<]*)<\/title>/g)].map(
    (m) => [m[1]!, m[2]!],
  );
}

/** A layer with a spread of values, some provinces without one. */
function layerOf(outline: MapOutline): ValueLayer {
  return {
    label: "Heroin seized (kg, mean per run)",
    unit: "kg",
    values: outline.provinces.map((_, i) => (i % 5 === 4 ? undefined : (i * 7919) % 88_750_000)),
  };
}

describe("one way to draw province values", () => {
  it.each(["central-asia", "corridor"] as const)(
    "%s: the full map and a small map give every province the same fill and tooltip",
    (world) => {
      const outline = namedWorld(world).outline();
      const layer = layerOf(outline);
      const scale = layerScale([layer]);
      const full = provincePaint(renderMapSvg(outline, { choropleth: layer }));
      const small = provincePaint(
        renderSmallMap(smallMapFrame(outline), { id: "m", title: "t", layer, scale }),
      );
      expect(full).toHaveLength(outline.provinces.length);
      expect(small).toEqual(full);
      // Values in the one table format, with their unit; no value says so.
      expect(full.some(([, t]) => /: \d{1,3}(,\d{3})* kg$/.test(t))).toBe(true);
      expect(full.filter(([, t]) => t.endsWith(": no data"))).toHaveLength(
        layer.values.filter((v) => v === undefined).length,
      );
      expect(new Set(full.map(([f]) => f)).size).toBeGreaterThan(2);
    },
  );

  it("labels the classes alike in the full map's legend and the report's strip", () => {
    const outline = namedWorld("central-asia").outline();
    const layer = layerOf(outline);
    const scale = layerScale([layer]);
    const labels = layerLegend(layer, scale).entries.map((e) => e.label);
    const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    const full = texts(renderMapSvg(outline, { choropleth: layer }));
    const strip = texts(classLegendSvg("l", layerLegend(layer, scale)));
    for (const l of labels) {
      expect(full).toContain(l);
      expect(strip).toContain(l);
    }
  });

  it("shares one scale over the maps of a row, from 0 to the largest value (0–1 for shares)", () => {
    const a: ValueLayer = { label: "a", values: [1, 2, undefined] };
    const b: ValueLayer = { label: "b", values: [40, Number.NaN, 3] };
    const row = layerScale([a, b]);
    expect(row.step * row.classes).toBeGreaterThanOrEqual(40);
    expect(row.classes).toBeLessThanOrEqual(VALUE_CLASSES.length);
    expect(layerScale([a])).not.toEqual(row);
    expect(layerScale([b], true)).toEqual(layerScale([{ label: "s", values: [1] }]));
  });
});
