/**
 * The regret part of the answer: which `by` arm is the robust choice when the `within` hypothesis
 * is unknown (minimax regret, src/stats/regret.ts), said in plain words, with its table, the
 * bootstrap differences behind it and the robust arm for every other outcome with a direction.
 */
import { type ComparisonReport, compareArms, type PairComparison } from "../../stats/compare.js";
import { DEFAULT_BOOTSTRAP, DEFAULT_BOOTSTRAP_SEED } from "../../stats/defaults.js";
import { type RegretTable, regretTable } from "../../stats/regret.js";
import { cellOf } from "../arms.js";
import { leftOut, type ReportContext } from "../context.js";
import { attrs, esc, exact, fmt } from "../html.js";
import { type OutcomeInfo, withUnit } from "../outcomes.js";

/** The regret table of one outcome from the cells' means. */
function tableFor(ctx: ReportContext, o: OutcomeInfo & { direction: NonNullable<OutcomeInfo["direction"]> }) {
  const { arms } = ctx;
  const means = arms.labels.map((label) =>
    arms.levels.map((level) => {
      const cell = cellOf(arms, level, label);
      return cell ? ctx.stats.stats(cell, o.name).mean : Number.NaN;
    }),
  );
  return regretTable(arms.labels, arms.levels, means, o.direction);
}

const unitText = (o: OutcomeInfo) => (o.unit ? ` ${o.unit}` : "");
const q = (s: string) => `“${s}”`;

/** The robust choice in plain words. */
export function plainSentence(ctx: ReportContext, o: OutcomeInfo, g: RegretTable): string {
  const { by, within } = ctx.arms;
  const byName = by ?? "arm";
  if (g.robust === null) {
    return `No ${byName} has runs under every ${within ?? "level"}, so none can be called robust for ${o.label.toLowerCase()}.`;
  }
  const i = g.postures.indexOf(g.robust);
  const max = g.maxRegret[i]!;
  const what = o.label.toLowerCase();
  if (!within) {
    return `For ${what}, choose ${byName} ${q(g.robust)}: it does best on average (${fmt(g.means[i]![0]!)}${unitText(o)}).`;
  }
  let s =
    max === 0
      ? `If it is not known which ${within} is true, choose ${byName} ${q(g.robust)}: it does best on ${what} under every ${within}.`
      : `If it is not known which ${within} is true, choose ${byName} ${q(g.robust)}: whichever ${within} holds, ` +
        `it is at most ${fmt(max)}${unitText(o)} worse on ${what} than the best ${byName} for that ${within}.`;
  const others = g.postures
    .map((p, k) => ({ p, max: g.maxRegret[k]! }))
    .filter((x) => x.p !== g.robust && Number.isFinite(x.max));
  if (others.length > 0) {
    s += ` ${others.map((x) => `${q(x.p)} can be up to ${fmt(x.max)}${unitText(o)} worse`).join("; ")}.`;
  }
  if (g.tiedWith.length > 0) s += ` (Tied with ${g.tiedWith.map(q).join(", ")}; ${g.tieBreak}.)`;
  return s;
}

/** The regret table as HTML, robust row marked. */
function regretHtml(ctx: ReportContext, o: OutcomeInfo, g: RegretTable): string {
  const { by, within } = ctx.arms;
  const head = g.hypotheses
    .map((h) => `<th scope="col">${esc(within ? `${within}: ${h}` : h)}</th>`)
    .join("");
  const rows = g.postures.map((p, i) => {
    const cells = g.regret[i]!.map(
      (r, h) =>
        `<td${attrs({ "data-arm": p, "data-level": g.hypotheses[h], "data-regret": exact(r) })}>${fmt(r)}</td>`,
    );
    const cls = p === g.robust ? ` class="robust"` : "";
    return `<tr${cls}><th scope="row">${esc(p)}${p === g.robust ? " (robust)" : ""}</th>${cells.join("")}<td data-max-regret="${exact(g.maxRegret[i]!)}">${fmt(g.maxRegret[i]!)}</td></tr>`;
  });
  const caption =
    `Regret in ${esc(withUnit(o).toLowerCase())}: how much worse each ${esc(by ?? "arm")}'s mean is than the best ` +
    `one under each ${esc(within ?? "level")} (0 = best). The robust choice has the smallest worst case (minimax regret).`;
  return (
    `<div class="table-wrap"><table class="regret"><caption>${caption}</caption><thead><tr><th scope="col">${esc(by ?? "arm")}</th>` +
    `${head}<th scope="col">worst case</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`
  );
}

/** The comparison `pamir compare` makes of the regret outcome (pairwise bootstrap differences). */
function compared(ctx: ReportContext, o: OutcomeInfo & { direction: NonNullable<OutcomeInfo["direction"]> }) {
  const { by, within } = ctx.arms;
  if (!by) return undefined;
  const r = compareArms(ctx.data.rows, {
    outcome: o.name,
    by,
    within,
    direction: o.direction,
    resamples: DEFAULT_BOOTSTRAP,
    seed: DEFAULT_BOOTSTRAP_SEED,
  });
  return r.ok ? r.value : undefined;
}

const isClear = (p: PairComparison) => p.ciLow > 0 || p.ciHigh < 0;

