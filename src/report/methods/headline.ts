/**
 * "The answer in short", on the report's first screen when the methods commands left their files:
 * the robust arm by minimax regret over bins of the threat factor and the flip point with its
 * interval (flip.json), the PRIM box where the condition holds with coverage and density
 * (discover.json), and the top first-order indices of the arm effect (effect-sensitivity.json).
 * Each number is a <span class="num"> carrying the file and the JSON path it comes from and its
 * exact value, so a test (or a reader) can check the page against the files.
 */
import type { FlipReport } from "../../stats/flip/flip.js";
import type { DiscoverReport } from "../../stats/prim/discover.js";
import { EFFECT_FILE, type EffectReport } from "../../stats/sensitivity/effect.js";
import { leftOut, type ReportContext } from "../context.js";
import { attrs, esc, exact, fmt } from "../html.js";
import { outcomeInfo } from "../outcomes.js";
import type { MethodsData, MethodsFile } from "./load.js";

/** How many sensitivity indices the first screen names. */
const TOP_INDICES = 3;

/**
 * A number of `file` at JSON `path` (dot-separated), shown as people read it; `missing` stands
 * for a value the file holds as null (an undefined index, or an interval end past every root).
 */
function num(file: string, path: string, v: number | null, missing = "—"): string {
  const value = v ?? Number.NaN;
  const a = attrs({ class: "num", "data-file": file, "data-path": path, "data-value": exact(value) });
  return `<span${a}>${Number.isFinite(value) ? esc(fmt(value)) : missing}</span>`;
}

const q = (s: string) => `“${esc(s)}”`;

/** Robust arm and flip point from flip.json. */
function flipItems(r: FlipReport, outcomeText: string, unit: string): string[] {
  const F = "flip.json";
  const out: string[] = [];
  const g = r.regret;
  if (g?.robust) {
    const i = g.postures.indexOf(g.robust);
    const others = g.postures
      .map((p, k) => ({ p, k }))
      .filter((x) => x.k !== i)
      .map((x) => `${q(x.p)} up to ${num(F, `regret.maxRegret.${x.k}`, g.maxRegret[x.k]!)}${unit}`);
    out.push(
      `<li id="headline-robust"><strong>Robust ${esc(r.by)}: ${q(g.robust)}</strong> by minimax regret of ${esc(outcomeText)} over ${num(F, "regret.hypotheses.length", g.hypotheses.length)} ` +
        `bands of ${esc(r.along.name)} (${esc(g.hypothesesAre)}): ` +
        (g.maxRegret[i] === 0
          ? `it is the better ${esc(r.by)} in every band (worst-case regret ${num(F, `regret.maxRegret.${i}`, 0)}${unit})`
          : `whichever band holds, it is at most ${num(F, `regret.maxRegret.${i}`, g.maxRegret[i]!)}${unit} worse than the better ${esc(r.by)} there`) +
        `; ${others.join("; ")}.</li>`,
    );
  }
  const b = r.bootstrap;
  const ci = `95 % interval ${num(F, "bootstrap.low", b.low, "unbounded")} to ${num(F, "bootstrap.high", b.high, "unbounded")}`;
  const cross = `a share ${num(F, "bootstrap.crossShare", b.crossShare)} of the ${num(F, "bootstrap.resamples", b.resamples)} bootstrap resamples cross inside the range`;
  out.push(
    r.inRange
      ? `<li id="headline-flip"><strong>The advice flips at ${esc(r.along.name)} = ${num(F, "flipAt", r.flipAt)}</strong> (${ci}): ` +
          `${q(r.betterBelow)} is better below, ${q(r.betterAbove)} above; ${cross}.</li>`
      : `<li id="headline-flip"><strong>No flip in [${num(F, "along.min", r.along.min)}, ${num(F, "along.max", r.along.max)}]</strong>: ` +
          `${q(r.betterBelow)} is better throughout the sampled ${esc(r.along.name)}; the fitted line of ${esc(r.arms.join(" − "))} has its root at ` +
          `${num(F, "flipAt", r.flipAt, "no point (a flat line)")} (${ci}); ${cross}.</li>`,
  );
  return out;
}

