/**
 * The marks of the full map, drawn over its areas: roads, crossings (official posts as red dots,
 * informal ones as orange diamonds), markets (city rings, sink exits), country names. Each mark
 * has a tooltip; their symbols are the legend's (`legend.ts` draws the same shapes).
 */
import type { ProjectedMap } from "./areas.js";
import { INK } from "./palette.js";
import { esc, round } from "./text.js";

/** Symbol of an official crossing centred on (x, y). */
export function officialSymbol(x: number, y: number, attrs = ""): string {
  return `<circle${attrs} cx="${round(x)}" cy="${round(y)}" r="4.5" fill="${INK.official}" stroke="#ffffff" stroke-width="1.5"`;
}

/** Symbol of an informal crossing (a diamond) centred on (x, y). */
export function informalSymbol(x: number, y: number, attrs = ""): string {
  return `<rect${attrs} x="${round(x - 3.5)}" y="${round(y - 3.5)}" width="7" height="7" transform="rotate(45 ${round(x)} ${round(y)})" fill="#ffffff" stroke="${INK.informal}" stroke-width="2"`;
}

/** Main roads: polylines, and road cells as dots. */
export function roadsSvg(map: ProjectedMap): string {
  const { at } = map.projection;
  const { roads, roadCells } = map.outline;
  if (roads.length === 0 && roadCells.length === 0) return "";
  const lines = roads.map((r) => {
    const pts = r.points.map(([x, y]) => at(x, y).map(round).join(",")).join(" ");
    return `<polyline points="${pts}"><title>${esc(r.name)}</title></polyline>`;
  });
  const dots = roadCells.map(([x, y]) => {
    const [px, py] = at(x, y);
    return `<circle cx="${round(px)}" cy="${round(py)}" r="1.6" stroke="none" fill="${INK.road}"/>`;
  });
  return `<g class="roads" fill="none" stroke="${INK.road}" stroke-width="2" stroke-linejoin="round" stroke-linecap="round">${[...lines, ...dots].join("")}</g>`;
}

/** Every crossing, with its tooltip. */
export function crossingsSvg(map: ProjectedMap): string {
  const { at } = map.projection;
  const marks = map.outline.crossings.map((x) => {
    const [px, py] = at(x.x, x.y);
    const t = `<title>${esc(x.title)}</title>`;
    return x.kind === "official"
      ? `${officialSymbol(px, py, ' class="crossing official"')}>${t}</circle>`
      : `${informalSymbol(px, py, ' class="crossing informal"')}>${t}</rect>`;
  });
  return marks.length > 0 ? `<g class="crossings">${marks.join("\n")}</g>` : "";
}

/**
 * Markets: a ring on a city market (its name is already on the map as a province label); an exit
 * to an off-map sink as a dot labelled with the market, the label running inwards at the edges.
 */
export function marketsSvg(map: ProjectedMap): string {
  const { at, left, width } = map.projection;
  const marks = map.outline.markets.map((m) => {
    const [px, py] = at(m.x, m.y);
    if (m.kind === "city") {
      return `<circle class="market city" cx="${round(px)}" cy="${round(py)}" r="5" fill="none" stroke="${INK.market}" stroke-width="2"><title>${esc(m.title)}</title></circle>`;
    }
    const side = px > width - 60 ? "end" : px < left + 60 ? "start" : "middle";
    const label = side === "end" ? `${m.market} →` : side === "start" ? `← ${m.market}` : m.market;
    const lx = side === "end" ? px - 4 : side === "start" ? px + 4 : px;
    return (
      `<text x="${round(lx)}" y="${round(py + 14)}" text-anchor="${side}">${esc(label)}<title>${esc(m.title)}</title></text>` +
      `<circle class="market sink" cx="${round(px)}" cy="${round(py)}" r="3" fill="${INK.market}"/>`
    );
  });
  if (marks.length === 0) return "";
  return `<g class="markets" font-size="11" font-weight="bold" fill="${INK.market}">${marks.join("\n")}</g>`;
}

/** Country names (where the map gives them) at the mean of each country's cells. */
export function countryNamesSvg(map: ProjectedMap): string {
  const { at } = map.projection;
  const names = map.outline.countries.flatMap((c) => {
    if (c.name === undefined) return [];
    const [x, y] = at(c.label[0], c.label[1]);
    return [`<text x="${round(x)}" y="${round(y + 14)}">${esc(c.name.toUpperCase())}</text>`];
  });
  if (names.length === 0) return "";
  return `<g class="country-names" font-size="15" font-weight="bold" fill="#000000" fill-opacity="0.45" text-anchor="middle" letter-spacing="2">${names.join("")}</g>`;
}
