/**
 * `pamir study <study.yaml>`: run a parameter study in worker threads into a results folder,
 * with a progress bar on a terminal (plain lines at most every 2 s otherwise). Ctrl-C (or
 * SIGTERM) stops dispatching and keeps every finished run; a second Ctrl-C drops the runs in
 * flight. Exit codes: 0 all runs ok, 1 some runs failed (all still recorded), 2 bad input,
 * 130 interrupted.
 */
import { join } from "node:path";
import type { Argv } from "yargs";
import { formatScenarioError } from "../scenario/errors.js";
import { defaultWorkers } from "../study/executor.js";
import { loadStudyFile } from "../study/load.js";
import { formatDuration, progressLine } from "../study/progress.js";
import { type RunStudyResult, runStudy, type StudyProgress } from "../study/runner.js";
import { CliError, EXIT } from "./errors.js";
import { PAMIR_VERSION } from "./version.js";

/** Exit code after an interruption (128 + SIGINT, as shells report it). */
export const EXIT_INTERRUPTED = 130;

interface StudyArgs {
  study: string;
  workers?: number | undefined;
  out?: string | undefined;
  resume?: boolean | undefined;
  force?: boolean | undefined;
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

/** The CliError for a result that is not a clean finish, or undefined. */
function failureOf(r: RunStudyResult, args: StudyArgs, print: (s: string) => void): CliError | undefined {
  if (!r.ok) {
    const e = r.error;
    if (e.kind === "hashMismatch")
      return new CliError(
        `${e.dir} holds results of a different study (hash ${e.found}); this study's hash is ${e.expected}. ` +
          "Use --force to overwrite them, or --out for another folder",
        EXIT.badInput,
      );
    if (e.kind === "nothingToResume")
      return new CliError(`--resume: ${e.dir} has no study to resume (no manifest.json)`, EXIT.badInput);
    if (e.kind === "notAStudyFolder")
      return new CliError(
        `${e.dir} has runs.ndjson but no manifest.json; use --force to start over there`,
        EXIT.badInput,
      );
    return new CliError(`study failed: ${e.message}`, EXIT.runFailed);
  }
  const { planned, done, failed } = r.counts;
  if (r.status === "interrupted") {
    const out = args.out === undefined ? "" : ` --out ${args.out}`;
    return new CliError(
      `interrupted: ${done} of ${planned} runs done (${failed} failed), kept in ${r.dir}; ` +
        `resume with: pamir study ${args.study}${out} --resume`,
      EXIT_INTERRUPTED,
    );
  }
  const resumed = r.resumed > 0 ? `, ${r.resumed} resumed` : "";
  print(`${planned} runs, ${failed} failed, in ${formatDuration(r.elapsedMs)}${resumed} → ${r.dir}`);
  if (r.summaryError) return new CliError(`summary failed: ${r.summaryError.message}`, EXIT.runFailed);
  if (failed > 0)
    return new CliError(
      `${failed} of ${planned} runs failed; their errors are in ${join(r.dir, "runs.ndjson")}`,
      EXIT.runFailed,
    );
  return undefined;
}

/** Execute `pamir study`. */
export async function studyCommand(args: StudyArgs, print: (s: string) => void): Promise<void> {
  const loaded = loadStudyFile(args.study);
  if (!loaded.ok) {
    const n = loaded.errors.length;
    throw new CliError(
      `${args.study}: ${n} problem${n === 1 ? "" : "s"}`,
      EXIT.badInput,
      loaded.errors.map(formatScenarioError),
    );
  }
  const study = loaded.study;
  const out = args.out ?? join("results", study.slug);
  const workers = args.workers ?? defaultWorkers();
  const stop = new AbortController();
  const drop = new AbortController();
  const onSignal = () => {
    if (!stop.signal.aborted) {
      process.stderr.write("\npamir: stopping; waiting for the runs in flight (Ctrl-C again drops them)\n");
      stop.abort();
    } else drop.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const sink = progressSink(args.quiet === true);
  if (args.quiet !== true)
    print(
      `${study.name}: ${study.scenarios.length} scenario(s) × ${study.design.points} point(s) × ${study.input.replicates} replicate(s) on ${workers} worker(s) → ${out}`,
    );
  let result: RunStudyResult;
  try {
    result = await runStudy(study, {
      out,
      workers,
      mode: args.force ? "force" : args.resume ? "resume" : "auto",
      version: PAMIR_VERSION,
      onProgress: (p) => sink.update(p),
      stop: stop.signal,
      drop: drop.signal,
    });
  } finally {
    sink.end();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  const failure = failureOf(result, args, print);
  if (failure) throw failure;
}

/** Register `study` on a yargs instance. */
export function registerStudy(y: Argv, print: (s: string) => void): Argv {
  return y.command(
    "study <study>",
    "Run a parameter study (factors × replicates) in worker threads into a results folder",
    (c) =>
      c
        .positional("study", { type: "string", demandOption: true, describe: "study YAML file" })
        .option("workers", { type: "number", describe: "worker threads (default: available cores)" })
        .option("out", { type: "string", describe: "results folder (default: results/<study name slug>)" })
        .option("resume", {
          type: "boolean",
          describe: "resume the study in the results folder (error if none)",
        })
        .option("force", {
          type: "boolean",
          describe: "discard results of any study in the folder and start over",
        })
        .option("quiet", { type: "boolean", default: false, describe: "no progress output" })
        .conflicts("resume", "force")
        .check((a) => {
          const w = a.workers;
          if (w !== undefined && !(Number.isInteger(w) && w >= 1))
            throw new Error("--workers must be an integer ≥ 1");
          return true;
        }),
    (a) => studyCommand(a as StudyArgs, print),
  );
}
