/**
 * Evaluating candidates through the study's executor (the piscina pool of study/run, or inline
 * in tests): each candidate is `seeds` runs with seeds from the calibration's master seed and the
 * run's id (`g<g>/d<d>/r<r>`, `fit/r<r>`), sent in batches of whole candidates; each batch's rows
 * go to the journal as soon as it returns, so a kill loses at most the batches in flight.
 * Candidates the journal already holds are not run again.
 */

import { runSeed } from "../plan.js";
import type { BatchContext, RunTask } from "../run/batch.js";
import type { Executor } from "../run/executor.js";
import type { RunRecord } from "../run/rows.js";
import { distanceOf, targetMeans } from "./distance.js";
import type { DrawRow, FitRow, Journal, JournalRow } from "./journal.js";
import type { LoadedCalibration } from "./load.js";

/** What evaluating needs. */
export interface Evaluator {
  calibration: LoadedCalibration;
  exec: Executor;
  journal: Journal;
  /** Stop sending batches (those in flight finish and are kept). */
  stop?: AbortSignal | undefined;
  /** Called with the runs of each finished batch. */
  onRuns?: ((runs: number) => void) | undefined;
}

/** The batch context of a calibration: its one scenario, its parameter paths, its target outcomes. */
export function calibrationContext(c: LoadedCalibration): BatchContext {
  return {
    hash: c.hash,
    scenarios: [{ key: "scenario", file: c.scenario.file, text: c.scenario.text }],
    paths: c.parameters.map((p) => p.path),
    ticks: c.input.ticks,
    // Keep takes globs: a literal * or ? in an outcome name (none today) matches itself via "?".
    keep: c.targets.map((t) => t.outcome.replace(/[*?]/g, "?")),
  };
}

/** One unit of work: a candidate's runs, and how its records become a journal row. */
interface Unit {
  key: string;
  /** A number no other parameter set of this calibration uses (a worker caches by it). */
  point: number;
  values: number[];
  ids: string[];
  row(records: readonly RunRecord[], seeds: readonly number[]): JournalRow;
}

const named = (c: LoadedCalibration, values: readonly number[]) =>
  Object.fromEntries(c.parameters.map((p, i) => [p.name, values[i]!]));
const problemsOf = (records: readonly RunRecord[]) =>
  records.flatMap((r) => (r.problems ?? []).map((p) => `${p.path} ${p.message}`));

/** Run the units not in the journal; false when stopped before all were sent. */
async function runUnits(ev: Evaluator, units: readonly Unit[]): Promise<boolean> {
  const { calibration: c, exec, journal } = ev;
  const todo = units.filter((u) => !journal.rows.has(u.key));
  const per = Math.max(1, Math.ceil(todo.length / (4 * exec.workers)));
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  for (let from = 0; from < todo.length; from += per) {
    if (ev.stop?.aborted === true || failure !== undefined) break;
    const chunk = todo.slice(from, from + per);
    const tasks: RunTask[] = [];
    const seeds: number[][] = [];
    for (const u of chunk) {
      seeds.push(u.ids.map((id) => runSeed(c.input.seed, id)));
      for (const [r, id] of u.ids.entries()) {
        const seed = seeds.at(-1)![r]!;
        tasks.push({ index: tasks.length, id, scenario: 0, point: u.point, seed, values: u.values });
      }
    }
    const p: Promise<void> = exec
      .run(tasks)
      .then((reply) => {
        let at = 0;
        const rows = chunk.map((u, k) => {
          const recs = reply.records.slice(at, at + u.ids.length);
          at += u.ids.length;
          return u.row(recs, seeds[k]!);
        });
        journal.append(rows);
        ev.onRuns?.(tasks.length);
      })
      .catch((err: unknown) => {
        failure ??= err;
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= 2 * exec.workers) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure;
  return todo.every((u) => journal.rows.has(u.key));
}

/** The key of draw `draw` of generation `generation` in the journal. */
export const drawKey = (generation: number, draw: number) => `g${generation}/d${draw}`;

/** Evaluate candidates (values in parameter order); their rows in candidate order, or undefined if stopped. */
export async function evaluateDraws(
  ev: Evaluator,
  generation: number,
  candidates: readonly { draw: number; values: number[] }[],
): Promise<DrawRow[] | undefined> {
  const c = ev.calibration;
  const seeds = c.input.seeds;
  const units = candidates.map(({ draw, values }): Unit => {
    const key = drawKey(generation, draw);
    return {
      key,
      point: generation * 2 ** 32 + draw,
      values,
      ids: Array.from({ length: seeds }, (_, r) => `${key}/r${r}`),
      row(records) {
        const failed = records.some((r) => r.status === "failed");
        const means = failed
          ? c.targets.map(() => Number.NaN)
          : targetMeans(
              c.targets,
              records.map((r) => r.outcomes),
            );
        const d = distanceOf(c.targets, means);
        return {
          generation,
          draw,
          parameters: named(c, values),
          status: failed ? "failed" : "ok",
          ...(failed ? { problems: problemsOf(records) } : {}),
          means: Object.fromEntries(
            c.targets.map((t, i) => [t.outcome, Number.isFinite(means[i]) ? means[i]! : null]),
          ),
          distance: Number.isFinite(d) ? d : null,
        };
      },
    };
  });
  if (!(await runUnits(ev, units))) return undefined;
  return units.map((u) => ev.journal.rows.get(u.key) as DrawRow);
}

/**
 * Run the fitted values with `runs` seeds; their rows in run order, or undefined if stopped.
 * The rows are keyed from `offset` (`fit/r<offset + r>`) so several candidate points can keep
 * their runs side by side; run r has the same seed at every offset (common random numbers).
 */
export async function evaluateFit(
  ev: Evaluator,
  values: number[],
  runs: number,
  offset = 0,
): Promise<FitRow[] | undefined> {
  const c = ev.calibration;
  // A fit run of other values (the calibration stopped at another generation before) is run again.
  const fitted = JSON.stringify(named(c, values));
  for (let r = offset; r < offset + runs; r++) {
    const old = ev.journal.rows.get(`fit/r${r}`) as FitRow | undefined;
    if (old && JSON.stringify(old.parameters) !== fitted) ev.journal.rows.delete(`fit/r${r}`);
  }
  const units = Array.from(
    { length: runs },
    (_, r): Unit => ({
      key: `fit/r${offset + r}`,
      // Past every generation's numbers (generations ≤ 100), the same for every fit run.
      point: 101 * 2 ** 32,
      values,
      ids: [`fit/r${r}`],
      row(records, seeds) {
        const rec = records[0]!;
        return {
          fit: offset + r,
          seed: seeds[0]!,
          parameters: named(c, values),
          status: rec.status,
          ...(rec.status === "failed" ? { problems: problemsOf(records) } : {}),
          outcomes: Object.fromEntries(
            c.targets.map((t) => [
              t.outcome,
              Number.isFinite(rec.outcomes[t.outcome]) ? rec.outcomes[t.outcome]! : null,
            ]),
          ),
        };
      },
    }),
  );
  if (!(await runUnits(ev, units))) return undefined;
  return units.map((u) => ev.journal.rows.get(u.key) as FitRow);
}
