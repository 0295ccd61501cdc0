/**
 * The map as an SVG a person can read: one path per province (country colours, or a choropleth
 * of one province metric), province and country borders, main roads, crossings as markers,
 * province and country names, market exits and city markets, a legend, a title and the data's provenance.
 * Longitudes are scaled by cos 40° N so the region keeps its shape (plate carrée otherwise).
 */
import { COUNTRIES, type CountryCode } from "../build/names.js";
import type { CentralAsiaMap } from "../file/types.js";
import { edgesPath, runsPath } from "./outline.js";

/** A province metric drawn as a choropleth. */
export interface Choropleth {
  /** What the values are, for the legend. */
  label: string;
  /** One value per province (index as in `map.provinces`); undefined draws the province grey. */
  values: readonly (number | undefined)[];
}

/** Drawing options. */
export interface SvgOptions {
  /** Title line (defaults to the map's name and contents). */
  title?: string;
  /** Colour provinces by this metric instead of by country. */
  choropleth?: Choropleth;
}

const COUNTRY_FILL: Record<CountryCode, string> = {
  AF: "#e9c893",
  TJ: "#a8d5a2",
  KG: "#f1aaa4",
  UZ: "#a7c7e7",
  KZ: "#cdb8e6",
  TM: "#e8dc94",
  CN: "#f3c09a",
};
// Oranges ramp (ColorBrewer), low → high.
const RAMP = ["#fff5eb", "#fdd0a2", "#fd8d3c", "#d94801", "#7f2704"];
const PX = 48; // pixels per degree of latitude
const KX = Math.cos((40 * Math.PI) / 180);
const LEFT = 16;
const TOP = 46;
const LEGEND_W = 260;

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const r1 = (v: number) => Math.round(v * 10) / 10;

function hex(c: string): number[] {
  return [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16));
}

