/**
 * The scenario-discovery section, drawn when the results folder holds discover.json (`pamir
 * discover`): the condition and its cases, PRIM's coverage/density trade-off along the peeling
 * and pasting trajectory with the chosen box marked, and the box itself — each factor's limits
 * against its full sampled range, with quasi-p-values — and a table of the exact limits.
 */
import { formatNumber } from "../../core/number-format.js";
import type { DiscoverReport, Restriction } from "../../stats/prim/discover.js";
import { figure } from "../charts/charts.js";
import { leftOut, type ReportContext } from "../context.js";
import { attrs, esc, exact, fmt } from "../html.js";
import type { MethodsFile } from "./load.js";
import { boxLimitsSpec, type LimitRow, type StepRow, tradeoffSpec } from "./specs.js";

/** A quasi-p-value for people: — where the limit is not restricted, tiny ones in powers of ten. */
function pText(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return "—";
  if (p === 0) return "< 1e-300";
  return formatNumber(p, { digits: 2 });
}

/** The box's rows: every factor's limits as shares of its full range. */
function limitRows(r: DiscoverReport): LimitRow[] {
  return r.factors.map((f) => {
    const [lo, hi] = r.chosen.limits[f.name] ?? [f.min, f.max];
    const span = f.max - f.min;
    const share = (v: number) => (span > 0 ? Math.min(1, Math.max(0, (v - f.min) / span)) : 0);
    const x = r.chosen.restrictions.find((q) => q.factor === f.name);
    const text = x
      ? `${fmt(lo)} – ${fmt(hi)} (quasi-p ${pText(x.pLower)}, ${pText(x.pUpper)})`
      : `${fmt(f.min)} – ${fmt(f.max)}, unrestricted`;
    return {
      factor: f.name,
      lo: share(lo),
      hi: span > 0 ? share(hi) : 1,
      restricted: x ? "restricted" : "unrestricted",
      text,
    };
  });
}

function boxTable(r: DiscoverReport): string {
  const head = ["factor", "box min", "box max", "full min", "full max", "quasi-p min", "quasi-p max"];
  const th = head.map((h) => `<th scope="col">${esc(h)}</th>`).join("");
  const n = (v: number) => `<td${attrs({ "data-value": exact(v) })}>${fmt(v)}</td>`;
  const p = (v: number | null) =>
    `<td${attrs({ "data-value": v === null ? "" : exact(v) })}>${pText(v)}</td>`;
  const rows = r.factors.map((f) => {
    const [lo, hi] = r.chosen.limits[f.name] ?? [f.min, f.max];
    const x: Restriction | undefined = r.chosen.restrictions.find((q) => q.factor === f.name);
    const cls = x ? "restricted" : "unrestricted";
    return (
      `<tr${attrs({ class: cls, "data-factor": f.name })}><th scope="row">${esc(f.name)}</th>` +
      `${n(lo)}${n(hi)}${n(f.min)}${n(f.max)}${p(x ? x.pLower : null)}${p(x ? x.pUpper : null)}</tr>`
    );
  });
  return `<table class="data discovery"><thead><tr>${th}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** The condition, its cases and the chosen box in words. */
function summary(r: DiscoverReport): string {
  const c = r.chosen;
  const dropped = r.dropped > 0 ? `, ${r.dropped} left out for a missing run or value` : "";
  const box =
    c.restrictions.length > 0
      ? `restricts ${c.restrictions.map((x) => x.factor).join(", ")}`
      : "restricts no factor (the cases of interest are spread over the whole design)";
  return [
    `<p>Where <code>${esc(r.where)}</code> holds: ${r.cases} cases (${esc(r.replicates)}), ${r.casesOfInterest} of interest${esc(dropped)}. PRIM peeling ${fmt(r.options.peel)}, pasting ${fmt(r.options.paste)}, minimum support ${fmt(r.options.minSupport)}.</p>`,
    `<p class="lead"${attrs({ "data-step": c.step, "data-coverage": exact(c.coverage), "data-density": exact(c.density) })}>` +
      esc(
        `The chosen box (step ${c.step}, ${c.rule}) ${box}: it holds ${fmt(100 * c.coverage)} % of the cases of interest (coverage), and ${fmt(100 * c.density)} % of the cases in it are of interest (density); its mass is ${fmt(100 * c.mass)} % of all cases.`,
      ) +
      `</p>`,
  ].join("\n");
}

/** The discovery section, or a note when discover.json cannot be used. */
export async function discoverySection(
  ctx: ReportContext,
  file: MethodsFile<DiscoverReport>,
): Promise<string> {
  const out = [`<section id="discovery"><h2>Scenario discovery</h2>`];
  if (!file.ok) {
    out.push(leftOut(ctx, `No scenario-discovery charts: ${file.why}.`), `</section>`);
    return out.join("\n");
  }
  const r = file.value;
  if (file.stale)
    out.push(
      leftOut(
        ctx,
        "discover.json is older than runs.ndjson: run pamir discover again for a box over every run.",
      ),
    );
  out.push(summary(r));
  const steps: StepRow[] = r.trajectory.map((s) => ({
    step: s.step,
    coverage: s.coverage,
    density: s.density,
    restricted: s.restricted,
    chosen: s.step === r.chosen.step,
  }));
  const tradeoff = `Coverage and density along PRIM's trajectory`;
  out.push(await figure(ctx, tradeoffSpec(tradeoff, steps), tradeoff));
  const boxTitle = `The chosen box (step ${r.chosen.step}) against the sampled ranges`;
  const names = r.factors.map((f) => f.name);
  out.push(await figure(ctx, boxLimitsSpec(boxTitle, names, limitRows(r)), boxTitle));
  out.push(boxTable(r), `</section>`);
  return out.join("\n");
}
