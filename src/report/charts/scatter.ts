/**
 * Scatter plots for sampled designs (LHS, Sobol, Saltelli, Morris): the chosen outcome against each factor sampled
 * over a range, one dot per run, or binned counts when dots would bury each other.
 */

import { leftOut, type ReportContext } from "../context.js";
import { armScale, figure } from "./charts.js";
import { scatterSpec } from "./specs.js";

/** Above this many runs a scatter shows binned counts instead of dots. */
const DOTS_MAX = 2000;

/** The scatter section. */
export async function scatterSection(ctx: ReportContext): Promise<string> {
  const out = [`<section id="scatter"><h2>Sampled factors</h2>`];
  const o = ctx.regret ?? ctx.chosen[0];
  if (ctx.arms.ranges.length === 0 || !o) {
    const why =
      ctx.arms.ranges.length === 0
        ? "the study samples no factor over a range (only LHS, Sobol, Saltelli and Morris designs do)"
        : "there is no outcome to plot";
    out.push(leftOut(ctx, `No scatter plots: ${why}.`), `</section>`);
    return out.join("\n");
  }
  for (const path of ctx.arms.ranges) {
    const points: { x: number; y: number; arm: string }[] = [];
    for (const cell of ctx.arms.cells) {
      for (const r of cell.rows) {
        const x = r.factors[path];
        const y = r.outcomes[o.name];
        if (r.status !== "ok" || typeof x !== "number" || typeof y !== "number" || !Number.isFinite(y))
          continue;
        points.push({ x, y, arm: cell.label });
      }
    }
    if (points.length === 0) {
      out.push(leftOut(ctx, `No scatter plot of ${path}: no finished run has both it and ${o.name}.`));
      continue;
    }
    const spec = scatterSpec(path, o.label, o.unit, points, armScale(ctx), points.length > DOTS_MAX);
    out.push(await figure(ctx, spec, `${o.label} against ${path}`));
  }
  out.push(`</section>`);
  return out.join("\n");
}
