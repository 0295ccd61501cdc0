/**
 * The one projection of every province map: cell space → pixels. A map file's cells are a lon/lat
 * raster, drawn through an equal-area conic fitted to the picture, so provinces keep their true
 * relative areas, as a choropleth should (standard parallels at one sixth and five sixths of the
 * box's latitudes, central meridian through its middle). A cell map has no coordinates: its cells
 * are squares.
 */
import { geoConicEqualArea, geoPath } from "d3-geo";
import type { MultiPoint } from "geojson";
import { frameRing, type GeoFrame, type MapOutline } from "./outline.js";

/** Cell space → pixels, and the picture's size. */
export interface Projection {
  /** Pixel position of cell-space point (x, y). */
  at(x: number, y: number): readonly [number, number];
  /** Left edge of the map's box, pixels. */
  left: number;
  /** Picture width and height in pixels, offsets included. */
  width: number;
  height: number;
}

/** Where the map's box goes: its width in pixels and its top-left offset. */
export interface Fit {
  width: number;
  left?: number | undefined;
  top?: number | undefined;
}

/** The projection of `outline` into a box `fit.width` pixels wide; the height follows. */
export function projectionOf(outline: Pick<MapOutline, "width" | "height" | "geo">, fit: Fit): Projection {
  const left = fit.left ?? 0;
  const top = fit.top ?? 0;
  if (!outline.geo) {
    const k = fit.width / outline.width;
    return {
      at: (x, y) => [left + x * k, top + y * k],
      left,
      width: left + fit.width,
      height: top + Math.ceil(outline.height * k),
    };
  }
  return conic(outline.geo, outline.width, outline.height, fit.width, left, top);
}

function conic(
  geo: GeoFrame,
  width: number,
  height: number,
  px: number,
  left: number,
  top: number,
): Projection {
  const lonLat = (x: number, y: number): [number, number] => [
    geo.west + x * geo.res,
    geo.north - y * geo.res,
  ];
  const frame: MultiPoint = {
    type: "MultiPoint",
    coordinates: frameRing(width, height).map(([x, y]) => lonLat(x, y)),
  };
  const sixth = (geo.north - geo.south) / 6;
  // Straight segments between cell corners (precision 0: no resampling) keep shared borders
  // identical on both sides; corners are a cell apart, where a conic's curve is invisible.
  const projection = geoConicEqualArea()
    .parallels([geo.south + sixth, geo.north - sixth])
    .rotate([-(geo.west + geo.east) / 2, 0])
    .precision(0)
    .fitWidth(px, frame);
  const [tx, ty] = projection.translate();
  projection.translate([tx + left, ty + top]);
  const [, [, y1]] = geoPath(projection).bounds(frame);
  return {
    at: (x, y) => projection(lonLat(x, y)) ?? [left, top],
    left,
    width: left + px,
    height: Math.ceil(y1),
  };
}