/** The chosen PRIM box from discover.json. */
function boxItem(r: DiscoverReport): string {
  const F = "discover.json";
  const c = r.chosen;
  const limits = c.restrictions.map(
    (x, i) =>
      `${esc(x.factor)} ${num(F, `chosen.restrictions.${i}.min`, x.min)} to ${num(F, `chosen.restrictions.${i}.max`, x.max)}`,
  );
  const box =
    limits.length > 0
      ? limits.join(", ")
      : "no box: the cases where it holds are spread over the whole sampled space, and no restriction raises the share where it holds enough to pay for the cases it loses";
  return (
    `<li id="headline-box"><strong>Where <code>${esc(r.where)}</code></strong> (PRIM; it holds in ${num(F, "casesOfInterest", r.casesOfInterest)} of ${num(F, "cases", r.cases)} cases): ${box}; ` +
    `coverage ${num(F, "chosen.coverage", c.coverage)}, density ${num(F, "chosen.density", c.density)} ` +
    `(share of all cases in the box: ${num(F, "chosen.mass", c.mass)}).</li>`
  );
}

/** The top first-order indices of the effect from effect-sensitivity.json (first result). */
function effectItem(r: EffectReport): string {
  const res = r.results[0];
  if (!res) return "";
  const top = res.indices
    .map((x, j) => ({ x, j }))
    .sort((a, b) => (b.x.s1.value || 0) - (a.x.s1.value || 0))
    .slice(0, TOP_INDICES)
    .map(({ x, j }) => {
      const p = `results.0.indices.${j}`;
      return (
        `${esc(x.factor)} S1 ${num(EFFECT_FILE, `${p}.s1.value`, x.s1.value)} ` +
        `[${num(EFFECT_FILE, `${p}.s1.low`, x.s1.low)}, ${num(EFFECT_FILE, `${p}.s1.high`, x.s1.high)}] ` +
        `(PRCC ${num(EFFECT_FILE, `${p}.prcc.value`, x.prcc.value)})`
      );
    });
  const noise =
    res.noiseShare === null
      ? ""
      : `; run-to-run noise is ${num(EFFECT_FILE, "results.0.noiseShare", res.noiseShare)} of the effect's variance over the samples` +
        (res.noiseShare > 0.5 ? ", so the effect varies little beyond noise and no index can be large" : "");
  return (
    `<li id="headline-sensitivity"><strong>The ${esc(r.by)} effect (${esc(r.arms.join(" − "))}) depends most on</strong> ` +
    `${top.join("; ")} (first-order Sobol indices from given data with 95 % bootstrap intervals, PRCC for the direction; an input without effect ` +
    `scores about ${num(EFFECT_FILE, "results.0.nullLevel", res.nullLevel)}${noise}).</li>`
  );
}

/** Why a file gives no item: a note (kept in the appendix's list). */
function unusable<T>(
  ctx: ReportContext,
  f: MethodsFile<T> | undefined,
): f is undefined | { ok: false; file: string; why: string } {
  if (f === undefined) return true;
  if (!f.ok) {
    leftOut(ctx, `The answer in short leaves out ${f.file}: ${f.why}.`);
    return true;
  }
  if (f.stale)
    leftOut(ctx, `${f.file} is older than runs.ndjson: its command was not run again after the last runs.`);
  return false;
}

/** The headline list, or "" when the folder holds none of the files. */
export function headlineSection(ctx: ReportContext, m: MethodsData): string {
  const items: string[] = [];
  const outcome = m.flip?.ok ? m.flip.value.outcome : m.effect?.ok ? m.effect.value.outcome : undefined;
  const info = outcome ? outcomeInfo(outcome, ctx.data.catalogues) : undefined;
  const outcomeText = info ? info.label.toLowerCase() : "";
  const unit = info?.unit ? ` ${esc(info.unit)}` : "";
  if (!unusable(ctx, m.flip)) items.push(...flipItems(m.flip.value, outcomeText, unit));
  if (!unusable(ctx, m.discover)) items.push(boxItem(m.discover.value));
  if (!unusable(ctx, m.effect)) items.push(effectItem(m.effect.value));
  if (items.length === 0) return "";
  const about = info
    ? `<p class="small">Decision outcome: ${esc(info.label.toLowerCase())} (<code>${esc(info.name)}</code>${info.direction ? `, ${esc(info.direction.replaceAll("-", " "))}` : ""}). ` +
      `Every number below is read from the file named in its <code>data-file</code> attribute in this results folder.</p>`
    : "";
  return `<section id="headline" aria-label="the answer in short"><h2>The answer in short</h2>${about}<ol class="headline">${items.join("")}</ol></section>`;
}
