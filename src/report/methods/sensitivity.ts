/**
 * The sensitivity section, drawn when the results folder holds sensitivity.json (`pamir
 * sensitivity`): per key outcome, and per scenario and factorial cell, a bar chart of the Sobol
 * indices S1 and ST with their bootstrap 95 % intervals (Saltelli designs), Morris's μ*–σ plane
 * (Morris designs) or PRCC bars with their intervals (LHS and Sobol-sequence designs), each with
 * a table of the exact numbers under it.
 */
import type {
  MorrisFactor,
  PrccFactor,
  SensitivityReport,
  SensitivityResult,
  SobolFactor,
} from "../../stats/sensitivity/analyse.js";
import type { Interval } from "../../stats/sensitivity/intervals.js";
import { cellText } from "../../stats/sensitivity/sample-means.js";
import { figure } from "../charts/charts.js";
import { leftOut, type ReportContext } from "../context.js";
import { attrs, esc, exact, fmt } from "../html.js";
import { outcomeInfo } from "../outcomes.js";
import type { MethodsFile } from "./load.js";
import { type IndexRow, type MorrisRow, morrisSpec, type PrccRow, prccSpec, sobolSpec } from "./specs.js";

/** Up to this many analysed outcomes are all drawn; beyond it, only the report's key outcomes. */
const OUTCOMES_MAX = 8;

/** Charts drawn at most (scenarios × cells × outcomes can multiply fast). */
const CHARTS_MAX = 24;

const orNull = (v: number) => (Number.isFinite(v) ? v : null);

/** A table cell with the display number and its exact value. */
function num(v: number): string {
  return `<td${attrs({ "data-value": exact(v) })}>${fmt(v)}</td>`;
}

/** A table cell with an interval "[low, high]" and its exact ends. */
function interval(i: Interval): string {
  const text = Number.isFinite(i.low) ? `[${fmt(i.low)}, ${fmt(i.high)}]` : "—";
  return `<td${attrs({ "data-low": exact(i.low), "data-high": exact(i.high) })}>${text}</td>`;
}

