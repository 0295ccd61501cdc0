/**
 * Building the report: load the results, make the choices once, render the sections in the
 * issue's order (header with the answer in short when the methods files are there, answer, the flip point when `pamir flip` left flip.json, maps, charts,
 * scatter, then sensitivity and scenario discovery when `pamir sensitivity` and `pamir discover`
 * left their files, appendix) into one
 * self-contained page.
 */
import type { Result } from "../core/problems.js";
import { buildCalibrationReport } from "./calibration/build.js";
import { isCalibrationFolder } from "./calibration/load.js";
import { chartsSection } from "./charts/charts.js";
import { scatterSection } from "./charts/scatter.js";
import { buildContext, type ReportChoices } from "./context.js";
import { headerSection } from "./header.js";
import { loadResults } from "./load.js";
import { mapsSection } from "./maps/maps.js";
import { discoverySection } from "./methods/discovery.js";
import { effectSection } from "./methods/effect.js";
import { flipSection } from "./methods/flip.js";
import { headlineSection } from "./methods/headline.js";
import { loadMethods } from "./methods/load.js";
import { sensitivitySection } from "./methods/sensitivity.js";
import { page } from "./shell.js";
import { answerSection } from "./tables/answer.js";
import { appendixSection } from "./tables/appendix.js";

/** What to build and with which pamir version (it is printed in the header). */
export interface ReportOptions extends ReportChoices {
  version: string;
}

/** A built report. */
export interface BuiltReport {
  /** The HTML document. */
  html: string;
  /** Charts and small maps drawn. */
  charts: number;
  maps: number;
  /** What was left out, one line each. */
  notes: string[];
  /** Intervals to read with care, one line per kind ("3 intervals rest on fewer than 10 runs"). */
  warnings: string[];
}

/** Build the report of the results folder `dir`; a problem says in one line why it cannot be built. */
export async function buildReport(dir: string, opts: ReportOptions): Promise<Result<BuiltReport>> {
  // A calibration folder has its own report (src/report/calibration/).
  if (isCalibrationFolder(dir)) return buildCalibrationReport(dir, opts.version);
  const data = await loadResults(dir);
  if (!data.ok) return data;
  const built = buildContext(data.value, opts);
  if (!built.ok) return built;
  const ctx = built.value;
  // Sections that note what they leave out must run before the appendix lists the notes.
  const answer = answerSection(ctx);
  const methods = loadMethods(dir);
  // The switching value follows the answer: it qualifies the answer's robust choice.
  const flip = methods.flip ? await flipSection(ctx, methods.flip) : "";
  const maps = mapsSection(ctx);
  const charts = await chartsSection(ctx);
  const scatter = await scatterSection(ctx);
  const sensitivity = methods.sensitivity ? await sensitivitySection(ctx, methods.sensitivity) : "";
  const effect = methods.effect ? effectSection(ctx, methods.effect) : "";
  const discovery = methods.discover ? await discoverySection(ctx, methods.discover) : "";
  const appendix = appendixSection(ctx);
  const sections = [
    ...(flip ? ["flip" as const] : []),
    ...(sensitivity ? ["sensitivity" as const] : []),
    ...(effect ? ["effect" as const] : []),
    ...(discovery ? ["discovery" as const] : []),
  ];
  const headline = headlineSection(ctx, methods);
  const header = headerSection(ctx, opts.version, { design: methods.design, sections, headline });
  const title = `${data.value.manifest?.study ?? dir} — pamir study report`;
  const body = [header, answer, flip, maps, charts, scatter, sensitivity, effect, discovery, appendix]
    .filter((s) => s !== "")
    .join("\n");
  return {
    ok: true,
    value: {
      html: page(title, `pamir ${opts.version}`, body),
      charts: ctx.charts,
      maps: ctx.maps,
      notes: ctx.notes,
      warnings: ctx.caveats.warnings(),
    },
  };
}
