/**
 * `pamir study <study.yaml>`: run a parameter study in worker threads into a results folder,
 * or with `--queue redis://…` through a Redis job queue served by `pamir worker` processes on
 * any machines (same folder, same files), with a progress bar on a terminal (plain lines at
 * most every 2 s otherwise). Ctrl-C (or SIGTERM) stops dispatching and keeps every finished
 * run; a second Ctrl-C drops the runs in flight (over the queue, batches already queued keep
 * running on the workers and are collected by the next start). Exit codes: 0 all runs ok,
 * 1 some runs failed (all still recorded), 2 bad input or a queue problem, 130 interrupted.
 */
import { join } from "node:path";
import type { Problem } from "../../core/problems.js";
import type { RedisTarget } from "../../queue/target.js";
import { loadStudyFile } from "../../study/load.js";
import { defaultWorkers } from "../../study/run/executor.js";
import { formatDuration, pointCheckProgress, progressLine } from "../../study/run/progress.js";
import { type RunStudyResult, runStudy, type StudyProgress } from "../../study/run/runner.js";
import { CliError, EXIT, EXIT_INTERRUPTED } from "../errors.js";
import { fileProblemsError, problemLine, problemsText } from "../problems.js";
import type { QueueArgs } from "../queue-options.js";
import { queueTarget } from "../queue-target.js";
import { stopSignals } from "../signals.js";
import { PAMIR_VERSION } from "../version.js";

export interface StudyArgs extends QueueArgs {
  study: string;
  batchRuns?: number | undefined;
  workers?: number | undefined;
  out?: string | undefined;
  resume?: boolean | undefined;
  force?: boolean | undefined;
  rebuildManifest?: boolean | undefined;
  quiet?: boolean | undefined;
}

/** A progress sink: a redrawn bar on a terminal, else a plain line at most every 2 s. */
function progressSink(quiet: boolean): { update(p: StudyProgress): void; end(): void } {
  const tty = process.stdout.isTTY === true;
  let last = 0;
  let drawn = false;
  return {
    update(p) {
      if (quiet) return;
      const now = performance.now();
      if (now - last < (tty ? 100 : 2000) && p.done < p.planned) return;
      last = now;
      if (tty) {
        const width = Math.max(10, Math.min(30, (process.stdout.columns ?? 80) - 60));
        process.stdout.write(`\r${progressLine(p, width)}\x1b[K`);
        drawn = true;
      } else process.stdout.write(`${progressLine(p)}\n`);
    },
    end() {
      if (drawn) process.stdout.write("\r\x1b[K");
    },
  };
}

/**
 * The CliError for a study that could not run: a queue problem or an unreadable file (bad input),
 * a refused results folder (with advice), a failed pool.
 */
function problemError(p: Problem): CliError {
  if (p.kind === "queue" || p.kind === "file") return new CliError(problemLine(p), EXIT.badInput);
  if (p.kind === "results" && p.data) {
    const dir = p.file ?? "";
    if (p.data.reason === "hashMismatch")
      return new CliError(
        `${dir} holds results of a different study (hash ${p.data.found}); this study's hash is ${p.data.expected}. ` +
          "Use --force to overwrite them, or --out for another folder",
        EXIT.badInput,
      );
    if (p.data.reason === "nothingToResume")
      return new CliError(`--resume: ${dir} has no study to resume (no manifest.json)`, EXIT.badInput);
    if (p.data.reason !== "notAStudyFolder") return new CliError(p.message, EXIT.badInput);
    return new CliError(
      `${dir} has runs.ndjson but no manifest.json; use --force to start over there`,
      EXIT.badInput,
    );
  }
  return new CliError(`study failed: ${p.message}`, EXIT.runFailed);
}

/** The CliError for a result that is not a clean finish, or undefined. */
function failureOf(
  r: RunStudyResult,
  args: StudyArgs,
  target: RedisTarget | undefined,
  print: (s: string) => void,
): CliError | undefined {
  if (!r.ok) return problemError(r.problems[0]!);
  const { planned, done, failed } = r.counts;
  if (r.status === "interrupted") {
    const out = args.out === undefined ? "" : ` --out ${args.out}`;
    const queue = target ? ` --queue ${target.display}` : "";
    const still = target ? "queued batches keep running on the workers; " : "";
    return new CliError(
      `interrupted: ${done} of ${planned} runs done (${failed} failed), kept in ${r.dir}; ` +
        `${still}resume with: pamir study ${args.study}${out}${queue} --resume`,
      EXIT_INTERRUPTED,
    );
  }
  const resumed = r.resumed > 0 ? `, ${r.resumed} resumed` : "";
  print(`${planned} runs, ${failed} failed, in ${formatDuration(r.elapsedMs)}${resumed} → ${r.dir}`);
  if (r.summaryProblems)
    return new CliError(`summary failed: ${problemsText(r.summaryProblems)}`, EXIT.runFailed);
  if (failed > 0)
    return new CliError(
      `${failed} of ${planned} runs failed; their errors are in ${join(r.dir, "runs.ndjson")}`,
      EXIT.runFailed,
    );
  return undefined;
}

/** Execute `pamir study`. */
export async function studyCommand(args: StudyArgs, print: (s: string) => void): Promise<void> {
  const target = args.queue !== undefined ? queueTarget({ ...args, queue: args.queue }) : undefined;
  const onProgress = args.quiet
    ? undefined
    : pointCheckProgress(args.study, (line) => process.stderr.write(`pamir: ${line}\n`));
  const loaded = loadStudyFile(args.study, { onProgress });
  if (!loaded.ok) throw fileProblemsError(args.study, loaded.problems);
  const study = loaded.study;
  const out = args.out ?? join("results", study.slug);
  const workers = args.workers ?? defaultWorkers();
  const { stop, drop, release } = stopSignals(() =>
    process.stderr.write("\npamir: stopping; waiting for the runs in flight (Ctrl-C again drops them)\n"),
  );
  const sink = progressSink(args.quiet === true);
  const where = target ? `over the queue ${target.display}` : `on ${workers} worker(s)`;
  if (args.quiet !== true)
    print(
      `${study.name}: ${study.scenarios.length} scenario(s) × ${study.design.points} point(s) × ${study.input.replicates} replicate(s) ${where} → ${out}`,
    );
  const common = {
    out,
    mode: args.force
      ? ("force" as const)
      : args.rebuildManifest
        ? ("rebuild" as const)
        : args.resume
          ? ("resume" as const)
          : ("auto" as const),
    version: PAMIR_VERSION,
    command: process.argv.slice(2),
    onProgress: (p: StudyProgress) => sink.update(p),
    stop,
  };
  const notice = (m: string) => {
    sink.end();
    process.stderr.write(`pamir: ${m}\n`);
  };
  let result: RunStudyResult;
  try {
    // The queue modules (BullMQ, ioredis) are loaded only for a queue study.
    const queue = target ? (await import("../../queue/coordinator.js")).runQueueStudy : undefined;
    result =
      queue && target
        ? await queue(study, { ...common, redis: target, batchRuns: args.batchRuns, onNotice: notice })
        : await runStudy(study, { ...common, workers, drop });
  } finally {
    sink.end();
    release();
  }
  const failure = failureOf(result, args, target, print);
  if (failure) throw failure;
}
