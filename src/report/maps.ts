/**
 * The maps section: for each per-province metric, one small map per cell (arm) on a shared
 * colour scale, a legend, and the provinces with the highest values as a table, since a printed
 * page has no hover.
 */
import { leftOut, type ReportContext } from "./context.js";
import { esc, fmt } from "./html.js";
import type { MapShapes } from "./map-shapes.js";
import { mapFor } from "./map-world.js";
import { PROVINCE_METRICS, parseProvinceOutcome } from "./outcomes.js";
import { MAP_CLASSES, NO_DATA } from "./palette.js";

/** Provinces listed under each metric's maps. */
const TOP = 5;

/** Equal-width classes from 0 with a round step: at most six of them, covering `max`. */
export function classBreaks(max: number): { step: number; classes: number } {
  if (!(max > 0)) return { step: 1, classes: 1 };
  const raw = max / MAP_CLASSES.length;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw * (1 - 1e-12))!;
  return { step, classes: Math.max(1, Math.min(MAP_CLASSES.length, Math.ceil(max / step - 1e-9))) };
}

/** Colour of class i of k, spread over the whole ramp so few classes still differ strongly. */
function classColour(i: number, k: number): string {
  return MAP_CLASSES[k === 1 ? 0 : Math.round((i * (MAP_CLASSES.length - 1)) / (k - 1))]!;
}

function fillOf(v: number | undefined, step: number, k: number): string {
  if (v === undefined || !Number.isFinite(v)) return NO_DATA;
  return classColour(Math.min(k - 1, Math.max(0, Math.floor(v / step))), k);
}

function legend(id: string, title: string, step: number, k: number): string {
  const w = 92;
  const items = Array.from({ length: k }, (_, i) => {
    const label = `${fmt(i * step)}–${fmt((i + 1) * step)}`;
    return `<rect x="${i * w}" y="18" width="${w - 4}" height="12" fill="${classColour(i, k)}"/><text x="${i * w}" y="44">${esc(label)}</text>`;
  });
  items.push(
    `<rect x="${k * w}" y="18" width="${w - 4}" height="12" fill="${NO_DATA}"/><text x="${k * w}" y="44">no data</text>`,
  );
  const width = (k + 1) * w;
  return (
    `<svg class="legend" viewBox="0 0 ${width} 50" width="${width}" height="50" role="img" aria-labelledby="${id}-title" font-size="11" font-family="Helvetica, Arial, sans-serif">` +
    `<title id="${id}-title">${esc(`Legend: ${title}`)}</title><text x="0" y="12" font-weight="bold">${esc(title)}</text>${items.join("")}</svg>`
  );
}

/** One small map: provinces filled by value. */
function smallMap(
  ctx: ReportContext,
  shapes: MapShapes,
  title: string,
  values: Map<string, number>,
  colour: (v: number | undefined) => string,
  unit: string,
): string {
  ctx.maps += 1;
  const id = `map-${ctx.maps}`;
  const paths = shapes.provinces.map((p) => {
    const v = values.get(p.name);
    const tip = v === undefined || !Number.isFinite(v) ? "no data" : `${fmt(v)} ${unit}`;
    return `<path d="${p.d}" fill="${colour(v)}"><title>${esc(`${p.name}: ${tip}`)}</title></path>`;
  });
  const labels = shapes.labels
    ? shapes.provinces
        .map((p) => `<text x="${Math.round(p.x)}" y="${Math.round(p.y) + 3}">${esc(p.name)}</text>`)
        .join("")
    : "";
  const labelGroup = labels
    ? `<g class="labels" font-size="12" text-anchor="middle" fill="#111" stroke="#ffffff" stroke-width="2.5" paint-order="stroke" font-family="Helvetica, Arial, sans-serif">${labels}</g>`
    : "";
  return (
    `<svg viewBox="0 0 ${shapes.width} ${shapes.height}" width="${shapes.width}" height="${shapes.height}" role="img" aria-labelledby="${id}-title">` +
    `<title id="${id}-title">${esc(title)}</title>${shapes.under}<g stroke="#ffffff" stroke-width="0.5" stroke-linejoin="round">${paths.join("")}</g>${shapes.over}${labelGroup}</svg>`
  );
}

