/**
 * The report of a calibration folder: what was fitted to what (the header), the fit table
 * (each target's observed value and band against the re-simulation at the written point), the
 * posterior table and one histogram per parameter, and the convergence per generation.
 */
import { formatNumber } from "../../core/number-format.js";
import type { Result } from "../../core/problems.js";
import { renderChart } from "../charts/vega.js";
import { esc, fmt } from "../html.js";
import { page } from "../shell.js";
import { posteriorSpec } from "./charts.js";
import { type CalibrationData, loadCalibration } from "./load.js";

/** A built calibration report (the same shape as a study's, so the CLI treats both alike). */
export interface BuiltCalibrationReport {
  html: string;
  charts: number;
  maps: number;
  notes: string[];
  /** None: a calibration's intervals are posterior quantiles, not t intervals. */
  warnings: string[];
}

const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`;
const table = (head: string[], rows: string[]) =>
  `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`;

/** Where the fit table's runs were made: the posterior mean, or the best particle and its rivals. */
function pointWords(d: CalibrationData): string {
  if (d.point.kind === "mean") return "the posterior mean";
  const tried = d.point.candidates;
  const best = tried.reduce((a, b) => (b.refit < a.refit ? b : a));
  const others = tried.filter((c) => c !== best).map((c) => fmt(c.refit));
  return (
    `the best particle (generation ${best.generation}, draw ${best.draw}): of the ${tried.length} nearest the targets when accepted, ` +
    `the one whose re-simulation lands nearest (distance ${fmt(best.refit)}${others.length > 0 ? `; the others ${others.join(", ")}` : ""})`
  );
}

function fitSection(d: CalibrationData): string {
  const rows = d.fit.map((t) =>
    row([
      esc(t.outcome),
      fmt(t.observed),
      `${fmt(t.lo)} – ${fmt(t.hi)}`,
      t.simulated === null ? "—" : fmt(t.simulated),
      t.q025 === null ? "—" : `${fmt(t.q025)} – ${fmt(t.q975!)}`,
      t.inside ? "yes" : "<strong>no</strong>",
      esc(t.source),
    ]),
  );
  const runs = d.fit[0]?.runs ?? 0;
  return [
    "<section><h2>Fit</h2>",
    `<p>Each target against ${runs} runs at ${pointWords(d)} (fitted.yaml): their mean, the range of 95 % of them, and whether the mean lies inside the target's band.</p>`,
    table(["target", "observed", "band", "simulated mean", "95 % of runs", "inside band", "source"], rows),
    "</section>",
  ].join("\n");
}

async function posteriorSection(d: CalibrationData): Promise<{ html: string; charts: number }> {
  const rows = d.parameters.map((p) =>
    row([
      esc(p.name),
      esc(p.path),
      `${esc(p.prior)} ${fmt(p.min)} – ${fmt(p.max)}`,
      fmt(p.mean),
      fmt(p.sd),
      `${fmt(p.q025)} – ${fmt(p.q975)}`,
      esc(formatNumber(p.fitted, { digits: 6 })),
    ]),
  );
  const charts: string[] = [];
  for (const [i, p] of d.parameters.entries())
    charts.push(
      `<figure>${await renderChart(posteriorSpec(p, d.particles), `posterior-${i}`, `Posterior of ${p.name}`)}</figure>`,
    );
  const html = [
    "<section><h2>Posterior</h2>",
    `<p>${d.particles.length} weighted particles of the last generation.</p>`,
    table(["parameter", "path", "prior", "mean", "sd", "95 % interval", "fitted"], rows),
    ...charts,
    "</section>",
  ].join("\n");
  return { html, charts: charts.length };
}

function convergenceSection(d: CalibrationData): string {
  const rows = d.convergence.map((g) =>
    row([
      fmt(g.generation),
      fmt(g.tolerance ?? Infinity),
      fmt(g.draws),
      fmt(g.acceptanceRate),
      fmt(g.ess),
      fmt(g.runsTotal),
    ]),
  );
  return [
    "<section><h2>Convergence</h2>",
    `<p>Stopped: ${esc(d.manifest.stopped ?? "—")}. The tolerance is the distance (root mean square of the targets' misses in band half-widths) a draw had to beat.</p>`,
    table(["generation", "tolerance", "draws", "acceptance rate", "ESS", "runs so far"], rows),
    "</section>",
  ].join("\n");
}

/** Build the report of the calibration folder `dir`. */
export async function buildCalibrationReport(
  dir: string,
  version: string,
): Promise<Result<BuiltCalibrationReport>> {
  const data = loadCalibration(dir);
  if (!data.ok) return data;
  const d = data.value;
  const m = d.manifest;
  const header = [
    `<header><h1>${esc(m.calibration)}</h1>`,
    m.description ? `<p>${esc(m.description)}</p>` : "",
    `<p class="note">${esc(`Calibration ${m.calibrationFile} (hash ${m.calibrationHash}) of ${m.scenarioFile} (model ${m.model}), pamir ${m.pamir}${m.git ? `, commit ${m.git}` : ""}.`)}</p>`,
    "</header>",
  ].join("\n");
  const post = await posteriorSection(d);
  const body = [header, fitSection(d), post.html, convergenceSection(d)].join("\n");
  return {
    ok: true,
    value: {
      html: page(`${m.calibration} — pamir calibration report`, `pamir ${version}`, body),
      charts: post.charts,
      maps: 0,
      notes: [],
      warnings: [],
    },
  };
}
