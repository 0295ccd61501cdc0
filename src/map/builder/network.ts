/**
 * Crossings, roads and market links on the raster: crossings snapped onto the border of their two
 * countries, roads burnt in as cell chains, market links resolved to cells of the region.
 */
import { type Problem, problem } from "../../core/problems.js";
import type { MapDocument } from "../file/document.js";
import { cellAt, type GridSpec } from "../file/grid-spec.js";
import { snapToBorder } from "./border.js";
import { COUNTRIES } from "./names.js";
import { polylineCells } from "./polyline.js";
import type { NetworkFile, ProvincesFile } from "./sources.js";

/** The farthest a crossing may be moved to reach its border, degrees (about 35 km). */
export const MAX_SNAP_DEG = 0.35;

/** What the network part of the build gives. */
export type NetworkResult =
  | {
      ok: true;
      crossings: MapDocument["crossings"];
      markets: MapDocument["markets"];
      road: Uint8Array;
      notes: string[];
    }
  | { ok: false; problems: Problem[] };

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Place crossings, roads and market links on a rasterised map (province and country layers;
 * `provinceIso` names the province indices). A city market's links must lie in its own province.
 */
export function buildNetwork(
  spec: GridSpec,
  province: Int32Array,
  country: Uint8Array,
  network: NetworkFile,
  markets: ProvincesFile["markets"],
  provinceIso: readonly string[],
): NetworkResult {
  const errors: Problem[] = [];
  const notes: string[] = [];
  const byCell = new Map<number, string>();
  const crossings: MapDocument["crossings"] = [];
  for (const [i, x] of network.crossings.entries()) {
    const a = COUNTRIES.indexOf(x.countries[0]) + 1;
    const b = COUNTRIES.indexOf(x.countries[1]) + 1;
    const snap = snapToBorder(spec, country, a, b, x.lon, x.lat);
    const at = `crossings[${i}] (${x.id})`;
    if (!snap) {
      errors.push(problem("map", at, `${x.countries.join(" and ")} share no border on the map`));
      continue;
    }
    if (snap.distance > MAX_SNAP_DEG) {
      errors.push(
        problem(
          "map",
          at,
          `nearest ${x.countries.join("–")} border cell is ${snap.distance.toFixed(2)}° away`,
        ),
      );
      continue;
    }
    const twin = byCell.get(snap.cell);
    if (twin) {
      errors.push(problem("map", at, `lands in the same cell (${snap.cell}) as ${twin}; merge them`));
      continue;
    }
    byCell.set(snap.cell, x.id);
    if (cellAt(spec, x.lon, x.lat) !== snap.cell)
      notes.push(`crossing ${x.id} snapped ${snap.distance.toFixed(2)}° to border cell ${snap.cell}`);
    crossings.push({ ...x, countries: [a, b], cell: snap.cell, snapDeg: round3(snap.distance) });
  }

  const road = new Uint8Array(spec.width * spec.height);
  for (const r of network.roads) {
    for (const c of polylineCells(
      spec,
      r.via.map((p) => [p.lon, p.lat] as const),
    ))
      road[c] = 1;
  }

  const out: MapDocument["markets"] = markets.map((m, i) => {
    const home = provinceIso.indexOf(m.id);
    if (m.id.includes("-") && home < 0)
      errors.push(problem("map", `markets[${i}] (${m.id})`, "not a province of the map"));
    return {
      ...m,
      links: m.links.map((l, j) => {
        const cell = cellAt(spec, l.lon, l.lat);
        if (cell < 0 || province[cell]! < 0) {
          errors.push(
            problem("map", `markets[${i}].links[${j}] (${l.name})`, "not on a province cell of the map"),
          );
        } else if (home >= 0 && province[cell] !== home) {
          errors.push(
            problem("map", `markets[${i}].links[${j}] (${l.name})`, `not in ${m.id}, the market's province`),
          );
        }
        return { ...l, cell: Math.max(cell, 0) };
      }),
    };
  });
  if (errors.length > 0) return { ok: false, problems: errors };
  return { ok: true, crossings, markets: out, road, notes };
}
