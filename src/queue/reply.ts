/**
 * What a worker's reply must match beyond its schema, checked by the coordinator against its
 * own plan before anything is written: a series document belongs to the run it came with (its
 * id is the planned run id, so it names no other file), has the study's `every` and a value per
 * kept tick; outcomes and series are ones the study keeps; a failed run carries no outcomes.
 * Anyone who can write to Redis can answer a job, so a reply is data to check, not to trust.
 */

import type { BatchContext, RunTask } from "../study/run/batch.js";
import { globMatcher } from "../study/run/glob.js";
import type { RunRecord } from "../study/run/rows.js";

/**
 * Whether `got` are the ticks `thinSeries` keeps of a run of `ticks` ticks (every `every`-th
 * and the last), walked along `got` so a forged tick count costs nothing.
 */
function keptTicks(got: readonly number[], ticks: number, every: number): boolean {
  const n = ticks <= 0 ? 0 : Math.floor(ticks / every) + (ticks % every === 0 ? 0 : 1);
  if (got.length !== n) return false;
  return got.every((t, i) => t === (i === n - 1 ? ticks : (i + 1) * every));
}

/** Checks replies against the study's context (what it keeps, its series step). */
export function replyChecker(ctx: Pick<BatchContext, "keep" | "series">) {
  const keepOutcome = globMatcher(ctx.keep);
  const keepSeries = globMatcher(ctx.series?.keep);
  const every = ctx.series?.every;

  /** Why `rec` (the reply to `task`, at `at`) is refused, or undefined when it is acceptable. */
  const recordProblem = (rec: RunRecord, task: RunTask, at: string): string | undefined => {
    for (const name of Object.keys(rec.outcomes))
      if (!keepOutcome(name)) return `${at}.outcomes: "${name}" is not an outcome the study keeps`;
    if (rec.status === "failed") {
      if (Object.keys(rec.outcomes).length > 0 || rec.series) return `${at}: a failed run carries no results`;
      return undefined;
    }
    if (rec.problems && rec.problems.length > 0) return `${at}: a run that finished carries no problems`;
    const s = rec.series;
    if (every === undefined) return s ? `${at}.series: the study keeps no series` : undefined;
    if (!s) return `${at}.series: missing (the study keeps series)`;
    if (s.id !== task.id) return `${at}.series: series id ${JSON.stringify(s.id)} is not run ${task.id}`;
    if (s.every !== every) return `${at}.series: every ${s.every}, the study's is ${every}`;
    if (!keptTicks(s.ticks, rec.ticks, every))
      return `${at}.series: ticks are not those kept of a ${rec.ticks}-tick run`;
    for (const [name, values] of Object.entries(s.series)) {
      if (!keepSeries(name)) return `${at}.series: "${name}" is not a series the study keeps`;
      if (values.length !== s.ticks.length) return `${at}.series.${name}: not one value per kept tick`;
    }
    return undefined;
  };

  /** Why `records` (already one per task, in task order) are refused, or undefined. */
  return (records: readonly RunRecord[], tasks: readonly RunTask[]): string | undefined => {
    for (let k = 0; k < records.length; k++) {
      const why = recordProblem(records[k]!, tasks[k]!, `records.${k}`);
      if (why) return `reply ${why}`;
    }
    return undefined;
  };
}