/** How sure the choice is, in words: which differences involving the robust arm the bootstrap cannot tell from 0. */
function certainty(ctx: ReportContext, report: ComparisonReport | undefined, robust: string | null): string {
  if (!report || robust === null) return "";
  const unclear = report.levels.filter((l) =>
    l.pairs.some((p) => (p.a === robust || p.b === robust) && !isClear(p)),
  );
  if (unclear.length === 0) return " Every difference from it is clear at 95 %.";
  const within = ctx.arms.within;
  const where =
    unclear.length === report.levels.length
      ? within
        ? `under every ${within}`
        : ""
      : `under ${unclear.map((l) => `${within ?? ""} ${q(l.level)}`.trim()).join(" and ")}`;
  return ` But ${where ? `${where} ` : ""}its difference from another ${ctx.arms.by ?? "arm"} is not clear at 95 % (the bootstrap interval holds 0): more runs would tell.`;
}

/** Pairwise differences of the regret outcome with the bootstrap intervals `pamir compare` gives. */
function pairsHtml(ctx: ReportContext, o: OutcomeInfo, report: ComparisonReport | undefined): string {
  const { within, levels } = ctx.arms;
  if (!report) return "";
  // `pamir compare` sorts levels by name; the report keeps the study's order everywhere.
  const ordered = [...report.levels].sort((a, b) => levels.indexOf(a.level) - levels.indexOf(b.level));
  const rows = ordered.flatMap((l) =>
    l.pairs.map((p) => {
      const clear = isClear(p);
      const level = within ? `<td>${esc(l.level)}</td>` : "";
      return `<tr>${level}<td>${esc(p.a)} − ${esc(p.b)}</td><td data-diff="${exact(p.diff)}">${fmt(p.diff)}</td><td>${fmt(p.ciLow)} – ${fmt(p.ciHigh)}</td><td>${fmt(p.hedgesG)}</td><td>${clear ? "yes" : "no: the interval holds 0"}</td></tr>`;
    }),
  );
  const levelHead = within ? `<th scope="col">${esc(within)}</th>` : "";
  return (
    `<div class="table-wrap"><table class="pairs"><caption>Differences of mean ${esc(withUnit(o).toLowerCase())} ` +
    `with ${DEFAULT_BOOTSTRAP}-resample bootstrap 95 % intervals (seed ${DEFAULT_BOOTSTRAP_SEED}, as <code>pamir compare</code> gives them) and Hedges' g.</caption>` +
    `<thead><tr>${levelHead}<th scope="col">A − B</th><th scope="col">difference</th><th scope="col">95 % interval</th>` +
    `<th scope="col">Hedges' g</th><th scope="col">clear at 95 %?</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`
  );
}

/** The robust arm of every other chosen outcome with a direction. */
function perOutcomeHtml(ctx: ReportContext): string {
  const { by, within, levels } = ctx.arms;
  const rows: string[] = [];
  for (const o of ctx.chosen) {
    if (!o.direction || o.name === ctx.regret?.name) continue;
    const g = tableFor(ctx, { ...o, direction: o.direction });
    const best = levels.map((_, h) => {
      const k = g.regret.findIndex((row) => row[h] === 0);
      return `<td>${k < 0 ? "—" : esc(g.postures[k]!)}</td>`;
    });
    const worst = g.robust === null ? Number.NaN : g.maxRegret[g.postures.indexOf(g.robust)]!;
    rows.push(
      `<tr><th scope="row">${esc(o.label)}</th><td>${esc(g.robust ?? "none")}</td><td>${fmt(worst)}${esc(unitText(o))}</td>${best.join("")}</tr>`,
    );
  }
  if (rows.length === 0) return "";
  const head = levels
    .map((l) => `<th scope="col">best under ${esc(within ? `${within}: ${l}` : l)}</th>`)
    .join("");
  return (
    `<div class="table-wrap"><table class="robust-all"><caption>The robust ${esc(by ?? "arm")} for each other outcome with a direction.</caption>` +
    `<thead><tr><th scope="col">outcome</th><th scope="col">robust ${esc(by ?? "arm")}</th><th scope="col">its worst-case regret</th>${head}</tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table></div>`
  );
}

/** The lead sentence (shown first in the answer) and the regret tables. */
export function regretSection(ctx: ReportContext): { lead: string; body: string } {
  const o = ctx.regret;
  if (!o) {
    const lead = leftOut(
      ctx,
      "No regret table: none of the outcomes it ranks by (violent_events, delivered_kg, insurgent_revenue_usd, " +
        "insurgent_fighters, seized_kg) are in the runs; choose one with --outcome NAME --lower-is-better (or --higher-is-better).",
    );
    return { lead, body: "" };
  }
  if (!ctx.arms.by || ctx.arms.labels.length < 2) {
    return {
      lead: leftOut(
        ctx,
        "No regret table: the study has one arm only, so there is nothing to choose between.",
      ),
      body: "",
    };
  }
  const g = tableFor(ctx, o);
  const report = compared(ctx, o);
  const lead = `<p class="lead">${esc(plainSentence(ctx, o, g) + certainty(ctx, report, g.robust))}</p>`;
  const body = [
    `<h3>${esc(`Regret: ${o.label.toLowerCase()}`)}</h3>`,
    regretHtml(ctx, o, g),
    pairsHtml(ctx, o, report),
    perOutcomeHtml(ctx),
  ].join("\n");
  return { lead, body };
}
