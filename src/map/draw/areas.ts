/**
 * The areas of a province map, projected: the box, water, one filled path per province (stroked
 * white, so neighbours part) and the country borders over them, plus province names. Both the
 * full map and the report's small maps are these layers; only their marks and sizes differ.
 */
import type { MapOutline } from "./outline.js";
import { frameRing } from "./outline.js";
import { INK, OUTSIDE, WATER } from "./palette.js";
import { type Fit, type Projection, projectionOf } from "./projection.js";
import { esc, round } from "./text.js";
import { ringsPath } from "./trace.js";

/** An outline in pixels: path data per province (outline order), water, country borders, the box. */
export interface ProjectedMap {
  outline: MapOutline;
  projection: Projection;
  provinces: string[];
  water: string;
  countryBorders: string;
  frame: string;
}

/** How provinces are painted: fill and tooltip per province index. */
export interface ProvincePaint {
  fill(i: number): string;
  title(i: number): string;
  /** Give each path `id="province-<ISO code>"` (once per document only: ids must be unique). */
  ids?: boolean | undefined;
}

/** Project `outline` into a box `fit.width` pixels wide. */
export function projectMap(outline: MapOutline, fit: Fit): ProjectedMap {
  const projection = projectionOf(outline, fit);
  const at = projection.at;
  return {
    outline,
    projection,
    provinces: outline.provinces.map((p) => ringsPath(p.rings, at)),
    water: ringsPath(outline.water, at),
    countryBorders: outline.countries.map((c) => ringsPath(c.rings, at)).join(""),
    frame: ringsPath([frameRing(outline.width, outline.height)], at),
  };
}

/** The box, filled grey where no province lies. */
export function frameSvg(map: ProjectedMap): string {
  return `<path class="frame" d="${map.frame}" fill="${OUTSIDE}" stroke="#999999" stroke-width="0.5"/>`;
}

/** Water cells, if any. */
export function waterSvg(map: ProjectedMap): string {
  if (map.water === "") return "";
  return `<path class="water" d="${map.water}" fill="${WATER}"><title>river (impassable)</title></path>`;
}

/** One path per province, painted by `paint`, with white province borders `border` pixels wide. */
export function provincesSvg(map: ProjectedMap, paint: ProvincePaint, border: number): string {
  const paths = map.outline.provinces.map((p, i) => {
    const id = paint.ids && p.id !== undefined ? ` id="province-${esc(p.id)}"` : "";
    return `<path${id} class="province" d="${map.provinces[i]}" fill="${paint.fill(i)}"><title>${esc(paint.title(i))}</title></path>`;
  });
  return `<g class="provinces" stroke="${INK.provinceBorder}" stroke-width="${border}" stroke-linejoin="round">${paths.join("")}</g>`;
}

/** Country borders `width` pixels wide, if the map has countries. */
export function countryBordersSvg(map: ProjectedMap, width: number): string {
  if (map.countryBorders === "") return "";
  return `<path class="country-borders" d="${map.countryBorders}" fill="none" stroke="${INK.countryBorder}" stroke-width="${width}" stroke-linejoin="round"/>`;
}

/**
 * Names of the provinces of at least `minCells` cells at their label points, in `fontSize`
 * pixels, kept inside the picture (names of edge provinces would run off it).
 */
export function provinceLabelsSvg(map: ProjectedMap, fontSize: number, minCells: number): string {
  const { at, left, width } = map.projection;
  const texts = map.outline.provinces
    .filter((p) => p.cells >= minCells)
    .map((p) => {
      const [x, y] = at(p.label[0], p.label[1]);
      const half = p.name.length * fontSize * 0.29;
      const cx = Math.min(width - half - 2, Math.max(left + half + 2, x));
      return `<text x="${round(cx)}" y="${round(y + fontSize * 0.3)}">${esc(p.name)}</text>`;
    });
  if (texts.length === 0) return "";
  return `<g class="labels" font-size="${fontSize}" text-anchor="middle" fill="${INK.label}" stroke="#ffffff" stroke-width="2.5" paint-order="stroke">${texts.join("")}</g>`;
}
