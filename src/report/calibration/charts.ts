/**
 * The marginal posteriors as weighted histograms, one per parameter, with the prior's range as
 * the x domain (so how much the data narrowed it shows at a glance; a log axis for log-uniform
 * priors) and rules at the posterior mean and at the 95 % interval's ends.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ParameterSummary } from "../../study/calibrate/outputs.js";

/** Bins of a histogram: 30 over the prior's range, log-spaced for a log-uniform prior. */
const BINS = 30;

/** Weighted histogram rows of parameter `p` over the particles. */
export function histogramRows(
  p: ParameterSummary,
  particles: readonly { weight: number; parameters: Record<string, number> }[],
): { lo: number; hi: number; weight: number }[] {
  const log = p.prior === "log-uniform";
  const t = (v: number) => (log ? Math.log(v) : v);
  const back = (v: number) => (log ? Math.exp(v) : v);
  const a = t(p.min);
  const w = (t(p.max) - a) / BINS;
  const mass = new Array<number>(BINS).fill(0);
  for (const q of particles) {
    const k = Math.min(BINS - 1, Math.max(0, Math.floor((t(q.parameters[p.name]!) - a) / w)));
    mass[k]! += q.weight;
  }
  return mass.map((m, k) => ({ lo: back(a + k * w), hi: back(a + (k + 1) * w), weight: m }));
}

/** The Vega-Lite spec of one marginal posterior. */
export function posteriorSpec(
  p: ParameterSummary,
  particles: readonly { weight: number; parameters: Record<string, number> }[],
): TopLevelSpec {
  const scale = {
    type: p.prior === "log-uniform" ? ("log" as const) : ("linear" as const),
    domain: [p.min, p.max],
    nice: false,
  };
  const rule = (values: number[], dash: number[]) => ({
    data: { values: values.map((v) => ({ v })) },
    mark: { type: "rule" as const, color: "#d62728", strokeDash: dash },
    encoding: { x: { field: "v", type: "quantitative" as const, scale } },
  });
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: 320,
    height: 160,
    title: {
      text: p.name,
      subtitle: `posterior weight per bin over the prior (${p.prior} ${p.min} to ${p.max}); lines: mean, 95 % interval`,
    },
    layer: [
      {
        data: { values: histogramRows(p, particles) },
        mark: { type: "rect", color: "#4c78a8" },
        encoding: {
          x: { field: "lo", type: "quantitative", scale, title: p.path },
          x2: { field: "hi" },
          y: { field: "weight", type: "quantitative", title: "posterior weight" },
        },
      },
      rule([p.mean], [1, 0]),
      rule([p.q025, p.q975], [4, 3]),
    ],
    config: { font: "Helvetica, Arial, sans-serif", view: { stroke: "#cccccc" } },
  };
}
