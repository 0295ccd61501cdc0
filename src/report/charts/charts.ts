/**
 * The charts section: per-tick mean and 90 % band per arm of the nexus series, the distribution
 * of each key outcome per arm, and the price of heroin by market along the route.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { TABLES } from "../../study/tables/compact.js";
import { leftOut, type ReportContext } from "../context.js";
import { esc } from "../html.js";
import { PRICE_PREFIX, seriesInfo, withUnit } from "../outcomes.js";
import { loadSeriesBands } from "./series.js";
import type { ArmScale, BoxRow } from "./specs.js";
import { bandSpec, boxSpec, priceSpec } from "./specs.js";
import { renderChart } from "./vega.js";

/** Run values drawn as a strip under each box when a cell has at most this many. */
const STRIP_MAX = 60;

/** A chart in its figure, numbered for unique ids. */
export async function figure(
  ctx: ReportContext,
  spec: Parameters<typeof renderChart>[0],
  title: string,
): Promise<string> {
  ctx.charts += 1;
  const svg = await renderChart(spec, `chart-${ctx.charts}`, title);
  return `<figure class="chart">${svg}</figure>`;
}

/** The arms' colour scale for charts. */
export function armScale(ctx: ReportContext): ArmScale {
  return { title: ctx.arms.by ?? "arm", labels: ctx.arms.labels };
}

async function seriesCharts(ctx: ReportContext): Promise<string[]> {
  const { data, arms } = ctx;
  const kept = data.manifest ? data.manifest.series !== null && data.manifest.series !== undefined : true;
  // A manifest that says series were kept makes a missing series folder missing files, not "no series".
  const stored = existsSync(join(data.dir, TABLES.series)) || existsSync(join(data.dir, "series"));
  if (!kept || (!data.manifest && !stored)) {
    return [
      leftOut(
        ctx,
        "No per-tick charts: the study kept no series (add series: { every: 10 } to the study file).",
      ),
    ];
  }
  const series = seriesInfo(data.catalogues);
  const s = await loadSeriesBands(
    data.dir,
    arms.cells,
    series.map((x) => x.name),
  );
  const out: string[] = [];
  for (const info of series) {
    const rows = s.bands.get(info.name);
    if (!rows || rows.length === 0) continue;
    const title = `${info.label}, by ${arms.by ?? "arm"}`;
    out.push(
      await figure(ctx, bandSpec(title, info.unit, rows, armScale(ctx), arms.levels, arms.within), title),
      `<p class="small">${esc(title)}: rests on ${s.usedRuns} run${s.usedRuns === 1 ? "" : "s"}.</p>`,
    );
  }
  const absent = series.filter((x) => !s.present.includes(x.name)).map((x) => x.name);
  if (absent.length > 0 && s.usedRuns > 0) {
    out.push(leftOut(ctx, `No per-tick chart of ${absent.join(", ")}: the runs kept no such series.`));
  }
  if (s.missingFiles > 0) {
    const named = `${s.missingNames.join(", ")}${s.missingFiles > s.missingNames.length ? ", …" : ""}`;
    out.push(
      leftOut(
        ctx,
        `${s.missingFiles} of ${s.missingFiles + s.usedRuns} finished runs have no ${s.source === "series.parquet" ? "series in series.parquet" : "readable series file"} (${named}); the per-tick charts rest on the other ${s.usedRuns}.`,
      ),
    );
  }
  return out;
}

async function boxCharts(ctx: ReportContext): Promise<string[]> {
  const out: string[] = [];
  const scale = armScale(ctx);
  for (const o of ctx.chosen) {
    const boxes: BoxRow[] = [];
    const strips: { cell: string; value: number }[] = [];
    for (const cell of ctx.arms.cells) {
      const s = ctx.stats.stats(cell, o.name);
      if (s.n === 0) continue;
      boxes.push({
        cell: cell.name,
        arm: cell.label,
        q1: s.q1,
        median: s.median,
        q3: s.q3,
        p5: s.p5,
        p95: s.p95,
        mean: s.mean,
      });
      if (s.n <= STRIP_MAX)
        for (const value of ctx.stats.values(cell, o.name)) strips.push({ cell: cell.name, value });
    }
    if (boxes.length === 0) continue;
    const title = `${o.label} per run, by ${ctx.arms.by ?? "arm"}`;
    out.push(await figure(ctx, boxSpec(title, withUnit(o), boxes, strips, scale), title));
  }
  return out;
}

async function priceChart(ctx: ReportContext): Promise<string[]> {
  const names = ctx.outcomes.filter((o) => o.startsWith(PRICE_PREFIX));
  if (names.length === 0) {
    return [leftOut(ctx, `No price chart: the runs have no ${PRICE_PREFIX}<market> outcomes.`)];
  }
  const rows: { market: string; level: string; arm: string; mean: number; lo: number; hi: number }[] = [];
  const overall = new Map<string, number>();
  for (const name of names) {
    const market = name.slice(PRICE_PREFIX.length);
    let sum = 0;
    let k = 0;
    for (const cell of ctx.arms.cells) {
      const s = ctx.stats.stats(cell, name);
      if (s.n === 0) continue;
      rows.push({ market, level: cell.level, arm: cell.label, mean: s.mean, lo: s.ciLow, hi: s.ciHigh });
      sum += s.mean;
      k++;
    }
    if (k > 0) overall.set(market, sum / k);
  }
  // Heroin gets dearer with every border it crosses, so price order is route order.
  const markets = [...overall.keys()].sort((a, b) => overall.get(a)! - overall.get(b)! || (a < b ? -1 : 1));
  for (const r of rows) {
    if (!Number.isFinite(r.lo)) r.lo = r.mean;
    if (!Number.isFinite(r.hi)) r.hi = r.mean;
  }
  const { arms } = ctx;
  const title = "Heroin price by market along the route";
  return [await figure(ctx, priceSpec(rows, markets, armScale(ctx), arms.levels, arms.within), title)];
}

/** The charts section. */
export async function chartsSection(ctx: ReportContext): Promise<string> {
  const parts = [
    `<section id="charts"><h2>Charts</h2>`,
    `<h3>Over time</h3>`,
    ...(await seriesCharts(ctx)),
    `<h3>${esc(`Spread of the key outcomes over runs`)}</h3>`,
    `<div class="chart-grid">`,
    ...(await boxCharts(ctx)),
    `</div>`,
    `<h3>Prices along the route</h3>`,
    ...(await priceChart(ctx)),
    `</section>`,
  ];
  return parts.join("\n");
}
