/**
 * A cell map (a scenario's ASCII map, or the stylised corridor world) as an SVG: one path per
 * province made of its cells, coloured by country, blocked cells (rivers) as water, road cells
 * dotted, crossings marked (official posts as circles, informal crossings as diamonds), each
 * province and crossing with a <title>, and a legend. No real coordinates: cells are squares.
 */
import type { RegionMap } from "../../core/region-map.js";

const CELL = 14;
const TOP = 40;
const LEFT = 12;
const LEGEND_H = 56;
/** Colour-blind-safe qualitative fills (Okabe–Ito, lightened), by order of first appearance. */
const FILLS = ["#f0d49a", "#9fd3f0", "#a6dcc8", "#f5c59a", "#c9b3de", "#f7e3a3", "#b8c8e8", "#e6b8c8"];
const WATER = "#6fa8dc";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Counts of what the SVG drew, for the command's one-line report. */
export interface GridSvgSummary {
  provinces: number;
  crossings: number;
}

/**
 * Render `map` titled `title`; `countryOf` names a province's country where the map's legend does
 * not (the corridor world keeps countries in its province table). Returns the SVG and its counts.
 */
export function renderGridSvg(
  map: RegionMap,
  title: string,
  countryOf: (province: string) => string | undefined = () => undefined,
): { svg: string; summary: GridSvgSummary } {
  const { width, height } = map;
  const provinces: string[] = [];
  const countryBy = new Map<string, string>();
  const cells = new Map<string, number[]>();
  const water: number[] = [];
  const roads: number[] = [];
  const crossings: { c: number; kind: "official" | "informal"; province: string }[] = [];
  for (let c = 0; c < width * height; c++) {
    const r = map.regions[map.region[c]!]!;
    if (r.blocked) {
      water.push(c);
      continue;
    }
    if (!cells.has(r.province)) {
      cells.set(r.province, []);
      provinces.push(r.province);
      countryBy.set(r.province, r.country ?? countryOf(r.province) ?? "");
    }
    cells.get(r.province)!.push(c);
    if (r.road) roads.push(c);
    if (r.crossing) crossings.push({ c, kind: r.crossing, province: r.province });
  }
  const countries = [...new Set(provinces.map((p) => countryBy.get(p)!))];
  const fill = (country: string) => FILLS[countries.indexOf(country) % FILLS.length]!;
  const square = (c: number) =>
    `M${LEFT + (c % width) * CELL} ${TOP + Math.floor(c / width) * CELL}h${CELL}v${CELL}h-${CELL}z`;
  const centre = (c: number): [number, number] => [
    LEFT + (c % width) * CELL + CELL / 2,
    TOP + Math.floor(c / width) * CELL + CELL / 2,
  ];
  const W = LEFT * 2 + width * CELL;
  const H = TOP + height * CELL + LEGEND_H;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="map-title">`,
    `<title id="map-title">${esc(title)}</title>`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="24" font-family="sans-serif" font-size="12" font-weight="bold">${esc(title)}</text>`,
  ];
  out.push('<g class="provinces" stroke="none">');
  for (const p of provinces) {
    const country = countryBy.get(p)!;
    out.push(
      `<path class="province" d="${cells.get(p)!.map(square).join("")}" fill="${fill(country)}"><title>${esc(p)}${country ? ` (${esc(country)})` : ""}</title></path>`,
    );
  }
  out.push("</g>");
  if (water.length > 0)
    out.push(
      `<path class="water" d="${water.map(square).join("")}" fill="${WATER}"><title>river (impassable)</title></path>`,
    );
  out.push(`<path class="borders" d="${borders(map)}" stroke="#333" stroke-width="1" fill="none"/>`);
  out.push('<g class="labels" font-family="sans-serif" font-size="10" text-anchor="middle" fill="#222">');
  for (const p of provinces) {
    const cs = cells.get(p)!;
    const mx = cs.reduce((a, c) => a + (c % width), 0) / cs.length;
    const my = cs.reduce((a, c) => a + Math.floor(c / width), 0) / cs.length;
    // Label on the province's own cell nearest its mean, so it sits inside the province.
    const best = cs.reduce((b, c) =>
      ((c % width) - mx) ** 2 + (Math.floor(c / width) - my) ** 2 <
      ((b % width) - mx) ** 2 + (Math.floor(b / width) - my) ** 2
        ? c
        : b,
    );
    const [x, y] = centre(best);
    out.push(`<text x="${x}" y="${y + 3}">${esc(p)}</text>`);
  }
  out.push("</g>");
  out.push('<g class="roads" fill="#444">');
  for (const c of roads) {
    const [x, y] = centre(c);
    out.push(`<circle cx="${x}" cy="${y}" r="1.6"/>`);
  }
  out.push("</g>");
  out.push('<g class="crossings" stroke="#000" stroke-width="1">');
  for (const x of crossings) {
    const [cx, cy] = centre(x.c);
    const t = `<title>${x.kind} crossing, ${esc(x.province)} (cell ${x.c % width}, ${Math.floor(x.c / width)})</title>`;
    out.push(
      x.kind === "official"
        ? `<circle class="crossing official" cx="${cx}" cy="${cy}" r="4.5" fill="#d55e00">${t}</circle>`
        : `<path class="crossing informal" d="M${cx} ${cy - 5}l5 5l-5 5l-5-5z" fill="#f0e442">${t}</path>`,
    );
  }
  out.push("</g>");
  const ly = TOP + height * CELL + 18;
  const legend = [
    `<circle cx="${LEFT + 6}" cy="${ly}" r="4.5" fill="#d55e00" stroke="#000"/><text x="${LEFT + 16}" y="${ly + 4}">official crossing</text>`,
    `<path d="M${LEFT + 136} ${ly - 5}l5 5l-5 5l-5-5z" fill="#f0e442" stroke="#000"/><text x="${LEFT + 146}" y="${ly + 4}">informal crossing</text>`,
    `<circle cx="${LEFT + 266}" cy="${ly}" r="1.6" fill="#444"/><text x="${LEFT + 274}" y="${ly + 4}">road</text>`,
    `<rect x="${LEFT + 320}" y="${ly - 5}" width="10" height="10" fill="${WATER}"/><text x="${LEFT + 336}" y="${ly + 4}">river</text>`,
    ...countries.map(
      (k, i) =>
        `<rect x="${LEFT + i * 60}" y="${ly + 17}" width="10" height="10" fill="${fill(k)}" stroke="#555"/><text x="${LEFT + 14 + i * 60}" y="${ly + 26}">${esc(k || "—")}</text>`,
    ),
  ];
  out.push(`<g class="legend" font-family="sans-serif" font-size="11">${legend.join("")}</g>`);
  out.push("</svg>");
  return {
    svg: `${out.join("\n")}\n`,
    summary: { provinces: provinces.length, crossings: crossings.length },
  };
}

/** Path of the edges between cells of different regions' provinces (province and river borders). */
function borders(map: RegionMap): string {
  const { width, height } = map;
  const name = (c: number) => {
    const r = map.regions[map.region[c]!]!;
    return r.blocked ? "" : r.province;
  };
  const d: string[] = [];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const c = y * width + x;
      const px = LEFT + x * CELL;
      const py = TOP + y * CELL;
      if (x + 1 < width && name(c) !== name(c + 1)) d.push(`M${px + CELL} ${py}v${CELL}`);
      if (y + 1 < height && name(c) !== name(c + width)) d.push(`M${px} ${py + CELL}h${CELL}`);
    }
  return d.join("");
}
