/**
 * The report's header: the study's question and how it was run — scenarios, factors, design,
 * replicates, seed, versions and the date the study finished. The date is the manifest's, never
 * the clock's, so the same results always give the same file.
 */
import type { DesignFile } from "../core/design-file.js";
import { valueLabel } from "../stats/labels.js";
import type { Manifest, ManifestFactor } from "../study/results/manifest.js";
import type { ReportContext } from "./context.js";
import { esc, fmt } from "./html.js";

/** Sections in page order, for the contents list. */
export const SECTIONS = [
  ["answer", "The answer"],
  ["maps", "Maps"],
  ["charts", "Charts"],
  ["scatter", "Sampled factors"],
  ["appendix", "Appendix: all statistics and the manifest"],
] as const;

/** Sections drawn only when their results file is there: the flip after the answer, the others before the appendix. */
export const METHOD_SECTIONS = {
  flip: ["flip", "Where the advice flips"],
  sensitivity: ["sensitivity", "Sensitivity"],
  effect: ["effect", "What the effect depends on"],
  discovery: ["discovery", "Scenario discovery"],
} as const;

/** What the header needs beyond the context: the sensitivity layout and which methods sections follow. */
export interface HeaderExtras {
  /** design.json of a Saltelli or Morris study. */
  design?: DesignFile | undefined;
  /** Methods sections present, in page order. */
  sections?: readonly (keyof typeof METHOD_SECTIONS)[] | undefined;
  /** "The answer in short" (methods/headline.ts), shown before the study's facts. */
  headline?: string | undefined;
}

/** "2026-11-28 14:03 UTC" from an ISO time stamp (as written, without time-zone arithmetic). */
export function dateText(iso: string | null | undefined): string | undefined {
  const m = typeof iso === "string" ? /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso) : null;
  return m ? `${m[1]} ${m[2]} UTC` : undefined;
}

function factorText(f: ManifestFactor): string {
  const name = f.name === f.path ? "" : `<b>${esc(f.name)}</b> `;
  if (f.kind === "range") {
    return `${name}<code>${esc(f.path)}</code>: sampled from ${f.min} to ${f.max}${f.integer ? ", whole numbers" : ""}`;
  }
  const shown = f.labels ?? f.levels.map(valueLabel);
  return `${name}<code>${esc(f.path)}</code>: ${shown.map((l) => esc(l)).join(", ")}`;
}

/** The sampler in words; Saltelli and Morris with their layout when design.json is there. */
function samplerText(sampler: string, file: DesignFile | undefined): string {
  if (sampler === "lhs") return "Latin hypercube";
  if (sampler === "sobol") return "Sobol sequence";
  if (sampler === "saltelli") {
    if (file?.design !== "saltelli") return "Saltelli (for Sobol indices)";
    const { base, secondOrder } = file.saltelli;
    const ba = secondOrder ? ", BA_j" : "";
    return `Saltelli (for Sobol indices${secondOrder ? ", second order" : ""}): N = ${base} base rows of A, B, AB_j${ba} on a Sobol sequence`;
  }
  if (sampler === "morris") {
    if (file?.design !== "morris") return "Morris (elementary effects)";
    const { trajectories, levels, delta, candidates } = file.morris;
    const chosen = candidates ? `, chosen from ${candidates} candidates` : "";
    return `Morris (elementary effects): r = ${trajectories} trajectories on a ${levels}-level grid, Δ = ${fmt(delta)}${chosen}`;
  }
  return sampler;
}

function designText(m: Manifest, file: DesignFile | undefined): string {
  const d = m.design;
  if (!d) return "";
  if (!d.sampler) return `full factorial, ${d.points} design point${d.points === 1 ? "" : "s"}`;
  return `${esc(samplerText(d.sampler, file))}; ${d.samples} samples × ${d.cells} factorial cell${d.cells === 1 ? "" : "s"} = ${d.points} design points`;
}

function facts(ctx: ReportContext, version: string, design: DesignFile | undefined): [string, string][] {
  const m = ctx.data.manifest;
  const rows = ctx.data.rows;
  const failed = rows.filter((r) => r.status === "failed").length;
  const runs = `${rows.length} (${rows.length - failed} finished, ${failed} failed)`;
  if (!m)
    return [
      ["Runs", runs],
      ["Report", `pamir ${esc(version)}`],
    ];
  const scenarios = (m.scenarios ?? []).map(
    (s) => `<li><code>${esc(s.key)}</code>: ${esc(s.file)} (model ${esc(s.model)}, ${s.ticks} ticks)</li>`,
  );
  const factors = (m.factors ?? []).map((f) => `<li>${factorText(f)}</li>`);
  const git = m.git ? `, git ${esc(m.git.slice(0, 10))}` : "";
  const ended = dateText(m.endedAt);
  const date = ended
    ? `${ended} (study finished)`
    : `${dateText(m.startedAt) ?? "unknown"} (study started; it did not finish)`;
  return [
    ["Scenarios", `<ul>${scenarios.join("")}</ul>`],
    ["Factors", factors.length > 0 ? `<ul>${factors.join("")}</ul>` : "none"],
    ["Design", designText(m, design)],
    ["Replicates", `${m.replicates} per design point`],
    ["Seed", String(m.seed)],
    ["Runs", runs],
    [
      "pamir",
      `results by pamir ${esc(String(m.pamir))}${git} on Node ${esc(String(m.node))}; report by pamir ${esc(version)}`,
    ],
    ["Date", date],
  ];
}

/** The header with contents. */
export function headerSection(ctx: ReportContext, version: string, extras: HeaderExtras = {}): string {
  const m = ctx.data.manifest;
  const title = m?.study ?? ctx.data.dir;
  const question = ctx.data.description
    ? `<p class="question">${esc(ctx.data.description)}</p>`
    : `<p class="question small">The study file gives no description of its question.</p>`;
  const missing = m
    ? ""
    : `<p class="note">No manifest.json in ${esc(ctx.data.dir)}: scenarios, factors, seed and date are unknown.</p>`;
  const dl = facts(ctx, version, extras.design)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`)
    .join("");
  const shown = extras.sections ?? [];
  const methods = shown.filter((k) => k !== "flip").map((k) => METHOD_SECTIONS[k]);
  const flip = shown.includes("flip") ? [METHOD_SECTIONS.flip] : [];
  const nav = [SECTIONS[0], ...flip, ...SECTIONS.slice(1, -1), ...methods, SECTIONS[SECTIONS.length - 1]!]
    .map(([id, name]) => `<li><a href="#${id}">${esc(name)}</a></li>`)
    .join("");
  const warn: string[] = [];
  if (ctx.data.tornLine) warn.push("A torn last line of runs.ndjson (an interrupted write) was skipped.");
  if (ctx.data.duplicates > 0) warn.push(`${ctx.data.duplicates} repeated run ids: the later line counted.`);
  return [
    `<header id="top"><p class="kicker">pamir study report</p><h1>${esc(title)}</h1>`,
    question,
    missing,
    ...warn.map((w) => `<p class="note">${esc(w)}</p>`),
    extras.headline ?? "",
    `<dl class="facts">${dl}</dl>`,
    `<nav aria-label="contents"><ol>${nav}</ol></nav></header>`,
  ].join("\n");
}
