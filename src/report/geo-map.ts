/**
 * The Central Asia map for the report: province outlines traced from the map's 0.25° province
 * layer (the map file holds the raster the model runs on, not the source polygons), turned into
 * lon/lat polygons and drawn with d3-geo through an equal-area conic projection fitted to the
 * picture, so provinces keep their true relative areas, as a choropleth should.
 */
import { type GeoContext, geoConicEqualArea, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, MultiPolygon } from "geojson";
import { loadBundledMap } from "../map/file/bundled.js";
import type { MapShapes } from "./map-shapes.js";
import { polygonsOf, round } from "./map-shapes.js";
import { traceRings } from "./trace.js";

/** Picture width in pixels; the height follows from the projection. */
const WIDTH = 360;

/** A d3-geo path context writing SVG path data with one decimal. */
class PathText implements GeoContext {
  d = "";
  beginPath(): void {}
  moveTo(x: number, y: number): void {
    this.d += `M${round(x)} ${round(y)}`;
  }
  lineTo(x: number, y: number): void {
    this.d += `L${round(x)} ${round(y)}`;
  }
  closePath(): void {
    this.d += "Z";
  }
  arc(): void {}
}

/** The shapes of the shipped Central Asia map. */
export function centralAsiaShapes(): MapShapes {
  const map = loadBundledMap();
  const { west, north, res, width, height } = map.grid;
  const lonLat = (x: number, y: number): [number, number] => [west + x * res, north - y * res];
  const featureOf = (layer: ArrayLike<number>, value: number): Feature<MultiPolygon> => ({
    type: "Feature",
    properties: {},
    geometry: {
      type: "MultiPolygon",
      // d3-geo wants exterior rings clockwise as seen on a north-up map: the tracer's order.
      coordinates: polygonsOf(traceRings({ width, height, cells: layer }, value)).map((poly) =>
        poly.map((ring) => [...ring, ring[0]!].map(([x, y]) => lonLat(x, y))),
      ),
    },
  });
  const provinces = map.provinces.map((_, i) => featureOf(map.province, i));
  const countries = map.countries.map((_, i) => featureOf(map.country, i + 1));
  const all: FeatureCollection<MultiPolygon> = { type: "FeatureCollection", features: provinces };
  // Straight segments between cell corners (precision 0: no resampling) keep shared borders
  // identical on both sides; the corners are 0.25° apart, where a conic's curve is invisible.
  const projection = geoConicEqualArea()
    .parallels([36, 44])
    .rotate([-70, 0])
    .precision(0)
    .fitWidth(WIDTH, all);
  const draw = (f: Feature<MultiPolygon>) => {
    const ctx = new PathText();
    geoPath(projection, ctx)(f);
    return ctx.d;
  };
  const [[, y0], [, y1]] = geoPath(projection).bounds(all);
  const shapes = provinces.map((f, i) => {
    const p = map.provinces[i]!;
    const cell = p.anchor;
    const [x, y] = projection(lonLat((cell % width) + 0.5, Math.floor(cell / width) + 0.5)) ?? [0, 0];
    return { name: p.name, d: draw(f), x, y };
  });
  const borders = countries.map(draw).join("");
  return {
    title: `${map.name}, ${map.provinces.length} provinces at ${res}°`,
    width: WIDTH,
    height: Math.ceil(y1 - Math.min(0, y0)),
    provinces: shapes,
    under: "",
    over: `<path d="${borders}" fill="none" stroke="#333333" stroke-width="0.9" stroke-linejoin="round"/>`,
    labels: false,
  };
}
