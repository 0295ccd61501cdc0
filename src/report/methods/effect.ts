/**
 * "What the effect depends on", drawn when the results folder holds effect-sensitivity.json
 * (`pamir sensitivity --effect`): per scenario and cell, the mean paired difference of the two
 * arms, the noise share and null level in a sentence, and every factor's first-order index and
 * PRCC with their intervals in a table (largest index first), exact values in data attributes.
 */
import type { EffectReport, EffectResult } from "../../stats/sensitivity/effect.js";
import { leftOut, type ReportContext } from "../context.js";
import { attrs, esc, exact, fmt } from "../html.js";
import type { MethodsFile } from "./load.js";

const cellText = (r: EffectResult) =>
  [r.scenario, ...Object.entries(r.cell).map(([k, v]) => `${k}=${v}`)].join(", ");

/** A table cell with the exact value in data-value. */
const td = (v: number) => `<td${attrs({ "data-value": exact(v) })}>${fmt(v)}</td>`;

function resultHtml(report: EffectReport, r: EffectResult): string {
  const [a, b] = report.arms;
  const noise =
    r.noiseShare === null
      ? "One seed per sample: the run-to-run noise in the effect is not measured."
      : `Run-to-run noise is ${fmt(100 * r.noiseShare)} % of the effect's variance over the samples; no factor can claim that part.`;
  const text =
    `${cellText(r)}: ${report.outcome}, ${a} − ${b}, mean ${fmt(r.mean.value)} (95 % ${fmt(r.mean.low)} to ${fmt(r.mean.high)}) over ${r.used} samples` +
    `${r.dropped > 0 ? ` (${r.dropped} left out)` : ""}. ${noise} With ${r.classes} classes per factor, an input without effect scores about ${fmt(r.nullLevel)}.`;
  const rows = [...r.indices]
    .sort((p, q) => (q.s1.value || 0) - (p.s1.value || 0))
    .map(
      (x) =>
        `<tr><th scope="row">${esc(x.factor)}</th>${td(x.s1.value)}${td(x.s1.low)}${td(x.s1.high)}${td(x.prcc.value)}${td(x.prcc.low)}${td(x.prcc.high)}${td(x.p)}</tr>`,
    );
  const head = ["factor", "S1", "95 % low", "95 % high", "PRCC", "95 % low", "95 % high", "p"]
    .map((h) => `<th scope="col">${esc(h)}</th>`)
    .join("");
  return (
    `<p>${esc(text)}</p><div class="table-wrap"><table class="data effect"><caption>First-order Sobol index from given data ` +
    `(share of the effect's variance explained by the factor alone) and PRCC (its direction), ${report.bootstrap.resamples}-resample ` +
    `bootstrap 95 % intervals.</caption><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table></div>`
  );
}

/** The effect section, or a note when the file cannot be used. */
export function effectSection(ctx: ReportContext, file: MethodsFile<EffectReport>): string {
  const out = [`<section id="effect"><h2>What the effect depends on</h2>`];
  if (!file.ok) {
    out.push(leftOut(ctx, `No effect sensitivity: ${file.why}.`), `</section>`);
    return out.join("\n");
  }
  if (file.stale)
    out.push(
      leftOut(
        ctx,
        "effect-sensitivity.json is older than runs.ndjson: run pamir sensitivity --effect again for indices over every run.",
      ),
    );
  const r = file.value;
  out.push(
    `<p class="small">${esc(`Which sampled factors the difference ${r.arms.join(" − ")} in ${r.outcome} depends on; ${r.method}.`)}</p>`,
  );
  for (const res of r.results) out.push(resultHtml(r, res));
  out.push(`</section>`);
  return out.join("\n");
}
