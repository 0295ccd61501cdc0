/**
 * The full map as an SVG a person can read (`pamir map --svg`): the box, water, one path per
 * province (country colours, or one province value in the value classes), country borders,
 * roads, province and country names, crossings, markets, a legend, a title and the footnotes.
 */
import {
  countryBordersSvg,
  frameSvg,
  type ProvincePaint,
  projectMap,
  provinceLabelsSvg,
  provincesSvg,
  waterSvg,
} from "./areas.js";
import { LEGEND_WIDTH, type LegendKey, legendPanelSvg } from "./legend.js";
import { countryNamesSvg, crossingsSvg, marketsSvg, roadsSvg } from "./marks.js";
import type { MapOutline } from "./outline.js";
import { countryFill, provinceFill } from "./palette.js";
import { esc, round } from "./text.js";
import { layerLegend, layerPaint, layerScale, type ValueLayer } from "./values.js";

/** Drawing options. */
export interface SvgOptions {
  /** Title line (default: the outline's caption). */
  title?: string | undefined;
  /** Colour provinces by these values instead of by country. */
  choropleth?: ValueLayer | undefined;
}

/** Width of the map's box in pixels; the height follows from the projection. */
const MAP_WIDTH = 720;
const LEFT = 16;
const TOP = 46;
/** Provinces smaller than this many cells go unlabelled (their names would cover their neighbours). */
const MIN_LABEL_CELLS = 12;
/** A legend of provinces stops here; the map's labels and tooltips name the rest. */
const MAX_PROVINCE_ENTRIES = 16;

/** The SVG document of `outline`. */
export function renderMapSvg(outline: MapOutline, opts: SvgOptions = {}): string {
  const map = projectMap(outline, { width: MAP_WIDTH, left: LEFT, top: TOP });
  const ch = opts.choropleth;
  const scale = ch ? layerScale([ch]) : undefined;
  const countryOrder = new Map(outline.countries.map((c, i) => [c.code, i] as const));
  const paint: ProvincePaint =
    ch && scale
      ? { ...layerPaint(outline, ch, scale), ids: true }
      : {
          ids: true,
          fill: (i: number) => {
            const p = outline.provinces[i]!;
            return provinceFill(p.country, countryOrder.get(p.country) ?? outline.countries.length, i);
          },
          title: (i: number) => {
            const p = outline.provinces[i]!;
            const code = p.id ?? p.country;
            return `${p.name}${code ? ` (${code})` : ""}`;
          },
        };
  const key = ch && scale ? layerLegend(ch, scale) : legendKey(outline, paint.fill);
  const legendX = map.projection.width + 16;
  const legendRows = 12 + key.entries.length;
  const mapBottom = Math.max(map.projection.height, TOP + legendRows * 20);
  const W = Math.ceil(legendX + LEGEND_WIDTH);
  const H = Math.ceil(mapBottom + 16 + outline.notes.length * 13);
  const title = opts.title ?? outline.caption;
  const notes = outline.notes.map(
    (t, i) =>
      `<text x="${LEFT}" y="${round(mapBottom + 16 + i * 13)}" font-size="10" fill="#555555">${esc(t)}</text>`,
  );
  return `${[
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" role="img" aria-labelledby="map-title">`,
    `<title id="map-title">${esc(title)}</title>`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="28" font-size="20" font-weight="bold" fill="#222222">${esc(title)}</text>`,
    frameSvg(map),
    waterSvg(map),
    provincesSvg(map, paint, 0.8),
    countryBordersSvg(map, 1.8),
    roadsSvg(map),
    provinceLabelsSvg(map, 10, MIN_LABEL_CELLS),
    countryNamesSvg(map),
    crossingsSvg(map),
    marketsSvg(map),
    legendPanelSvg(map, legendX, TOP, key),
    ...notes,
    "</svg>",
  ]
    .filter((s) => s !== "")
    .join("\n")}\n`;
}

/** What the country fills mean: the countries; on a map without countries, its provinces (up to a legend's worth). */
function legendKey(outline: MapOutline, fill: (province: number) => string): LegendKey {
  if (outline.countries.length > 0) {
    const entries = outline.countries.map((c, i) => ({
      fill: countryFill(c.code, i),
      label: c.name ?? c.code,
    }));
    return { title: "Countries", entries };
  }
  const entries = outline.provinces.map((p, i) => ({ fill: fill(i), label: p.name }));
  return { title: "Provinces", entries: entries.slice(0, MAX_PROVINCE_ENTRIES) };
}
