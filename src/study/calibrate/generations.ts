/**
 * The generations of ABC-SMC. Generation 0 draws from the prior and keeps the first N candidates
 * whose runs did not fail; each later generation proposes from the last population, accepts a
 * candidate whose distance is within the tolerance (the `quantile` of the last population's
 * distances), and keeps the first N accepted. Candidates are evaluated in rounds of N draws, in
 * draw order, so what a generation evaluates and keeps is the same for any worker count and any
 * number of interruptions. It stops after `generations`, when the budget of runs is used, when a
 * generation accepts fewer than `minAcceptance` of its draws (or cannot fill its population
 * within N / minAcceptance draws, which is then dropped), or once the tolerance reaches
 * `minTolerance`.
 */
import type { DrawRow } from "./journal.js";
import { type PriorBox, valuesOf } from "./priors.js";
import type { CalibrationInput } from "./schema.js";
import { effectiveSampleSize, normalise, type Population, proposer, weightedQuantile } from "./smc.js";

/** One generation, as the convergence table shows it. */
export interface GenerationStats {
  generation: number;
  /** Tolerance the generation accepted within (null: none, the prior sample). */
  tolerance: number | null;
  /** Candidates evaluated. */
  draws: number;
  /** Candidates within the tolerance (the population keeps the first N). */
  accepted: number;
  acceptanceRate: number;
  /** Effective sample size of the population's weights. */
  ess: number;
  /** Model runs this generation. */
  runs: number;
  /** Model runs so far. */
  runsTotal: number;
}

/** The last population, with its rows (values, means, distances). */
export interface Posterior extends Population {
  rows: DrawRow[];
}

/** How the generations ended. */
export type SmcResult =
  | {
      status: "finished";
      posterior: Posterior;
      convergence: GenerationStats[];
      stopped: string;
      /** Generations whose draws were spent (the convergence's, and one that could not be filled). */
      attempted: number;
    }
  | { status: "interrupted"; convergence: GenerationStats[] }
  | { status: "failed"; convergence: GenerationStats[]; stopped: string };

/** Evaluates a generation's candidates in order (undefined: stopped). */
export type EvaluateDraws = (
  generation: number,
  candidates: { draw: number; values: number[] }[],
) => Promise<DrawRow[] | undefined>;

/** One generation: its accepted population and stats, or why it could not be filled. */
async function generation(
  g: number,
  tolerance: number,
  input: CalibrationInput,
  box: PriorBox,
  previous: Population | undefined,
  evaluate: EvaluateDraws,
): Promise<{ pop: Posterior; draws: number; accepted: number } | "stopped" | "unfilled"> {
  const n = input.method.population;
  const maxDraws = Math.min(Math.ceil(n / input.method.minAcceptance), 2 ** 31);
  const prop = proposer(input.seed, g, box, previous);
  const kept: { row: DrawRow; point: number[] }[] = [];
  let accepted = 0;
  let draws = 0;
  while (kept.length < n && draws < maxDraws) {
    const round = Array.from({ length: Math.min(n, maxDraws - draws) }, (_, k) => {
      const point = prop.propose(draws + k);
      return { draw: draws + k, point, values: valuesOf(box, point) };
    });
    const rows = await evaluate(g, round);
    if (!rows) return "stopped";
    rows.forEach((row, k) => {
      if (row.distance === null || row.distance > tolerance) return;
      accepted++;
      if (kept.length < n) kept.push({ row, point: round[k]!.point });
    });
    draws += round.length;
  }
  if (kept.length < n) return "unfilled";
  const points = kept.map((k) => k.point);
  const weights = normalise(points.map((p) => prop.weight(p)));
  const distances = kept.map((k) => k.row.distance!);
  return { pop: { points, weights, distances, rows: kept.map((k) => k.row) }, draws, accepted };
}

/** Run the generations of `input` on the prior box `box`, evaluating through `evaluate`. */
export async function runGenerations(
  input: CalibrationInput,
  box: PriorBox,
  evaluate: EvaluateDraws,
  onGeneration?: (g: GenerationStats) => void,
): Promise<SmcResult> {
  const m = input.method;
  const convergence: GenerationStats[] = [];
  let previous: Posterior | undefined;
  let tolerance = Number.POSITIVE_INFINITY;
  let runsTotal = 0;
  let stopped = `${m.generations} generations done`;
  let attempted = 0;
  for (let g = 0; g < m.generations; g++) {
    if (m.budget !== undefined && runsTotal >= m.budget) {
      stopped = `budget of ${m.budget} runs used`;
      break;
    }
    const got = await generation(g, tolerance, input, box, previous, evaluate);
    if (got === "stopped") return { status: "interrupted", convergence };
    attempted = g + 1;
    if (got === "unfilled") {
      // Its draws are spent, but the population is the last full one.
      runsTotal += Math.ceil(m.population / m.minAcceptance) * input.seeds;
      stopped = `generation ${g} accepted fewer than ${m.population} of ${Math.ceil(m.population / m.minAcceptance)} draws`;
      break;
    }
    const runs = got.draws * input.seeds;
    runsTotal += runs;
    const rate = got.accepted / got.draws;
    convergence.push({
      generation: g,
      tolerance: Number.isFinite(tolerance) ? tolerance : null,
      draws: got.draws,
      accepted: got.accepted,
      acceptanceRate: rate,
      ess: effectiveSampleSize(got.pop.weights),
      runs,
      runsTotal,
    });
    onGeneration?.(convergence.at(-1)!);
    previous = got.pop;
    if (g > 0 && rate < m.minAcceptance) {
      stopped = `acceptance rate ${rate.toPrecision(3)} below ${m.minAcceptance}`;
      break;
    }
    if (tolerance <= m.minTolerance) {
      stopped = `tolerance ${tolerance.toPrecision(3)} at or below ${m.minTolerance}`;
      break;
    }
    tolerance = weightedQuantile(got.pop.distances, got.pop.weights, m.quantile);
  }
  if (!previous) return { status: "failed", convergence, stopped };
  return { status: "finished", posterior: previous, convergence, stopped, attempted };
}
