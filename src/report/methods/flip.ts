/**
 * "Where the advice flips", drawn when the results folder holds flip.json (`pamir flip`): the
 * switching value in one sentence (the factor's value where the better arm changes, its bootstrap
 * interval, which arm is better on each side), the binned differences with their intervals
 * around the fitted line, and a table of the exact numbers. Every number carries its exact value
 * in a data attribute, so a test can check the page against the file.
 */
import type { TopLevelSpec } from "vega-lite";
import type { FlipReport } from "../../stats/flip/flip.js";
import { figure } from "../charts/charts.js";
import { top } from "../charts/specs.js";
import { leftOut, type ReportContext } from "../context.js";
import { attrs, esc, exact, fmt } from "../html.js";
import type { MethodsFile } from "./load.js";

/** An interval end; beyond every finite root (a flat resampled line, null in flip.json) in words. */
const end = (v: number) => (Number.isFinite(v) ? fmt(v) : "unbounded");

/** The switching value in one sentence. */
function lead(r: FlipReport): string {
  const [a, b] = r.arms;
  const b0 = r.bootstrap;
  const crossing = `${fmt(100 * b0.crossShare)} % of ${b0.resamples} bootstrap resamples cross inside the sampled range`;
  const text = r.inRange
    ? `On ${r.outcome}, ${r.betterBelow} is the better ${r.by} below ${r.along.name} = ${fmt(r.flipAt ?? Number.NaN)} (95 % interval ${end(b0.low)} to ${end(b0.high)}) and ${r.betterAbove} above it; ${crossing}.`
    : `On ${r.outcome}, ${r.betterBelow} is the better ${r.by} over the whole sampled range of ${r.along.name} (${fmt(r.along.min)} to ${fmt(r.along.max)}): the line of ${a} − ${b} does not cross 0 there; ${crossing}.`;
  const data = {
    "data-flip": r.flipAt === null ? "" : exact(r.flipAt),
    "data-low": exact(b0.low),
    "data-high": exact(b0.high),
    "data-cross-share": exact(b0.crossShare),
    "data-better-below": r.betterBelow,
    "data-better-above": r.betterAbove,
  };
  return `<p class="lead"${attrs(data)}>${esc(text)}</p>`;
}

/** Binned mean differences with intervals, and the fitted line across the range. */
function binsSpec(title: string, r: FlipReport): TopLevelSpec {
  const rows = r.bins.map((x) => ({ mid: (x.from + x.to) / 2, mean: x.mean, low: x.ciLow, high: x.ciHigh }));
  const line = [r.along.min, r.along.max].map((v) => ({ mid: v, fit: r.fit.intercept + r.fit.slope * v }));
  const x = { field: "mid", type: "quantitative", title: r.along.name };
  const y = { type: "quantitative", title: `${r.outcome}: ${r.arms[0]} − ${r.arms[1]}` };
  return top(
    title,
    "point: a bin's mean difference · bar: its 95 % t interval · line: least squares · rule: 0",
    {
      width: 420,
      height: 240,
      layer: [
        {
          data: { values: [{ zero: 0 }] },
          mark: { type: "rule", color: "#999999" },
          encoding: { y: { ...y, field: "zero" } },
        },
        {
          data: { values: line },
          mark: { type: "line", color: "#0072B2" },
          encoding: { x, y: { ...y, field: "fit" } },
        },
        {
          data: { values: rows },
          mark: { type: "rule" },
          encoding: { x, y: { ...y, field: "low" }, y2: { field: "high" } },
        },
        {
          data: { values: rows },
          mark: { type: "point", filled: true, size: 50 },
          encoding: { x, y: { ...y, field: "mean" } },
        },
      ],
    },
  );
}

function binsTable(r: FlipReport): string {
  const head = [
    `${r.along.name} from`,
    "to",
    "cases",
    `mean ${r.arms[0]} − ${r.arms[1]}`,
    "95 % low",
    "95 % high",
  ];
  const th = head.map((h) => `<th scope="col">${esc(h)}</th>`).join("");
  const n = (v: number) => `<td${attrs({ "data-value": exact(v) })}>${fmt(v)}</td>`;
  const rows = r.bins.map(
    (x) => `<tr>${n(x.from)}${n(x.to)}<td>${x.n}</td>${n(x.mean)}${n(x.ciLow)}${n(x.ciHigh)}</tr>`,
  );
  return `<table class="data flip"><thead><tr>${th}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** The arms' regret in each bin of the factor (the bins as hypotheses) and the worst case, robust row marked. */
function regretTable(r: FlipReport): string {
  const g = r.regret;
  if (!g) return "";
  const head = [r.by, ...g.hypotheses.map((h) => `${r.along.name} ${h}`), "worst case"]
    .map((h) => `<th scope="col">${esc(h)}</th>`)
    .join("");
  const n = (v: number) => `<td${attrs({ "data-regret": exact(v) })}>${fmt(v)}</td>`;
  const rows = g.postures.map((p, i) => {
    const cls = p === g.robust ? ` class="robust"` : "";
    const name = `${esc(p)}${p === g.robust ? " (robust)" : ""}`;
    return `<tr${cls}><th scope="row">${name}</th>${g.regret[i]!.map(n).join("")}${n(g.maxRegret[i]!)}</tr>`;
  });
  return (
    `<div class="table-wrap"><table class="regret"><caption>${esc(`Regret in ${r.outcome}: how much worse each ${r.by}'s mean is than the better one in each bin of ${r.along.name} (${g.hypothesesAre}; 0 = best). The robust ${r.by} has the smallest worst case (minimax regret).`)}</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table></div>`
  );
}

/** The flip section, or a note when flip.json cannot be used. */
export async function flipSection(ctx: ReportContext, file: MethodsFile<FlipReport>): Promise<string> {
  const out = [`<section id="flip"><h2>Where the advice flips</h2>`];
  if (!file.ok) {
    out.push(leftOut(ctx, `No flip point: ${file.why}.`), `</section>`);
    return out.join("\n");
  }
  const r = file.value;
  if (file.stale)
    out.push(
      leftOut(ctx, "flip.json is older than runs.ndjson: run pamir flip again for a line over every run."),
    );
  out.push(lead(r));
  out.push(
    `<p>${esc(`${r.cases} paired cases (each sample and replicate run under both arms). Line ${fmt(r.fit.intercept)} + ${fmt(r.fit.slope)} × ${r.along.name}, slope 95 % ${fmt(r.fit.slopeLow)} to ${fmt(r.fit.slopeHigh)}, R² ${fmt(r.fit.r2)}. Where the bins bend away from the line, read the flip point with care.`)}</p>`,
  );
  const title = `${r.outcome}: ${r.arms[0]} − ${r.arms[1]} along ${r.along.name}`;
  out.push(await figure(ctx, binsSpec(title, r), title), binsTable(r), regretTable(r), `</section>`);
  return out.join("\n");
}