function table(head: string[], rows: string[]): string {
  const th = head.map((h) => `<th scope="col">${esc(h)}</th>`).join("");
  return `<table class="data sensitivity"><thead><tr>${th}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function sobolTable(outcome: string, factors: SobolFactor[]): string {
  const rows = factors.map(
    (f) =>
      `<tr${attrs({ "data-outcome": outcome, "data-factor": f.factor })}><th scope="row">${esc(f.factor)}</th>` +
      `${num(f.s1.value)}${interval(f.s1)}${num(f.st.value)}${interval(f.st)}</tr>`,
  );
  return table(["factor", "S1", "S1 95 % interval", "ST", "ST 95 % interval"], rows);
}

function morrisTable(outcome: string, factors: MorrisFactor[]): string {
  const rows = factors.map(
    (f) =>
      `<tr${attrs({ "data-outcome": outcome, "data-factor": f.factor })}><th scope="row">${esc(f.factor)}</th>` +
      `${num(f.mu)}${num(f.muStar.value)}${interval(f.muStar)}${num(f.sigma)}</tr>`,
  );
  return table(["factor", "μ", "μ*", "μ* 95 % interval", "σ"], rows);
}

function prccTable(outcome: string, factors: PrccFactor[]): string {
  const rows = factors.map(
    (f) =>
      `<tr${attrs({ "data-outcome": outcome, "data-factor": f.factor })}><th scope="row">${esc(f.factor)}</th>` +
      `${num(f.prcc.value)}${interval(f.prcc)}<td${attrs({ "data-value": exact(f.p) })}>${Number.isFinite(f.p) ? esc(f.p.toPrecision(2)) : "—"}</td></tr>`,
  );
  return table(["factor", "PRCC", "PRCC 95 % interval", "p (t test)"], rows);
}

/** The PRCC chart of one result. */
async function prccFigure(
  ctx: ReportContext,
  report: SensitivityReport,
  r: SensitivityResult,
  title: string,
) {
  const rows: PrccRow[] = (r.prcc ?? []).map((f) => ({
    factor: f.factor,
    value: orNull(f.prcc.value),
    low: orNull(f.prcc.low),
    high: orNull(f.prcc.high),
  }));
  const spec = prccSpec(`PRCC of ${title}`, report.factors, rows, report.bootstrap.resamples);
  return [await figure(ctx, spec, title), basis(r, report.design), prccTable(r.outcome, r.prcc ?? [])].join(
    "\n",
  );
}

/** What one result rests on, in a line: rows used and dropped, and the replicate noise left. */
function basis(r: SensitivityResult, design: SensitivityReport["design"]): string {
  const unit = design === "saltelli" ? "base rows" : design === "morris" ? "trajectories" : "design points";
  const dropped = r.dropped > 0 ? `, ${r.dropped} left out for a missing run` : "";
  let noise = "";
  if (typeof r.noiseShare === "number" && Number.isFinite(r.noiseShare))
    noise = `; replicate noise ≈ ${fmt(100 * r.noiseShare)} % of the variance (it adds about that to each ST)`;
  if (typeof r.noiseEffect === "number" && Number.isFinite(r.noiseEffect))
    noise = `; noise alone spreads an elementary effect by about ${fmt(r.noiseEffect)}`;
  return `<p class="small">${r.used} ${unit} used${dropped}${esc(noise)}.</p>`;
}

/** The chart and table of one result. */
async function resultFigure(
  ctx: ReportContext,
  report: SensitivityReport,
  r: SensitivityResult,
): Promise<string> {
  const label = outcomeInfo(r.outcome, ctx.data.catalogues).label;
  const where = Object.keys(r.cell).length > 0 ? `, ${cellText(r.cell)}` : "";
  const title = `${label} (${r.scenario}${where})`;
  const resamples = report.bootstrap.resamples;
  if (report.method === "prcc") return prccFigure(ctx, report, r, title);
  if (report.design === "saltelli") {
    const rows: IndexRow[] = (r.sobol ?? []).flatMap((f) =>
      (["S1", "ST"] as const).map((index) => {
        const i = index === "S1" ? f.s1 : f.st;
        return { factor: f.factor, index, value: orNull(i.value), low: orNull(i.low), high: orNull(i.high) };
      }),
    );
    const chart = await figure(
      ctx,
      sobolSpec(`Sobol indices of ${title}`, report.factors, rows, resamples),
      title,
    );
    return [chart, basis(r, report.design), sobolTable(r.outcome, r.sobol ?? [])].join("\n");
  }
  const rows: MorrisRow[] = (r.morris ?? []).map((f) => ({
    factor: f.factor,
    muStar: orNull(f.muStar.value),
    low: orNull(f.muStar.low),
    high: orNull(f.muStar.high),
    sigma: orNull(f.sigma),
  }));
  const chart = await figure(ctx, morrisSpec(`Morris measures of ${title}`, rows, resamples), title);
  return [chart, basis(r, report.design), morrisTable(r.outcome, r.morris ?? [])].join("\n");
}

/** The analysed outcomes to draw: all when few, else those among the report's key outcomes. */
function drawnOutcomes(ctx: ReportContext, analysed: readonly string[]): string[] {
  if (analysed.length <= OUTCOMES_MAX) return [...analysed];
  const key = analysed.filter((o) => ctx.chosen.some((c) => c.name === o));
  return key.length > 0 ? key : analysed.slice(0, OUTCOMES_MAX);
}

function intro(report: SensitivityReport): string {
  const prcc =
    "Partial rank correlation coefficients (PRCC, Marino et al. 2008) over the sampled design points: each factor's and the outcome's ranks, with the other factors' ranks regressed out, correlated; it measures a monotone effect of the factor with the others held fixed (−1 … 1), and p is the t test of PRCC = 0 with n − 2 − k degrees of freedom.";
  const what =
    report.method === "prcc"
      ? prcc
      : report.design === "saltelli"
        ? "Sobol indices (Saltelli design): S1 is the share of an outcome's variance over the sampled ranges that a factor causes alone, ST the share it causes with all its interactions; ST − S1 is the interaction part."
        : "Morris elementary effects: μ* is the mean size of the change in an outcome when a factor moves across its range (it ranks the factors), σ their spread (non-linear effects or interactions).";
  const boot =
    report.bootstrap.resamples > 0
      ? ` Intervals: ${report.bootstrap.method} (${report.bootstrap.resamples} resamples, seed ${report.bootstrap.seed}).`
      : " No bootstrap intervals (pamir sensitivity --bootstrap 0).";
  return `<p>${esc(`${what} Replicates: ${report.replicates}.${boot}`)}</p>`;
}

/** The sensitivity section, or a note when sensitivity.json cannot be used. */
export async function sensitivitySection(
  ctx: ReportContext,
  file: MethodsFile<SensitivityReport>,
): Promise<string> {
  const out = [`<section id="sensitivity"><h2>Sensitivity</h2>`];
  if (!file.ok) {
    out.push(leftOut(ctx, `No sensitivity charts: ${file.why}.`), `</section>`);
    return out.join("\n");
  }
  const report = file.value;
  if (file.stale)
    out.push(
      leftOut(
        ctx,
        "sensitivity.json is older than runs.ndjson: run pamir sensitivity again for indices of every run.",
      ),
    );
  out.push(intro(report));
  const drawn = drawnOutcomes(ctx, report.outcomes);
  if (drawn.length < report.outcomes.length) {
    const rest = report.outcomes.length - drawn.length;
    out.push(
      leftOut(
        ctx,
        `Sensitivity charts of ${rest} more analysed outcomes are left out; sensitivity.csv has them all.`,
      ),
    );
  }
  const results = drawn.flatMap((o) => report.results.filter((r) => r.outcome === o));
  for (const r of results.slice(0, CHARTS_MAX)) {
    out.push(
      `<h3>${esc(outcomeInfo(r.outcome, ctx.data.catalogues).label)}${Object.keys(r.cell).length > 0 ? esc(` (${cellText(r.cell)})`) : ""}</h3>`,
    );
    out.push(await resultFigure(ctx, report, r));
  }
  if (results.length > CHARTS_MAX)
    out.push(
      leftOut(
        ctx,
        `Only the first ${CHARTS_MAX} of ${results.length} sensitivity charts are drawn; sensitivity.csv has them all.`,
      ),
    );
  out.push(`</section>`);
  return out.join("\n");
}
