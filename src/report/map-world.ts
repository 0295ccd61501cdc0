/**
 * Which world a study's provinces are on. Runs name provinces, not maps, so the map is the one
 * whose province names cover the most of them: the real Central Asia map or the stylised
 * corridor (their Afghan provinces share names, their Tajik and outer regions do not). Shapes
 * are built once per process.
 */
import { centralAsiaShapes } from "./geo-map.js";
import { corridorShapes } from "./grid-map.js";
import type { MapShapes } from "./map-shapes.js";

const WORLDS: { key: string; build: () => MapShapes }[] = [
  { key: "central-asia", build: centralAsiaShapes },
  { key: "corridor", build: corridorShapes },
];
const built = new Map<string, MapShapes>();

function shapesOf(key: string, build: () => MapShapes): MapShapes {
  let s = built.get(key);
  if (!s) {
    s = build();
    built.set(key, s);
  }
  return s;
}

/** The map that holds the most of `names`, with the names it lacks; undefined when none holds any. */
export function mapFor(names: readonly string[]): { shapes: MapShapes; unmatched: string[] } | undefined {
  let best: { shapes: MapShapes; unmatched: string[] } | undefined;
  for (const w of WORLDS) {
    const shapes = shapesOf(w.key, w.build);
    const have = new Set(shapes.provinces.map((p) => p.name));
    const unmatched = names.filter((n) => !have.has(n));
    const matched = names.length - unmatched.length;
    // Ties go to the smaller map: the names fit it more tightly.
    const better =
      !best ||
      matched > names.length - best.unmatched.length ||
      (matched === names.length - best.unmatched.length &&
        shapes.provinces.length < best.shapes.provinces.length);
    if (matched > 0 && better) best = { shapes, unmatched };
  }
  return best;
}
