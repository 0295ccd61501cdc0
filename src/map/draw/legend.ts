/**
 * Legends: the full map's panel (countries or value classes, then every kind of mark the map
 * holds, drawn with the map's own symbols) and the value-class strip the report shows above a row
 * of small maps. Both list the classes of the one value scale (`scale.ts`, rows from `values.ts`).
 */
import type { ProjectedMap } from "./areas.js";
import { informalSymbol, officialSymbol } from "./marks.js";
import { INK, WATER } from "./palette.js";
import { esc } from "./text.js";

/** The panel's first block: what the fills mean (countries, provinces or value classes). */
export interface LegendKey {
  title: string;
  entries: { fill: string; label: string }[];
}

/** Width of the legend panel, pixels. */
export const LEGEND_WIDTH = 260;

/** The legend panel at (x, y): its key, then one line per kind of mark on the map. */
export function legendPanelSvg(map: ProjectedMap, x: number, y: number, key: LegendKey): string {
  const p: string[] = [`<g class="legend" font-size="12" fill="#222222">`];
  let row = y + 4;
  const line = (sym: string, text: string) => {
    p.push(`${sym}<text x="${x + 30}" y="${row + 4}">${esc(text)}</text>`);
    row += 20;
  };
  const swatch = (fill: string) =>
    `<rect x="${x}" y="${row - 6}" width="20" height="12" fill="${fill}" stroke="#999999" stroke-width="0.5"/>`;
  const o = map.outline;
  p.push(`<text x="${x}" y="${row}" font-weight="bold">${esc(key.title)}</text>`);
  row += 18;
  for (const e of key.entries) line(swatch(e.fill), e.label);
  row += 6;
  const rule = (stroke: string, w: number) =>
    `<line x1="${x}" y1="${row}" x2="${x + 20}" y2="${row}" stroke="${stroke}" stroke-width="${w}"/>`;
  if (o.countries.length > 0) line(rule(INK.countryBorder, 1.8), "country border");
  line(rule("#999999", 0.8), "province border (white on map)");
  if (o.water.length > 0) line(swatch(WATER), "river (impassable)");
  if (o.roads.length > 0) line(rule(INK.road, 2), "main road");
  if (o.roadCells.length > 0) line(`<circle cx="${x + 10}" cy="${row}" r="1.6" fill="${INK.road}"/>`, "road");
  if (o.crossings.some((c) => c.kind === "official"))
    line(`${officialSymbol(x + 10, row)}/>`, "official crossing");
  if (o.crossings.some((c) => c.kind === "informal"))
    line(`${informalSymbol(x + 10, row)}/>`, "informal crossing");
  if (o.markets.some((m) => m.kind === "sink")) {
    line(`<circle cx="${x + 10}" cy="${row}" r="3" fill="${INK.market}"/>`, "market exit to an off-map sink");
  }
  if (o.markets.some((m) => m.kind === "city")) {
    line(
      `<circle cx="${x + 10}" cy="${row}" r="5" fill="none" stroke="${INK.market}" stroke-width="2"/>`,
      "city heroin market",
    );
  }
  p.push("</g>");
  return p.join("\n");
}

/** The value classes of `key` (see values.ts `layerLegend`) as a strip in its own titled SVG (`id` names its title element). */
export function classLegendSvg(id: string, key: LegendKey): string {
  const w = 92;
  const { title, entries } = key;
  const items = entries.map(
    (e, i) =>
      `<rect x="${i * w}" y="18" width="${w - 4}" height="12" fill="${e.fill}"/><text x="${i * w}" y="44">${esc(e.label)}</text>`,
  );
  const width = entries.length * w;
  return (
    `<svg class="legend" viewBox="0 0 ${width} 50" width="${width}" height="50" role="img" aria-labelledby="${id}-title" font-size="11" font-family="Helvetica, Arial, sans-serif">` +
    `<title id="${id}-title">${esc(`Legend: ${title}`)}</title><text x="0" y="12" font-weight="bold">${esc(title)}</text>${items.join("")}</svg>`
  );
}
