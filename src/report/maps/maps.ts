/**
 * The maps section: for each per-province metric, one small map per cell (arm) on a shared
 * colour scale, a legend, and the provinces with the highest values as a table, since a printed
 * page has no hover.
 */
import type { ProjectedMap } from "../../map/draw/areas.js";
import { classLegendSvg } from "../../map/draw/legend.js";
import { classBreaks, type ValueScale, valueFill } from "../../map/draw/scale.js";
import { renderSmallMap, smallMapFrame } from "../../map/draw/small.js";
import { leftOut, type ReportContext } from "../context.js";
import { esc, fmt } from "../html.js";
import { parseProvinceOutcome, provinceMetrics } from "../outcomes.js";
import { studyWorld } from "./world.js";

/** Provinces listed under each metric's maps. */
const TOP = 5;

/** One small map: provinces filled by value on the shared scale. */
function smallMap(
  ctx: ReportContext,
  map: ProjectedMap,
  title: string,
  values: Map<string, number>,
  scale: ValueScale,
  unit: string,
): string {
  ctx.maps += 1;
  return renderSmallMap(map, {
    id: `map-${ctx.maps}`,
    title,
    fill: (name) => valueFill(values.get(name), scale),
    tip: (name) => {
      const v = values.get(name);
      return v === undefined || !Number.isFinite(v) ? "no data" : `${fmt(v)} ${unit}`;
    },
  });
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
  const found = names.length > 0 ? studyWorld(ctx.data, names) : undefined;
  const outline = found?.world.outline();
  if (!found || !outline || found.unmatched.length === names.length) {
    const why =
      names.length === 0
        ? "the runs have no per-province outcomes (province.<name>.seized_kg and the like)"
        : found && outline
          ? `none of the provinces the runs name (${names.slice(0, 5).join(", ")}…) is on ${outline.caption}`
          : `no shipped map has the provinces the runs name (${names.slice(0, 5).join(", ")}…)`;
    out.push(leftOut(ctx, `No maps: ${why}.`), `</section>`);
    return out.join("\n");
  }
  const { unmatched } = found;
  const map = smallMapFrame(outline);
  const onMap = new Set(outline.provinces.map((p) => p.name));
  out.push(
    `<p class="small">${esc(`Drawn on ${outline.caption}${found.guessed ? " (recognised from the province names: the results do not say which world)" : ""}. Each map is one ${ctx.arms.by ?? "arm"}${ctx.arms.within ? ` under one ${ctx.arms.within}` : ""}; the maps of a row share one colour scale. Hover a province for its value.`)}</p>`,
  );
  if (unmatched.length > 0) {
    out.push(leftOut(ctx, `Not on the map, so not drawn: ${unmatched.join(", ")}.`));
  }
  for (const m of provinceMetrics(ctx.data.catalogues)) {
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
    const scale = classBreaks(max);
    const title = `${m.label} (${m.unit})`;
    out.push(
      `<h3>${esc(m.label)}</h3>`,
      classLegendSvg(`legend-${m.name}`, title, scale, fmt),
      `<div class="multiples">`,
    );
    ctx.arms.cells.forEach((cell, i) => {
      const svg = smallMap(ctx, map, `${title}: ${cell.name}`, values[i]!, scale, m.unit.split(",")[0]!);
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
