/**
 * The result files of a finished calibration: posterior.csv/json (particles, weights and each
 * parameter's weighted mean, sd and 95 % interval), convergence.csv/json (per generation: the
 * tolerance, acceptance rate, ESS and runs), fit.csv/json (per target: observed value and band
 * against the mean and 95 % range over seeds of a re-simulation at the posterior mean, and
 * whether that mean is inside the band). Numbers are written in JavaScript's shortest exact form,
 * so the same calibration gives the same bytes.
 */
import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { csvCell } from "../results/csv.js";
import type { FreeParameter, Target } from "./checks.js";
import type { GenerationStats, Posterior } from "./generations.js";
import type { FitRow } from "./journal.js";
import { weightedQuantile } from "./smc.js";

/** One parameter's posterior summary. */
export interface ParameterSummary extends FreeParameter {
  mean: number;
  sd: number;
  q025: number;
  median: number;
  q975: number;
  /** The value written to fitted.yaml and re-simulated (point.ts): the mean, or the best particle's, to 6 significant digits. */
  fitted: number;
}

/** A particle tried as the fitted point (`point: best`). */
export interface PointCandidate {
  generation: number;
  draw: number;
  /** Its distance when accepted (its `seeds` runs). */
  accepted: number;
  /** Its distance over the fit table's runs. */
  refit: number;
}

/** One line of the fit table. */
export interface FitLine extends Target {
  /** Mean over the re-simulation's runs (null if none succeeded). */
  simulated: number | null;
  q025: number | null;
  q975: number | null;
  runs: number;
  inside: boolean;
}

/** The posterior summary of each parameter (value scale, weighted). */
export function summarisePosterior(
  parameters: readonly FreeParameter[],
  post: Posterior,
): ParameterSummary[] {
  return parameters.map((p) => {
    const v = post.rows.map((r) => r.parameters[p.name]!);
    const w = post.weights;
    const mean = v.reduce((s, x, k) => s + w[k]! * x, 0);
    const sd = Math.sqrt(v.reduce((s, x, k) => s + w[k]! * (x - mean) ** 2, 0));
    const q = (p: number) => weightedQuantile(v, w, p);
    return {
      ...p,
      mean,
      sd,
      q025: q(0.025),
      median: q(0.5),
      q975: q(0.975),
      fitted: Number(mean.toPrecision(6)),
    };
  });
}

/** The fit table from the re-simulation's rows. */
export function fitTable(targets: readonly Target[], rows: readonly FitRow[]): FitLine[] {
  return targets.map((t) => {
    const v = rows.map((r) => r.outcomes[t.outcome]).filter((x): x is number => typeof x === "number");
    if (v.length === 0) return { ...t, simulated: null, q025: null, q975: null, runs: 0, inside: false };
    const mean = v.reduce((s, x) => s + x, 0) / v.length;
    const ones = v.map(() => 1);
    return {
      ...t,
      simulated: mean,
      q025: weightedQuantile(v, ones, 0.025),
      q975: weightedQuantile(v, ones, 0.975),
      runs: v.length,
      inside: mean >= t.lo && mean <= t.hi,
    };
  });
}

function writeAtomic(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

const csv = (header: string[], rows: unknown[][]) =>
  [header, ...rows].map((r) => `${r.map(csvCell).join(",")}\n`).join("");

/** Write posterior, convergence and fit files into `dir`. */
export function writeOutputs(
  dir: string,
  post: Posterior,
  summary: readonly ParameterSummary[],
  convergence: readonly GenerationStats[],
  fit: readonly FitLine[],
  point: { kind: "mean" | "best"; candidates: readonly PointCandidate[] },
): void {
  const names = summary.map((p) => p.name);
  const particles = post.rows.map((r, k) => ({
    particle: k,
    weight: post.weights[k]!,
    distance: r.distance,
    generation: r.generation,
    draw: r.draw,
    parameters: r.parameters,
  }));
  writeAtomic(
    join(dir, "posterior.json"),
    `${JSON.stringify({ point: { kind: point.kind, candidates: point.candidates }, parameters: summary, particles }, null, 2)}\n`,
  );
  writeAtomic(
    join(dir, "posterior.csv"),
    csv(
      ["particle", "weight", "distance", "generation", "draw", ...names],
      particles.map((p) => [
        p.particle,
        p.weight,
        p.distance,
        p.generation,
        p.draw,
        ...names.map((n) => p.parameters[n]),
      ]),
    ),
  );
  writeAtomic(join(dir, "convergence.json"), `${JSON.stringify(convergence, null, 2)}\n`);
  const conv = [
    "generation",
    "tolerance",
    "draws",
    "accepted",
    "acceptanceRate",
    "ess",
    "runs",
    "runsTotal",
  ] as const;
  writeAtomic(
    join(dir, "convergence.csv"),
    csv(
      [...conv],
      convergence.map((g) => conv.map((k) => g[k])),
    ),
  );
  writeAtomic(join(dir, "fit.json"), `${JSON.stringify(fit, null, 2)}\n`);
  const cols = [
    "outcome",
    "observed",
    "lo",
    "hi",
    "weight",
    "simulated",
    "q025",
    "q975",
    "runs",
    "inside",
    "source",
  ] as const;
  writeAtomic(
    join(dir, "fit.csv"),
    csv(
      [...cols],
      fit.map((f) => cols.map((k) => f[k])),
    ),
  );
}
