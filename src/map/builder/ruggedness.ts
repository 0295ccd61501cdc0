/**
 * Cell ruggedness without elevation data: the province's value, raised near mountain crests by
 * a linear ramp (the rule is stated in `scenarios/maps/central-asia.terrain.yaml`). Values are
 * rounded to hundredths so the map file stores small integers and rebuilds are byte-identical.
 */
import { centreLat, centreLon, type GridSpec } from "../file/grid-spec.js";
import type { TerrainFile } from "./sources.js";

/** Distance in degrees from (lon, lat) to segment a–b, longitude scaled by cos(latitude) so east–west degrees are not overcounted. */
function segmentDistance(
  lon: number,
  lat: number,
  a: { lon: number; lat: number },
  b: { lon: number; lat: number },
): number {
  const k = Math.cos((lat * Math.PI) / 180);
  const ax = (a.lon - lon) * k;
  const ay = a.lat - lat;
  const dx = (b.lon - a.lon) * k;
  const dy = b.lat - a.lat;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/**
 * Ruggedness per cell in hundredths (0–100): `base(cell)` (a province value in 0–1, or NaN for
 * cells outside every province, which get 0), raised towards the crest value within `reachDeg`.
 */
export function ruggednessLayer(
  spec: GridSpec,
  base: (cell: number) => number,
  terrain: TerrainFile,
): Uint8Array {
  const out = new Uint8Array(spec.width * spec.height);
  for (let y = 0; y < spec.height; y++) {
    const lat = centreLat(spec, y);
    for (let x = 0; x < spec.width; x++) {
      const c = y * spec.width + x;
      const b = base(c);
      if (Number.isNaN(b)) continue;
      const lon = centreLon(spec, x);
      let d = Number.POSITIVE_INFINITY;
      for (const range of terrain.ranges) {
        for (let i = 0; i + 1 < range.crest.length; i++) {
          d = Math.min(d, segmentDistance(lon, lat, range.crest[i]!, range.crest[i + 1]!));
        }
      }
      const ramp = d < terrain.reachDeg ? terrain.crestRuggedness * (1 - d / terrain.reachDeg) : 0;
      out[c] = Math.round(Math.max(b, ramp) * 100);
    }
  }
  return out;
}
