/**
 * A small map: the provinces of a world filled by value, for rows of small multiples (the
 * report's maps). The same areas, projection and value classes as the full map, without marks
 * or legend; province names only where few provinces leave room for them.
 */
import {
  countryBordersSvg,
  type ProjectedMap,
  projectMap,
  provinceLabelsSvg,
  provincesSvg,
  waterSvg,
} from "./areas.js";
import type { MapOutline } from "./outline.js";
import type { ValueScale } from "./scale.js";
import { esc } from "./text.js";
import { layerPaint, type ValueLayer } from "./values.js";

/** Width of a small map in pixels (CSS scales it); the height follows from the projection. */
export const SMALL_MAP_WIDTH = 360;

/** Maps of more provinces than this are drawn without names: they would cover the picture. */
const MAX_LABELLED_PROVINCES = 20;

/** `outline` projected for small maps (project once, draw many). */
export function smallMapFrame(outline: MapOutline): ProjectedMap {
  return projectMap(outline, { width: SMALL_MAP_WIDTH });
}

/** What one small map shows: a title, and the layer of province values in the classes of `scale`. */
export interface SmallMapContent {
  /** Unique id of the SVG's title element. */
  id: string;
  title: string;
  layer: ValueLayer;
  /** The classes, shared by the maps of a row. */
  scale: ValueScale;
}

/** One small map on `map`: the same province fills and tooltips as the full map of the same layer. */
export function renderSmallMap(map: ProjectedMap, content: SmallMapContent): string {
  const { width, height } = map.projection;
  const names = map.outline.provinces.map((p) => p.name);
  const provinces = provincesSvg(map, layerPaint(map.outline, content.layer, content.scale), 0.5);
  const labels = names.length <= MAX_LABELLED_PROVINCES ? provinceLabelsSvg(map, 12, 1) : "";
  return (
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${content.id}-title" font-family="Helvetica, Arial, sans-serif">` +
    `<title id="${content.id}-title">${esc(content.title)}</title>${waterSvg(map)}${provinces}${countryBordersSvg(map, 0.9)}${labels}</svg>`
  );
}