/** Colour at t ∈ [0, 1] along the ramp. */
export function rampColour(t: number): string {
  const s = Math.min(1, Math.max(0, t)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(s));
  const a = hex(RAMP[i]!);
  const b = hex(RAMP[i + 1]!);
  const mix = a.map((v, k) => Math.round(v + (b[k]! - v) * (s - i)));
  return `#${mix.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

/** Lighten a colour towards white by `k` ∈ [0, 1], so neighbouring provinces of one country differ. */
function lighten(c: string, k: number): string {
  return `#${hex(c)
    .map((v) =>
      Math.round(v + (255 - v) * k)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

/** The SVG document of a map. */
export function renderMapSvg(map: CentralAsiaMap, opts: SvgOptions = {}): string {
  const g = map.grid;
  const at = (x: number, y: number) => [LEFT + x * g.res * PX * KX, TOP + y * g.res * PX] as const;
  const pt = (lon: number, lat: number) => at((lon - g.west) / g.res, (g.north - lat) / g.res);
  const [mapR, mapB] = at(g.width, g.height);
  const W = Math.ceil(mapR + 16 + LEGEND_W);
  const H = Math.ceil(mapB + 36);
  const out: string[] = [];
  const push = (s: string) => out.push(s);
  push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif">`,
  );
  const title = opts.title ?? `${map.name}: provinces, borders, crossings and main roads`;
  push(`<title>${esc(title)}</title>`);
  push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  push(`<text x="${LEFT}" y="28" font-size="20" font-weight="bold" fill="#222">${esc(title)}</text>`);
  push(
    `<rect x="${LEFT}" y="${TOP}" width="${r1(mapR - LEFT)}" height="${r1(mapB - TOP)}" fill="#ececec" stroke="#999"/>`,
  );

  const ch = opts.choropleth;
  const finite = (ch?.values ?? []).filter((v): v is number => v !== undefined && Number.isFinite(v));
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  push(`<g id="provinces" stroke="none" shape-rendering="crispEdges">`);
  map.provinces.forEach((p, i) => {
    const cc = map.countries[p.country - 1]!.iso as CountryCode;
    let fill = lighten(COUNTRY_FILL[cc], ((i * 7) % 4) * 0.12);
    if (ch) {
      const v = ch.values[i];
      fill =
        v === undefined || !Number.isFinite(v) ? "#d0d0d0" : rampColour(hi > lo ? (v - lo) / (hi - lo) : 0.5);
    }
    const d = runsPath(map, map.province, i, at);
    const value = ch ? `: ${ch.label} ${ch.values[i] ?? "n/a"}` : "";
    push(
      `<path id="province-${p.iso}" d="${d}" fill="${fill}"><title>${esc(`${p.name} (${p.iso})${value}`)}</title></path>`,
    );
  });
  push(`</g>`);

  const prov = map.province;
  const ctry = map.country;
  const provEdges = edgesPath(map, (a, b) => (a < 0 ? -1 : prov[a]!) !== (b < 0 ? -1 : prov[b]!), at);
  const ctryEdges = edgesPath(map, (a, b) => (a < 0 ? 0 : ctry[a]!) !== (b < 0 ? 0 : ctry[b]!), at);
  push(`<path id="province-borders" d="${provEdges}" fill="none" stroke="#ffffff" stroke-width="0.8"/>`);
  push(
    `<path id="country-borders" d="${ctryEdges}" fill="none" stroke="#333" stroke-width="1.8" stroke-linecap="square"/>`,
  );

  push(
    `<g id="roads" fill="none" stroke="#5a4632" stroke-width="2" stroke-linejoin="round" stroke-linecap="round">`,
  );
  for (const r of map.roads) {
    const pts = r.via.map((v) => pt(v.lon, v.lat).map(r1).join(",")).join(" ");
    push(`<polyline points="${pts}"><title>${esc(r.name)}</title></polyline>`);
  }
  push(`</g>`);

  push(
    `<g id="labels" font-size="9" fill="#333" text-anchor="middle" paint-order="stroke" stroke="#fff" stroke-width="2.5">`,
  );
  for (const p of map.provinces) {
    if (p.cells < 12) continue;
    const x = p.anchor % g.width;
    const [lx, ly] = at(x + 0.5, (p.anchor - x) / g.width + 0.5);
    // Keep names of edge provinces (Karakalpakstan, Xinjiang) inside the map frame.
    const half = p.name.length * 2.6;
    const cx = Math.min(mapR - half - 2, Math.max(LEFT + half + 2, lx));
    push(`<text x="${r1(cx)}" y="${r1(ly - 5)}">${esc(p.name)}</text>`);
  }
  push(`</g>`);
  push(countryLabels(map, at));

  push(`<g id="crossings">`);
  for (const x of map.crossings) {
    const cx = x.cell % g.width;
    const [px, py] = at(cx + 0.5, (x.cell - cx) / g.width + 0.5);
    const t = `<title>${esc(`${x.name} (${x.kind}, ${x.countries.map((c) => map.countries[c - 1]!.iso).join("–")})`)}</title>`;
    if (x.kind === "official") {
      push(
        `<circle class="crossing official" cx="${r1(px)}" cy="${r1(py)}" r="4.5" fill="#b2182b" stroke="#fff" stroke-width="1.5">${t}</circle>`,
      );
    } else {
      push(
        `<rect class="crossing informal" x="${r1(px - 3.5)}" y="${r1(py - 3.5)}" width="7" height="7" transform="rotate(45 ${r1(px)} ${r1(py)})" fill="#fff" stroke="#e66101" stroke-width="2">${t}</rect>`,
      );
    }
  }
  push(`</g>`);

  push(`<g id="markets" font-size="11" font-weight="bold" fill="#08306b">`);
  const isos = new Set(map.provinces.map((q) => q.iso));
  for (const m of map.markets) {
    for (const l of m.links) {
      const [px, py] = pt(l.lon, l.lat);
      if (isos.has(m.id)) {
        // A city market: a ring on the city (its name is already on the map as a province label).
        push(
          `<circle class="market city" cx="${r1(px)}" cy="${r1(py)}" r="5" fill="none" stroke="#08306b" stroke-width="2"><title>${esc(`${m.name} heroin market: ${m.demand} t/yr, ${m.price} US$/kg`)}</title></circle>`,
        );
        continue;
      }
      // Labels at the map's east or west edge run inwards; inner exits are centred below their point.
      const side = px > mapR - 60 ? "end" : px < LEFT + 60 ? "start" : "middle";
      const label = side === "end" ? `${m.name} →` : side === "start" ? `← ${m.name}` : `${m.name}`;
      const lx = side === "end" ? px - 4 : side === "start" ? px + 4 : px;
      push(
        `<text x="${r1(lx)}" y="${r1(py + 14)}" text-anchor="${side}">${esc(label)}<title>${esc(l.name)}</title></text>`,
      );
      push(`<circle class="market sink" cx="${r1(px)}" cy="${r1(py)}" r="3" fill="#08306b"/>`);
    }
  }
  push(`</g>`);
  push(legend(map, mapR + 16, TOP, ch ? { label: ch.label, lo, hi } : undefined));
  const pv = map.provenance;
  const foot = [
    `${pv.source}, via npm ${pv.package} ${pv.version}; ${pv.resolution}° raster (${g.width}×${g.height} cells); attributes as of ${pv.date}.`,
    "Grey: outside the modelled region (Pakistan, Iran, Tibet). Borders follow cell edges; countries meet only at crossings.",
  ];
  for (const [i, t] of foot.entries()) {
    push(`<text x="${LEFT}" y="${r1(mapB + 16 + i * 13)}" font-size="10" fill="#555">${esc(t)}</text>`);
  }
  push(`</svg>`);
  return `${out.join("\n")}\n`;
}

/** Country names at the mean position of each country's cells. */
function countryLabels(map: CentralAsiaMap, at: (x: number, y: number) => readonly [number, number]): string {
  const w = map.grid.width;
  const sx = new Array<number>(COUNTRIES.length + 1).fill(0);
  const sy = new Array<number>(COUNTRIES.length + 1).fill(0);
  const n = new Array<number>(COUNTRIES.length + 1).fill(0);
  for (let c = 0; c < map.size; c++) {
    const k = map.country[c]!;
    sx[k]! += c % w;
    sy[k]! += Math.floor(c / w);
    n[k]!++;
  }
  const parts = [
    `<g id="country-names" font-size="15" font-weight="bold" fill="#000" fill-opacity="0.45" text-anchor="middle" letter-spacing="2">`,
  ];
  map.countries.forEach((c, i) => {
    if (!n[i + 1]) return;
    const [x, y] = at(sx[i + 1]! / n[i + 1]! + 0.5, sy[i + 1]! / n[i + 1]! + 0.5);
    parts.push(`<text x="${r1(x)}" y="${r1(y + 14)}">${esc(c.name.toUpperCase())}</text>`);
  });
  parts.push("</g>");
  return parts.join("\n");
}

/** The legend panel: countries or the choropleth ramp, then borders, roads and crossings. */
function legend(
  map: CentralAsiaMap,
  x: number,
  y: number,
  ch?: { label: string; lo: number; hi: number },
): string {
  const p: string[] = [`<g id="legend" font-size="12" fill="#222">`];
  let row = y + 4;
  const line = (sym: string, text: string) => {
    p.push(`${sym}<text x="${x + 30}" y="${row + 4}">${esc(text)}</text>`);
    row += 20;
  };
  p.push(`<text x="${x}" y="${row}" font-weight="bold">${ch ? esc(ch.label) : "Countries"}</text>`);
  row += 18;
  if (ch) {
    for (const [i, c] of RAMP.entries()) {
      p.push(
        `<rect x="${x + i * 40}" y="${row}" width="40" height="12" fill="${c}" stroke="#999" stroke-width="0.5"/>`,
      );
    }
    p.push(
      `<text x="${x}" y="${row + 26}">${esc(fmt(ch.lo))}</text><text x="${x + 200}" y="${row + 26}" text-anchor="end">${esc(fmt(ch.hi))}</text>`,
    );
    row += 46;
  } else {
    for (const c of map.countries) {
      line(
        `<rect x="${x}" y="${row - 6}" width="20" height="12" fill="${COUNTRY_FILL[c.iso as CountryCode]}" stroke="#999" stroke-width="0.5"/>`,
        c.name,
      );
    }
  }
  row += 6;
  line(
    `<line x1="${x}" y1="${row}" x2="${x + 20}" y2="${row}" stroke="#333" stroke-width="1.8"/>`,
    "country border",
  );
  line(
    `<line x1="${x}" y1="${row}" x2="${x + 20}" y2="${row}" stroke="#999" stroke-width="0.8"/>`,
    "province border (white on map)",
  );
  line(
    `<line x1="${x}" y1="${row}" x2="${x + 20}" y2="${row}" stroke="#5a4632" stroke-width="2"/>`,
    "main road",
  );
  line(
    `<circle cx="${x + 10}" cy="${row}" r="4.5" fill="#b2182b" stroke="#fff" stroke-width="1.5"/>`,
    "official crossing",
  );
  line(
    `<rect x="${x + 6.5}" y="${row - 3.5}" width="7" height="7" transform="rotate(45 ${x + 10} ${row})" fill="#fff" stroke="#e66101" stroke-width="2"/>`,
    "informal crossing (Panj fords)",
  );
  line(`<circle cx="${x + 10}" cy="${row}" r="3" fill="#08306b"/>`, "market exit to an off-map sink");
  line(
    `<circle cx="${x + 10}" cy="${row}" r="5" fill="none" stroke="#08306b" stroke-width="2"/>`,
    "city heroin market",
  );
  p.push("</g>");
  return p.join("\n");
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) return "n/a";
  return Math.abs(v) >= 1000 ? Math.round(v).toLocaleString("en-US") : (Math.round(v * 100) / 100).toString();
}
