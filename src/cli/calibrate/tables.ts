/** A finished calibration as terminal tables: convergence per generation, posterior, fit. */
import type { CalibrateResult } from "../../study/calibrate/run.js";
import { formatNumber as f, renderTable } from "../table.js";

/** The finished calibration as printed lines: convergence, posterior, fit table. */
export function calibrationTables(r: Extract<CalibrateResult, { ok: true }>): string[] {
  const conv = r.convergence.map((g) => [
    f(g.generation),
    f(g.tolerance ?? Infinity),
    f(g.draws),
    f(g.acceptanceRate),
    f(g.ess),
    f(g.runsTotal),
  ]);
  const post = (r.parameters ?? []).map((p) => [p.name, f(p.mean), `[${f(p.q025)}, ${f(p.q975)}]`, f(p.sd)]);
  const fit = (r.fit ?? []).map((t) => [
    t.outcome,
    f(t.observed),
    `[${f(t.lo)}, ${f(t.hi)}]`,
    t.simulated === null ? "—" : f(t.simulated),
    t.q025 === null ? "—" : `[${f(t.q025)}, ${f(t.q975!)}]`,
    t.inside ? "yes" : "NO",
  ]);
  return [
    renderTable(["generation", "tolerance", "draws", "acceptance", "ESS", "runs"], conv),
    `stopped: ${r.stopped}`,
    "",
    renderTable(["parameter", "mean", "95 % interval", "sd"], post),
    "",
    renderTable(["target", "observed", "band", "simulated", "95 % of runs", "inside"], fit),
  ];
}