/** The maps section. */
export function mapsSection(ctx: ReportContext): string {
  const out = [`<section id="maps"><h2>Maps</h2>`];
  const byMetric = new Map<string, string[]>();
  for (const name of ctx.outcomes) {
    const p = parseProvinceOutcome(name);
    if (!p) continue;
    const list = byMetric.get(p.metric) ?? [];
    list.push(p.province);
    byMetric.set(p.metric, list);
  }
  const names = [...new Set([...byMetric.values()].flat())];
  const world = names.length > 0 ? mapFor(names) : undefined;
  if (!world) {
    const why =
      names.length === 0
        ? "the runs have no per-province outcomes (province.<name>.seized_kg and the like)"
        : `no shipped map has the provinces the runs name (${names.slice(0, 5).join(", ")}…)`;
    out.push(leftOut(ctx, `No maps: ${why}.`), `</section>`);
    return out.join("\n");
  }
  const { shapes, unmatched } = world;
  const onMap = new Set(shapes.provinces.map((p) => p.name));
  out.push(
    `<p class="small">${esc(`Drawn on ${shapes.title}. Each map is one ${ctx.arms.by ?? "arm"}${ctx.arms.within ? ` under one ${ctx.arms.within}` : ""}; the maps of a row share one colour scale. Hover a province for its value.`)}</p>`,
  );
  if (unmatched.length > 0) {
    out.push(leftOut(ctx, `Not on the map, so not drawn: ${unmatched.join(", ")}.`));
  }
  for (const m of PROVINCE_METRICS) {
    const provinces = byMetric.get(m.name);
    if (!provinces) {
      out.push(
        leftOut(
          ctx,
          `No map of ${m.label.toLowerCase()}: the runs have no province.<name>.${m.name} outcomes.`,
        ),
      );
      continue;
    }
    const values = ctx.arms.cells.map((cell) => {
      const v = new Map<string, number>();
      for (const p of provinces) {
        const mean = ctx.stats.stats(cell, `province.${p}.${m.name}`).mean;
        if (Number.isFinite(mean)) v.set(p, mean);
      }
      return v;
    });
    // The scale spans what is drawn: an off-map sink (Russia) would squeeze every province into one class.
    const drawn = values.flatMap((v) =>
      provinces.filter((p) => onMap.has(p) && v.has(p)).map((p) => v.get(p)!),
    );
    const max = m.share ? 1 : Math.max(0, ...drawn);
    const { step, classes } = classBreaks(max);
    const colour = (v: number | undefined) => fillOf(v, step, classes);
    const title = `${m.label} (${m.unit})`;
    out.push(
      `<h3>${esc(m.label)}</h3>`,
      legend(`legend-${m.name}`, title, step, classes),
      `<div class="multiples">`,
    );
    ctx.arms.cells.forEach((cell, i) => {
      const svg = smallMap(ctx, shapes, `${title}: ${cell.name}`, values[i]!, colour, m.unit.split(",")[0]!);
      out.push(`<figure class="map">${svg}<figcaption>${esc(cell.name)}</figcaption></figure>`);
    });
    out.push(`</div>`, topTable(ctx, m.label, provinces, values));
  }
  out.push(`</section>`);
  return out.join("\n");
}

/** The provinces with the highest values in any cell, with their value in every cell. */
function topTable(
  ctx: ReportContext,
  label: string,
  provinces: string[],
  values: Map<string, number>[],
): string {
  const peak = (p: string) => Math.max(...values.map((v) => v.get(p) ?? -Infinity));
  const top = [...provinces]
    .filter((p) => Number.isFinite(peak(p)))
    .sort((a, b) => peak(b) - peak(a) || (a < b ? -1 : 1))
    .slice(0, TOP);
  if (top.length === 0) return "";
  const head = ctx.arms.cells.map((c) => `<th scope="col">${esc(c.name)}</th>`).join("");
  const rows = top.map(
    (p) =>
      `<tr><th scope="row">${esc(p)}</th>${values.map((v) => `<td>${fmt(v.get(p) ?? Number.NaN)}</td>`).join("")}</tr>`,
  );
  return (
    `<div class="table-wrap"><table class="top"><caption>${esc(`${label}: the ${top.length} highest provinces`)}</caption>` +
    `<thead><tr><th scope="col">province</th>${head}</tr></thead><tbody>${rows.join("")}</tbody></table></div>`
  );
}
