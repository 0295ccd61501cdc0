/**
 * The appendix: every design point × outcome statistic (what summary.csv holds, computed by the
 * same code), what the report left out and why, and the manifest as recorded.
 */
import { CaveatTally, intervalCaveats } from "../../stats/interval-caveats.js";
import { pointLabelText } from "../../stats/labels.js";
import type { ReportContext } from "../context.js";
import { esc, fmt } from "../html.js";

/** Rows of the summary table before it stops and points to summary.csv (a page, not a database). */
export const SUMMARY_ROWS_MAX = 3000;

function summaryTable(ctx: ReportContext): string {
  const { summary } = ctx;
  const rows: string[] = [];
  let total = 0;
  const caveats = new CaveatTally();
  for (const p of summary.points) {
    for (const name of summary.outcomes) {
      total++;
      if (rows.length >= SUMMARY_ROWS_MAX) continue;
      const s = p.outcomes[name]!;
      const cells = [s.n, s.mean, s.sd, s.ciLow, s.ciHigh, s.median, s.p5, s.p95].map(
        (v) => `<td>${fmt(v)}</td>`,
      );
      cells.push(`<td>${esc(caveats.add(intervalCaveats(s)))}</td>`);
      rows.push(
        `<tr><td>${esc(`${p.scenario}/p${p.point}`)}</td><td>${esc(pointLabelText(p))}</td><td>${esc(name)}</td>${cells.join("")}</tr>`,
      );
    }
  }
  const cut =
    total > rows.length
      ? `<p class="note">${esc(`The first ${rows.length} of ${total} rows; summary.csv in the results folder has them all.`)}</p>`
      : "";
  const head = [
    "point",
    "labels",
    "outcome",
    "n",
    "mean",
    "sd",
    "ci95 low",
    "ci95 high",
    "median",
    "p5",
    "p95",
    "note",
  ]
    .map((h) => `<th scope="col">${h}</th>`)
    .join("");
  return (
    `<h3>All statistics</h3><p class="small">${esc(`Per design point and outcome: ${summary.methods.sd}; ${summary.methods.ci}; percentiles ${summary.methods.quantiles}. Failed runs left out.`)}</p>` +
    `<div class="table-wrap"><table class="summary"><caption>Summary of every design point and outcome (as summary.csv).</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table></div>${cut}` +
    caveats
      .notes()
      .map((n) => `<p class="small caveat-note">${esc(n)}</p>`)
      .join("")
  );
}

/** The appendix section. */
export function appendixSection(ctx: ReportContext): string {
  const notes =
    ctx.notes.length > 0
      ? `<h3>Left out of this report</h3><ul class="notes">${ctx.notes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul>`
      : "";
  const m = ctx.data.manifest;
  const manifest = m
    ? `<h3>Manifest</h3><pre class="manifest">${esc(JSON.stringify(m, null, 2))}</pre>`
    : `<h3>Manifest</h3><p class="note">No manifest.json in the results folder.</p>`;
  return [`<section id="appendix"><h2>Appendix</h2>`, summaryTable(ctx), notes, manifest, `</section>`].join(
    "\n",
  );
}
