/**
 * "The answer first": the comparison table of the chosen outcomes, arms (`by`) as rows within
 * the levels (`within`) as columns, each a mean with its 95 % t interval — then the regret
 * section. Every number carries its exact value in data-* attributes, so a test (or a reader with
 * the inspector) can check it against summary.csv.
 */
import { CaveatTally, intervalCaveats } from "../../stats/interval-caveats.js";
import type { Cell } from "../arms.js";
import { cellOf } from "../arms.js";
import type { CellStats } from "../cell-stats.js";
import type { ReportContext } from "../context.js";
import { attrs, esc, exact, fmt } from "../html.js";
import { type OutcomeInfo, withUnit } from "../outcomes.js";
import { regretSection } from "./regret.js";

/** Which `by` label has the best mean in each level, for outcomes with a direction. */
function bestLabels(ctx: ReportContext, o: OutcomeInfo): Map<string, string> {
  const best = new Map<string, string>();
  if (!o.direction || ctx.arms.labels.length < 2) return best;
  for (const level of ctx.arms.levels) {
    let top: { label: string; mean: number } | undefined;
    for (const label of ctx.arms.labels) {
      const cell = cellOf(ctx.arms, level, label);
      const m = cell ? ctx.stats.stats(cell, o.name).mean : Number.NaN;
      if (Number.isNaN(m)) continue;
      const better =
        o.direction === "lower-is-better" ? m < (top?.mean ?? Infinity) : m > (top?.mean ?? -Infinity);
      if (!top || better) top = { label, mean: m };
    }
    if (top) best.set(level, top.label);
  }
  return best;
}

/** One table cell: mean and interval (marked when it should not be read at face value), exact values in data-* attributes. */
function statCell(o: OutcomeInfo, cell: Cell, s: CellStats, best: boolean, caveats: CaveatTally): string {
  const a = attrs({
    "data-outcome": o.name,
    "data-level": cell.level,
    "data-arm": cell.label,
    "data-n": s.n,
    "data-mean": exact(s.mean),
    "data-ci-low": exact(s.ciLow),
    "data-ci-high": exact(s.ciHigh),
    class: best ? "best" : undefined,
  });
  const ci = Number.isFinite(s.ciLow) ? `<span class="ci">${fmt(s.ciLow)} – ${fmt(s.ciHigh)}</span>` : "";
  const marks = caveats.add(intervalCaveats(s));
  const flag = marks ? `<span class="caveat">${esc(marks)}</span>` : "";
  return `<td${a}><span class="mean">${fmt(s.mean)}</span>${ci}${flag}</td>`;
}

const WAY = { "lower-is-better": "lower is better", "higher-is-better": "higher is better" } as const;

/** The comparison table of the chosen outcomes. */
export function comparisonTable(ctx: ReportContext): string {
  const { arms } = ctx;
  const byName = arms.by ?? "arm";
  const head = arms.levels.map(
    (l) => `<th scope="col">${esc(arms.within ? `${arms.within}: ${l}` : l)}</th>`,
  );
  const body: string[] = [];
  const caveats = new CaveatTally();
  for (const o of ctx.chosen) {
    const best = bestLabels(ctx, o);
    arms.labels.forEach((label, i) => {
      const cells = arms.levels.map((level) => {
        const cell = cellOf(arms, level, label);
        if (!cell) return `<td class="empty">no runs</td>`;
        return statCell(o, cell, ctx.stats.stats(cell, o.name), best.get(level) === label, caveats);
      });
      const way = o.direction ? `<span class="way">${WAY[o.direction]}</span>` : "";
      const group =
        i === 0
          ? `<th scope="rowgroup" rowspan="${arms.labels.length}" class="outcome">${esc(withUnit(o))}${way}</th>`
          : "";
      const cls = i === 0 ? ` class="group-start"` : "";
      body.push(`<tr${cls}>${group}<th scope="row">${esc(label)}</th>${cells.join("")}</tr>`);
    });
  }
  const within = arms.within ? ` within each ${esc(arms.within)}` : "";
  const caption =
    `Mean per run and its 95 % t interval, ${esc(byName)}${within}. ` +
    `Bold: the best ${esc(byName)} in its column, for outcomes with a direction.`;
  ctx.caveats.addAll(caveats);
  const notes = caveats.notes().map((n) => `<p class="small caveat-note">${esc(n)}</p>`);
  return (
    `<div class="table-wrap"><table class="compare"><caption>${caption}</caption>` +
    `<thead><tr><th scope="col">outcome</th><th scope="col">${esc(byName)}</th>${head.join("")}</tr></thead>` +
    `<tbody>${body.join("")}</tbody></table></div>${notes.join("")}`
  );
}

/** Runs behind each cell and what was pooled or left out, in a sentence. */
function cellNote(ctx: ReportContext): string {
  const { arms } = ctx;
  const ns = arms.cells.map((c) => c.rows.filter((r) => r.status === "ok").length);
  const lo = Math.min(...ns);
  const hi = Math.max(...ns);
  const parts = [`${lo === hi ? lo : `${lo}–${hi}`} finished runs per cell`];
  const failed = ctx.data.rows.filter((r) => r.status === "failed").length;
  if (failed > 0) parts.push(`${failed} failed run${failed === 1 ? "" : "s"} left out`);
  if (arms.unlabelled > 0) parts.push(`${arms.unlabelled} runs without a label left out`);
  const pooled = [...arms.pooled, ...arms.ranges];
  if (pooled.length > 0) parts.push(`pooled over ${pooled.join(", ")}`);
  return `<p class="small">${esc(parts.join("; "))}.</p>`;
}

/** The answer section: comparison table, then regret. */
export function answerSection(ctx: ReportContext): string {
  const { arms } = ctx;
  const out: string[] = [`<section id="answer"><h2>The answer</h2>`];
  const regret = regretSection(ctx);
  out.push(regret.lead);
  const title = arms.by
    ? `${arms.by}${arms.within ? ` × ${arms.within}` : ""}: key outcomes`
    : "All runs: key outcomes";
  out.push(`<h3>${esc(title)}</h3>`);
  if (ctx.fallback) {
    out.push(
      `<p class="small">${esc("None of the nexus model's key outcomes are in these runs; the table shows the study's first outcomes.")}</p>`,
    );
  }
  out.push(comparisonTable(ctx), cellNote(ctx), regret.body, `</section>`);
  return out.join("\n");
}
