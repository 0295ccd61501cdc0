/**
 * The drawing shapes of a loaded map file: province and country outlines traced from its 0.25°
 * raster (the file holds the raster the model runs on, not the source polygons), its roads,
 * crossings and markets moved from lon/lat into cell space, and its provenance as footnotes.
 */
import type { CentralAsiaMap } from "../file/types.js";
import { cellCentre, type MapOutline, meanCell } from "./outline.js";
import { traceRings } from "./trace.js";

/** The outline of `map`. */
export function outlineOfMapFile(map: CentralAsiaMap): MapOutline {
  const { west, north, res, width, height } = map.grid;
  const cellXY = (lon: number, lat: number) => [(lon - west) / res, (north - lat) / res] as const;
  const provinceLayer = { width, height, cells: map.province };
  const countryLayer = { width, height, cells: map.country };
  const iso = (id: number) => map.countries[id - 1]!.iso;
  const countries = map.countries.flatMap((c, i) => {
    const label = meanCell(countryLayer, i + 1);
    return label ? [{ code: c.iso, name: c.name, rings: traceRings(countryLayer, i + 1), label }] : [];
  });
  const cities = new Set(map.provinces.map((p) => p.iso));
  const pv = map.provenance;
  return {
    name: map.name,
    caption: `${map.name}, ${map.provinces.length} provinces at ${res}°`,
    width,
    height,
    geo: { west, south: map.grid.south, east: map.grid.east, north, res },
    provinces: map.provinces.map((p, i) => ({
      name: p.name,
      id: p.iso,
      country: iso(p.country),
      cells: p.cells,
      rings: traceRings(provinceLayer, i),
      label: cellCentre(p.anchor, width),
    })),
    countries,
    water: [],
    roads: map.roads.map((r) => ({ name: r.name, points: r.via.map((v) => cellXY(v.lon, v.lat)) })),
    roadCells: [],
    crossings: map.crossings.map((x) => {
      const [cx, cy] = cellCentre(x.cell, width);
      return {
        x: cx,
        y: cy,
        kind: x.kind,
        title: `${x.name} (${x.kind}, ${x.countries.map(iso).join("–")})`,
      };
    }),
    markets: map.markets.flatMap((m) =>
      m.links.map((l) => {
        const [x, y] = cellXY(l.lon, l.lat);
        const city = cities.has(m.id);
        const title = city ? `${m.name} heroin market: ${m.demand} t/yr, ${m.price} US$/kg` : l.name;
        return { x, y, kind: city ? ("city" as const) : ("sink" as const), market: m.name, title };
      }),
    ),
    notes: [
      `${pv.source}, via npm ${pv.package} ${pv.version}; ${pv.resolution}° raster (${width}×${height} cells); attributes as of ${pv.date}.`,
      "Grey: outside the modelled region (Pakistan, Iran, Tibet). Borders follow cell edges; countries meet only at crossings.",
    ],
  };
}
